import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CandidateInput, capacityOf, rankCandidates, wouldExceedNorm } from './ranking.js';

const ctx = { dominantProblem: null, preferredUserId: null, notWantedUserIds: [] as string[] };
const cand = (userId: string, caseload: number, extra: Partial<CandidateInput> = {}): CandidateInput => ({
  userId,
  fte: 1,
  caseload,
  organisationType: 'wijkteam',
  earlierRelation: false,
  ...extra,
});

const candidateArb = fc.record({
  userId: fc.uuid(),
  fte: fc.constantFrom(0.5, 0.6, 0.8, 1),
  caseload: fc.integer({ min: 0, max: 14 }),
  organisationType: fc.constantFrom('wijkteam', 'jeugdhulp', 'ggz'),
  earlierRelation: fc.boolean(),
});
const listArb = fc.uniqueArray(candidateArb, { selector: (c) => c.userId, minLength: 1, maxLength: 8 });

describe('coordinator ranking', () => {
  it('applies the norm of 10 households per FTE', () => {
    expect(capacityOf(1)).toBe(10);
    expect(capacityOf(0.8)).toBe(8);
    expect(wouldExceedNorm(9, 1)).toBe(false);
    expect(wouldExceedNorm(10, 1)).toBe(true);
    expect(wouldExceedNorm(7, 0.8)).toBe(false);
    expect(wouldExceedNorm(8, 0.8)).toBe(true);
    expect(wouldExceedNorm(5, 1, 6)).toBe(false);
    expect(wouldExceedNorm(6, 1, 6)).toBe(true);
  });

  it('prefers the coordinator with room, then the dominant problem, then an earlier relation', () => {
    expect(rankCandidates([cand('a', 8), cand('b', 3)], ctx).map((c) => c.userId)).toEqual(['b', 'a']);
    const withProblem = rankCandidates([cand('a', 4), cand('b', 4, { organisationType: 'ggz' })], {
      ...ctx,
      dominantProblem: 'ggz',
    });
    expect(withProblem[0]).toMatchObject({ userId: 'b', reasons: ['capacity', 'dominant_problem'] });
    const known = rankCandidates([cand('a', 2), cand('b', 5, { earlierRelation: true })], ctx);
    expect(known[0]).toMatchObject({ userId: 'b', reasons: ['capacity', 'earlier_relation'] });
  });

  it('puts someone the household does not want last, and a preferred coordinator first', () => {
    const r = rankCandidates([cand('a', 0, { earlierRelation: true }), cand('b', 6), cand('c', 6)], {
      ...ctx,
      notWantedUserIds: ['a'],
      preferredUserId: 'c',
    });
    expect(r.map((c) => c.userId)).toEqual(['c', 'b', 'a']);
    expect(r[2]!.reasons).toContain('not_wanted');
  });

  it('is a permutation of the input', () => {
    fc.assert(
      fc.property(listArb, (list) => {
        const ranked = rankCandidates(list, ctx);
        expect(ranked.map((c) => c.userId).sort()).toEqual(list.map((c) => c.userId).sort());
      }),
    );
  });

  it('never ranks a not-wanted coordinator above a wanted one', () => {
    fc.assert(
      fc.property(listArb, fc.nat(), (list, pick) => {
        const notWanted = list[pick % list.length]!.userId;
        const ranked = rankCandidates(list, { ...ctx, notWantedUserIds: [notWanted] });
        expect(ranked[ranked.length - 1]!.userId).toBe(notWanted);
      }),
    );
  });

  it('never ranks an over-norm coordinator above one with room, all else equal', () => {
    fc.assert(
      fc.property(listArb, (list) => {
        const plain = list.map((c) => ({ ...c, organisationType: 'wijkteam', earlierRelation: false }));
        const ranked = rankCandidates(plain, ctx);
        const firstOver = ranked.findIndex((c) => c.overNorm);
        if (firstOver >= 0) expect(ranked.slice(firstOver).every((c) => c.overNorm)).toBe(true);
      }),
    );
  });

  it('fewer households never ranks lower, all else equal', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 20 }),
        fc.constantFrom(0.5, 0.8, 1),
        (x, y, fte) => {
          const [lo, hi] = x <= y ? [x, y] : [y, x];
          const ranked = rankCandidates([cand('b-more', hi, { fte }), cand('a-less', lo, { fte })], ctx);
          expect(ranked[0]!.caseload).toBe(lo);
        },
      ),
    );
  });
});
