import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byUrgency, climb, deadlineOf } from './ladder.js';
import { DEFAULT_LADDER, checkSettings, DEFAULT_STAGNATION_SETTINGS } from './settings.js';

describe('escalation ladder', () => {
  it('gives each step its deadline in working days (King’s Day skipped)', () => {
    // Thursday 23 April 2026 + 5 working days (27 April is a holiday) = end of Friday 1 May (Amsterdam).
    expect(deadlineOf({ step: 0, startedAt: new Date('2026-04-23T08:00:00Z') }, DEFAULT_LADDER)).toEqual(
      new Date('2026-05-01T21:59:59.999Z'),
    );
    expect(deadlineOf({ step: 4, startedAt: new Date('2026-04-23T08:00:00Z') }, DEFAULT_LADDER)).toBeNull();
  });

  it('climbs one level per passed deadline, each next step starting at the previous deadline', () => {
    const start = { step: 0, startedAt: new Date('2026-03-02T08:00:00Z') };
    expect(climb(start, DEFAULT_LADDER, new Date('2026-03-09T12:00:00Z'))).toEqual([]);
    const passed = climb(start, DEFAULT_LADDER, new Date('2026-03-20T12:00:00Z'));
    expect(passed.map((p) => p.step)).toEqual([1, 2]);
    expect(passed[0]!.startedAt).toEqual(deadlineOf(start, DEFAULT_LADDER));
    expect(climb(start, DEFAULT_LADDER, new Date('2027-01-01T00:00:00Z')).map((p) => p.step)).toEqual([
      1, 2, 3, 4,
    ]);
  });

  it('never climbs past the last step and never skips one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 400 }), (step, days) => {
        const startedAt = new Date('2026-01-05T09:00:00Z');
        const passed = climb(
          { step, startedAt },
          DEFAULT_LADDER,
          new Date(startedAt.getTime() + days * 86400000),
        );
        passed.forEach((p, i) => expect(p.step).toBe(step + i + 1));
        expect(passed.every((p) => p.step <= 4)).toBe(true);
      }),
    );
  });

  it('orders the worklist by deadline, then level, then age', () => {
    const d = (s: string) => new Date(s);
    const items = [
      { id: 'c', since: d('2026-01-01'), step: 0, deadline: null },
      { id: 'b', since: d('2026-01-03'), step: 2, deadline: d('2026-02-01') },
      { id: 'a', since: d('2026-01-02'), step: 0, deadline: d('2026-01-15') },
      { id: 'd', since: d('2026-01-01'), step: 1, deadline: d('2026-02-01') },
    ];
    expect([...items].sort(byUrgency).map((i) => i.id)).toEqual(['a', 'b', 'd', 'c']);
  });

  it('validates region settings', () => {
    expect(checkSettings(DEFAULT_STAGNATION_SETTINGS, DEFAULT_LADDER)).toEqual([]);
    expect(checkSettings({ ...DEFAULT_STAGNATION_SETTINGS, noContactDays: 0 }, DEFAULT_LADDER)).toEqual([
      { path: 'noContactDays', message: 'Use a whole number from 1 to 365.' },
    ]);
    expect(
      checkSettings(DEFAULT_STAGNATION_SETTINGS, [{ level: 'alderman', workingDays: 5 }]).map((i) => i.path),
    ).toEqual(['ladder.0.workingDays']);
  });
});
