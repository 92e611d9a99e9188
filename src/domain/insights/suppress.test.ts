import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SMALL_CELL, cell, medianOf, suppressGroup } from './suppress.js';

const countsArb = fc.array(fc.nat({ max: 40 }), { minLength: 1, maxLength: 8 });

describe('small-cell suppression', () => {
  it('hides counts from 1 to 4 and shows 0 and 5 or more', () => {
    expect(cell(0)).toEqual({ value: 0, suppressed: false });
    for (let n = 1; n < SMALL_CELL; n++) expect(cell(n)).toEqual({ value: null, suppressed: true });
    expect(cell(5)).toEqual({ value: 5, suppressed: false });
  });

  it('never shows a small count in a group (property)', () => {
    fc.assert(
      fc.property(countsArb, (counts) => {
        const shown = suppressGroup(counts.map((count, key) => ({ key, count })));
        shown.forEach((s, i) => {
          if (counts[i]! > 0 && counts[i]! < SMALL_CELL) expect(s.count.suppressed).toBe(true);
          if (!s.count.suppressed) expect(s.count.value).toBe(counts[i]);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('never lets the total minus the shown cells reveal one small count (property)', () => {
    fc.assert(
      fc.property(countsArb, (counts) => {
        const shown = suppressGroup(counts.map((count, key) => ({ key, count })));
        const suppressed = shown.filter((s) => s.count.suppressed);
        const smallHidden = counts.some((c) => c > 0 && c < SMALL_CELL);
        // With a small cell hidden, the total minus the shown cells covers at least two cells (or no other
        // non-zero cell exists, in which case only the total itself is shown).
        const otherNonZero = counts.filter((c) => c >= SMALL_CELL).length;
        if (smallHidden && otherNonZero > 0) expect(suppressed.length).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 500 },
    );
  });

  it('gives a median only for five values or more', () => {
    expect(medianOf([1, 2, 3, 4])).toBeNull();
    expect(medianOf([5, 1, 3, 2, 4])).toBe(3);
    expect(medianOf([1, 2, 3, 4, 5, 6])).toBe(3.5);
  });
});
