import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PlanSnapshot, canonical, comparePlans, samePlan } from './versions.js';

const item = (prefix: string) =>
  fc.record({
    id: fc.constantFrom(`${prefix}1`, `${prefix}2`, `${prefix}3`, `${prefix}4`),
    text: fc.constantFrom('a', 'b', 'c'),
    status: fc.constantFrom('active', 'reached'),
    memberIds: fc.subarray(['m1', 'm2']),
  });
const uniq = <T extends { id: string }>(xs: T[]) => [...new Map(xs.map((x) => [x.id, x])).values()];
const snapshot: fc.Arbitrary<PlanSnapshot> = fc.record({
  helpQuestions: fc.array(item('h'), { maxLength: 4 }).map(uniq),
  goals: fc.array(item('g'), { maxLength: 4 }).map(uniq),
  actions: fc.array(item('a'), { maxLength: 4 }).map(uniq),
  evaluations: fc.array(item('e'), { maxLength: 4 }).map(uniq),
});

describe('comparing plan versions', () => {
  it('reports added, removed and changed items with the changed fields', () => {
    const a: PlanSnapshot = {
      helpQuestions: [],
      goals: [
        { id: 'g1', text: 'Rust in huis', status: 'active' },
        { id: 'g2', text: 'Weg', status: 'active' },
      ],
      actions: [],
      evaluations: [],
    };
    const b: PlanSnapshot = {
      helpQuestions: [{ id: 'h1', text: 'Hulp bij post' }],
      goals: [{ id: 'g1', text: 'Rust in huis', status: 'reached' }],
      actions: [],
      evaluations: [],
    };
    expect(comparePlans(a, b)).toEqual([
      {
        part: 'helpQuestions',
        id: 'h1',
        change: 'added',
        item: { id: 'h1', text: 'Hulp bij post' },
        fields: [],
      },
      {
        part: 'goals',
        id: 'g1',
        change: 'changed',
        item: { id: 'g1', text: 'Rust in huis', status: 'reached' },
        fields: [{ field: 'status', before: 'active', after: 'reached' }],
      },
      {
        part: 'goals',
        id: 'g2',
        change: 'removed',
        item: { id: 'g2', text: 'Weg', status: 'active' },
        fields: [],
      },
    ]);
  });

  it('property: a version compared with itself has no changes; key order does not matter', () => {
    fc.assert(
      fc.property(snapshot, (s) => {
        expect(comparePlans(s, s)).toEqual([]);
        const reordered = {
          ...s,
          goals: s.goals.map((g) => Object.fromEntries(Object.entries(g).reverse()) as typeof g).reverse(),
        };
        expect(samePlan(s, reordered)).toBe(true);
      }),
    );
  });

  it('property: comparing the other way round swaps added and removed and before and after', () => {
    fc.assert(
      fc.property(snapshot, snapshot, (a, b) => {
        const forward = comparePlans(a, b);
        const back = comparePlans(b, a);
        expect(back.length).toBe(forward.length);
        for (const c of forward) {
          const r = back.find((x) => x.part === c.part && x.id === c.id)!;
          const mirror = { added: 'removed', removed: 'added', changed: 'changed' } as const;
          expect(r.change).toBe(mirror[c.change]);
          expect(r.fields).toEqual(
            c.fields.map((f) => ({ field: f.field, before: f.after, after: f.before })),
          );
        }
      }),
    );
  });

  it('property: the changes account for exactly the items that differ', () => {
    fc.assert(
      fc.property(snapshot, snapshot, (a, b) => {
        const changed = new Set(comparePlans(a, b).map((c) => `${c.part}:${c.id}`));
        for (const part of ['helpQuestions', 'goals', 'actions', 'evaluations'] as const) {
          const ids = new Set([...a[part], ...b[part]].map((i) => i.id));
          for (const id of ids) {
            const x = a[part].find((i) => i.id === id);
            const y = b[part].find((i) => i.id === id);
            expect(changed.has(`${part}:${id}`)).toBe(canonical(x) !== canonical(y));
          }
        }
      }),
    );
  });
});
