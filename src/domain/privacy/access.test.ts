import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CategoryAccess, type CategorySource } from './access.js';
import { DATA_CATEGORIES, type DataCategory, SENSITIVE_CATEGORIES } from './categories.js';

const MEMBERS = ['m1', 'm2', 'm3'];
const categoryArb = fc.constantFrom<DataCategory>(...DATA_CATEGORIES);
const sourceArb: fc.Arbitrary<CategorySource> = fc.record({
  ref: fc.uuid().map((id) => `consent:${id}`),
  memberId: fc.option(fc.constantFrom(...MEMBERS), { nil: null }),
  categories: fc.subarray([...DATA_CATEGORIES]),
});
const membersArb = fc.subarray(MEMBERS);

describe('CategoryAccess', () => {
  it('gives the coordinator (and emergency access) every category for every member', () => {
    const all = CategoryAccess.everything();
    for (const c of DATA_CATEGORIES) {
      expect(all.allows(c)).toBe(true);
      expect(all.allows(c, ['m1'])).toBe(true);
    }
    expect(all.reliedOn()).toEqual([]);
  });

  it('gives a role relation (privacy officer, administrator) no category at all', () => {
    const none = CategoryAccess.nothing();
    for (const c of DATA_CATEGORIES) expect(none.allows(c)).toBe(false);
  });

  it('gives a partner without consent identity and the plan only', () => {
    const p = CategoryAccess.partner([]);
    expect(p.categories()).toEqual(['identity', 'plan']);
    for (const c of SENSITIVE_CATEGORIES) expect(p.allows(c, ['m1'])).toBe(false);
    expect(p.allows('contacts')).toBe(false);
  });

  it('opens a category for the member who consented, not for another member', () => {
    const p = CategoryAccess.partner([{ ref: 'consent:a', memberId: 'm1', categories: ['health'] }]);
    expect(p.allows('health', ['m1'])).toBe(true);
    expect(p.allows('health', ['m2'])).toBe(false);
    expect(p.allows('health', ['m2', 'm1'])).toBe(true);
    expect(p.allows('health')).toBe(true);
    expect(p.allows('financial', ['m1'])).toBe(false);
    expect(p.refsFor('health', ['m1'])).toEqual(['consent:a']);
    expect(p.refsFor('identity', ['m1'])).toEqual([]);
  });

  it('opens a category for every member with a sharing basis about the whole household', () => {
    const p = CategoryAccess.partner([{ ref: 'basis:b', memberId: null, categories: ['safety'] }]);
    for (const m of MEMBERS) expect(p.allows('safety', [m])).toBe(true);
  });

  it('is monotonic: another consent never closes a category (property)', () => {
    fc.assert(
      fc.property(
        fc.array(sourceArb, { maxLength: 5 }),
        sourceArb,
        categoryArb,
        membersArb,
        (sources, extra, category, members) => {
          if (CategoryAccess.partner(sources).allows(category, members))
            expect(CategoryAccess.partner([...sources, extra]).allows(category, members)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('opens a sensitive category only through a source naming it, and names that source (property)', () => {
    fc.assert(
      fc.property(fc.array(sourceArb, { maxLength: 5 }), membersArb, (sources, members) => {
        const p = CategoryAccess.partner(sources);
        for (const c of SENSITIVE_CATEGORIES) {
          const refs = p.refsFor(c, members);
          expect(p.allows(c, members)).toBe(refs.length > 0);
          for (const ref of refs) {
            const s = sources.find((x) => x.ref === ref)!;
            expect(s.categories).toContain(c);
          }
        }
        expect(p.reliedOn()).toEqual([...new Set(sources.map((s) => s.ref))].sort());
      }),
      { numRuns: 300 },
    );
  });
});
