import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkEvaluationRecord } from './evaluations.js';

const today = '2026-03-10';

describe('recording an evaluation', () => {
  it('needs the next evaluation date, after this one, unless the plan is closed', () => {
    const base = { heldOn: today, decisions: [{ goalId: 'g1' }] };
    expect(
      checkEvaluationRecord({ ...base, nextEvaluationOn: '2026-06-10', closesPlan: false }, ['g1'], today),
    ).toEqual([]);
    expect(
      checkEvaluationRecord({ ...base, nextEvaluationOn: null, closesPlan: false }, ['g1'], today),
    ).toEqual([{ path: 'nextEvaluationOn', message: 'Plan the next evaluation, or close the plan.' }]);
    expect(
      checkEvaluationRecord({ ...base, nextEvaluationOn: today, closesPlan: false }, ['g1'], today)[0]?.path,
    ).toBe('nextEvaluationOn');
    expect(
      checkEvaluationRecord({ ...base, nextEvaluationOn: null, closesPlan: true }, ['g1'], today),
    ).toEqual([]);
    expect(
      checkEvaluationRecord({ ...base, nextEvaluationOn: '2026-06-10', closesPlan: true }, ['g1'], today)[0]
        ?.path,
    ).toBe('nextEvaluationOn');
  });

  it('needs one decision for every open goal, and only for open goals', () => {
    const rec = (goalIds: string[]) => ({
      heldOn: today,
      nextEvaluationOn: '2026-06-01',
      closesPlan: false,
      decisions: goalIds.map((goalId) => ({ goalId })),
    });
    expect(checkEvaluationRecord(rec(['g1']), ['g1', 'g2'], today).map((i) => i.path)).toEqual(['decisions']);
    expect(checkEvaluationRecord(rec(['g1', 'g1', 'g2']), ['g1', 'g2'], today).map((i) => i.path)).toEqual([
      'decisions.1.goalId',
    ]);
    expect(checkEvaluationRecord(rec(['g1', 'g9']), ['g1'], today).map((i) => i.path)).toEqual([
      'decisions.1.goalId',
    ]);
    expect(checkEvaluationRecord({ ...rec([]), heldOn: '2026-03-11' }, [], today).map((i) => i.path)).toEqual(
      ['heldOn'],
    );
  });

  it('property: an evaluation that does not close the plan is never accepted without a later next date', () => {
    const day = fc
      .integer({ min: 0, max: 400 })
      .map((n) => new Date(Date.UTC(2026, 0, 1) + n * 86400000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.option(day, { nil: null }), fc.boolean(), (heldOn, next, closes) => {
        fc.pre(heldOn <= today);
        const issues = checkEvaluationRecord(
          { heldOn, nextEvaluationOn: next, closesPlan: closes, decisions: [] },
          [],
          today,
        );
        if (issues.length === 0) {
          if (closes) expect(next).toBeNull();
          else expect(next !== null && next > heldOn && next >= today).toBe(true);
        }
      }),
    );
  });
});
