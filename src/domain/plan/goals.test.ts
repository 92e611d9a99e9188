import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  GOAL_STATUSES,
  type GoalForLimit,
  checkGoalLimit,
  checkNotPast,
  goalLimit,
  isOpenGoal,
} from './goals.js';

const memberIds = ['m1', 'm2', 'm3', 'm4'];
const goalArb = (id: string) =>
  fc.record({
    id: fc.constant(id),
    status: fc.constantFrom(...GOAL_STATUSES),
    memberIds: fc.subarray(memberIds),
  });
const goalsArb = fc
  .integer({ min: 0, max: 9 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => goalArb(`g${i}`))));
const lvbArb = fc.subarray(memberIds).map((ids) => new Set(ids));

describe('goal limit', () => {
  it('is 5 without LVB and 3 as soon as an open goal concerns an LVB member', () => {
    const g = (id: string, memberIds: string[], status: GoalForLimit['status'] = 'active') => ({
      id,
      status,
      memberIds,
    });
    expect(goalLimit([g('a', ['m1'])], new Set()).limit).toBe(5);
    expect(goalLimit([g('a', ['m1'])], new Set(['m1']))).toEqual({ limit: 3, open: 1, lvbMemberIds: ['m1'] });
    expect(goalLimit([g('a', ['m1'], 'reached')], new Set(['m1'])).limit).toBe(5);
  });

  it('refuses a sixth open goal, and a fourth when it concerns an LVB member', () => {
    const five = Array.from({ length: 5 }, (_, i) => ({
      id: `g${i}`,
      status: 'active' as const,
      memberIds: ['m1'],
    }));
    expect(checkGoalLimit(five, { id: 'new', status: 'active', memberIds: ['m1'] }, new Set()).ok).toBe(
      false,
    );
    expect(checkGoalLimit(five, { id: 'new', status: 'reached', memberIds: ['m1'] }, new Set()).ok).toBe(
      true,
    );
    const three = five.slice(0, 3);
    expect(checkGoalLimit(three, { id: 'new', status: 'active', memberIds: ['m2'] }, new Set()).ok).toBe(
      true,
    );
    const refused = checkGoalLimit(
      three,
      { id: 'new', status: 'active', memberIds: ['m2'] },
      new Set(['m2']),
    );
    expect(refused).toEqual({ ok: false, limit: { limit: 3, open: 4, lvbMemberIds: ['m2'] } });
  });

  it('property: a change that is accepted from a state within the limit never leads over the limit', () => {
    fc.assert(
      fc.property(goalsArb, goalArb('x'), fc.nat(12), lvbArb, (goals, candidate, pick, lvb) => {
        const current = goals as GoalForLimit[];
        fc.pre(goalLimit(current, lvb).open <= goalLimit(current, lvb).limit);
        const after =
          current.length > 0 && pick < current.length ? { ...candidate, id: current[pick]!.id } : candidate;
        const result = checkGoalLimit(current, after, lvb);
        const next = [...current.filter((g) => g.id !== after.id), after];
        const l = goalLimit(next, lvb);
        expect(result.ok).toBe(l.open <= l.limit);
      }),
    );
  });

  it('property: closing a goal (reached or stopped) is always allowed', () => {
    fc.assert(
      fc.property(
        goalsArb,
        fc.nat(9),
        fc.constantFrom('reached' as const, 'stopped' as const),
        lvbArb,
        (goals, pick, status, lvb) => {
          fc.pre(goals.length > 0);
          const g = goals[pick % goals.length]!;
          expect(checkGoalLimit(goals as GoalForLimit[], { ...g, status }, lvb).ok).toBe(true);
        },
      ),
    );
  });

  it('open goals are active or adjusted', () => {
    expect(GOAL_STATUSES.filter(isOpenGoal)).toEqual(['active', 'adjusted']);
  });

  it('dates in the past are refused when set', () => {
    expect(checkNotPast('2026-01-01', '2026-01-02', 'dueDate')).toEqual([
      { path: 'dueDate', message: 'This date lies in the past.' },
    ]);
    expect(checkNotPast('2026-01-02', '2026-01-02', 'dueDate')).toEqual([]);
    expect(checkNotPast(null, '2026-01-02', 'dueDate')).toEqual([]);
  });
});
