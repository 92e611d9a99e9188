import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type StagnationCause, TIME_BASED_KINDS, causeKey } from './causes.js';
import type { Detection } from './detect.js';
import { type KnownStagnation, reconcile } from './reconcile.js';

const cause = fc.oneof(
  fc.record({ kind: fc.constant('no_contact' as const), householdId: fc.constantFrom('h1', 'h2') }),
  fc.record({
    kind: fc.constant('no_shows' as const),
    householdId: fc.constant('h1'),
    memberId: fc.constantFrom('m1', 'm2'),
    organisationId: fc.constantFrom('o1', 'o2'),
  }),
  fc.record({
    kind: fc.constant('action_overdue' as const),
    householdId: fc.constant('h1'),
    assignee: fc.constantFrom('user:a', 'user:b'),
  }),
) as fc.Arbitrary<StagnationCause>;
const detection: fc.Arbitrary<Detection> = fc.record({
  cause,
  since: fc.date({ min: new Date('2026-01-01'), max: new Date('2026-12-31'), noInvalidDate: true }),
  evidenceAt: fc.date({ min: new Date('2026-01-01'), max: new Date('2026-12-31'), noInvalidDate: true }),
});

/** Applies a reconciliation to the known set, the way the server does. */
function apply(known: KnownStagnation[], detected: Detection[]): KnownStagnation[] {
  const r = reconcile(known, detected);
  const closed = new Set(r.autoResolve);
  return [
    ...known.map((k) =>
      k.status === 'open' && closed.has(k.key) ? { ...k, status: 'resolved' as const } : k,
    ),
    ...r.open.map((d) => ({
      key: causeKey(d.cause),
      kind: d.cause.kind,
      status: 'open' as const,
      evidenceAt: d.evidenceAt,
    })),
  ];
}

describe('reconcile', () => {
  it('never leaves two open stagnations for the same cause, over any sequence of sweeps', () => {
    fc.assert(
      fc.property(fc.array(fc.array(detection, { maxLength: 6 }), { maxLength: 8 }), (sweeps) => {
        let known: KnownStagnation[] = [];
        for (const detected of sweeps) {
          known = apply(known, detected);
          const open = known.filter((k) => k.status === 'open').map((k) => k.key);
          expect(new Set(open).size).toBe(open.length);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('is idempotent: a second sweep on the same facts changes nothing', () => {
    fc.assert(
      fc.property(fc.array(detection, { maxLength: 8 }), (detected) => {
        const once = apply([], detected);
        const again = reconcile(once, detected);
        expect(again).toEqual({ open: [], autoResolve: [] });
      }),
      { numRuns: 200 },
    );
  });

  it('does not reopen a resolved cause without newer evidence, and does with it', () => {
    fc.assert(
      fc.property(detection, fc.integer({ min: -100000, max: 100000 }), (d, shift) => {
        const key = causeKey(d.cause);
        const resolved: KnownStagnation = {
          key,
          kind: d.cause.kind,
          status: 'resolved',
          evidenceAt: d.evidenceAt,
        };
        const later = { ...d, evidenceAt: new Date(d.evidenceAt.getTime() + shift) };
        const r = reconcile([resolved], [later]);
        expect(r.open.length).toBe(shift > 0 ? 1 : 0);
      }),
      { numRuns: 200 },
    );
  });

  it('closes open automatic stagnations whose condition is gone, never reported ones', () => {
    const known: KnownStagnation[] = [
      { key: 'no_contact:h1', kind: 'no_contact', status: 'open', evidenceAt: new Date('2026-01-01') },
      { key: 'reported:h1:r1', kind: 'reported', status: 'open', evidenceAt: new Date('2026-01-01') },
    ];
    expect(reconcile(known, [])).toEqual({ open: [], autoResolve: ['no_contact:h1'] });
  });

  it('only closes kinds that were evaluated: a time-based pass never closes a no-show stagnation', () => {
    const known: KnownStagnation[] = [
      { key: 'no_shows:h1:m1:o1', kind: 'no_shows', status: 'open', evidenceAt: new Date('2026-01-01') },
      { key: 'no_contact:h1', kind: 'no_contact', status: 'open', evidenceAt: new Date('2026-01-01') },
    ];
    expect(reconcile(known, [], TIME_BASED_KINDS)).toEqual({ open: [], autoResolve: ['no_contact:h1'] });
    fc.assert(
      fc.property(fc.array(detection, { maxLength: 8 }), (detected) => {
        const partial = reconcile(known, detected, TIME_BASED_KINDS);
        expect(partial.autoResolve).not.toContain('no_shows:h1:m1:o1');
        // What it opens is the same as a full pass would open.
        expect(partial.open).toEqual(reconcile(known, detected).open);
      }),
    );
  });
});
