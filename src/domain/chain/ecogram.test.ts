import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutEcogram } from './ecogram.js';

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('ecogram layout', () => {
  it('puts a single member in the centre', () => {
    const l = layoutEcogram(['m'], [], []);
    expect(l.members[0]).toMatchObject({ x: l.centre.x, y: l.centre.y });
  });

  it('never lets circles overlap and keeps every circle inside the drawing (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 25 }),
        (m, c, p) => {
          const l = layoutEcogram(ids('m', m), ids('c', c), ids('p', p));
          const all = [...l.members, ...l.contacts, ...l.professionals];
          expect(all).toHaveLength(m + c + p);
          for (const n of all) {
            expect(n.x - n.r).toBeGreaterThanOrEqual(0);
            expect(n.y - n.r).toBeGreaterThanOrEqual(0);
            expect(n.x + n.r).toBeLessThanOrEqual(l.size);
            expect(n.y + n.r).toBeLessThanOrEqual(l.size);
          }
          for (let i = 0; i < all.length; i++) {
            for (let j = i + 1; j < all.length; j++) {
              const [a, b] = [all[i]!, all[j]!];
              expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(a.r + b.r - 1e-6);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
