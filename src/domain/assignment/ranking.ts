import type { CandidateReason } from '../../contracts/assignment.js';

/**
 * Ranking coordinator candidates for a household (001 §3.4, §6.2; 000):
 * - caseload against the norm (default 10 households per full-time coordinator) weighs most;
 * - the organisation that matches the household's dominant problem;
 * - someone who helped the household before (an earlier relation);
 * - the household's preference: a preferred coordinator rises, someone they do not want sinks to the bottom.
 * Over-norm candidates stay on the list (assigning them needs a reason) but rank below those with room.
 */
export const DEFAULT_NORM_PER_FTE = 10;

export interface CandidateInput {
  userId: string;
  fte: number;
  caseload: number;
  organisationType: string;
  earlierRelation: boolean;
}

export interface RankContext {
  normPerFte?: number;
  dominantProblem: string | null;
  preferredUserId: string | null;
  notWantedUserIds: readonly string[];
}

export interface RankedCandidate extends CandidateInput {
  capacity: number;
  overNorm: boolean;
  reasons: CandidateReason[];
  score: number;
}

export function capacityOf(fte: number, normPerFte = DEFAULT_NORM_PER_FTE): number {
  return Math.round(Math.max(0, fte) * normPerFte * 10) / 10;
}

/** Whether taking one more household would put the coordinator over the norm. */
export function wouldExceedNorm(caseload: number, fte: number, normPerFte = DEFAULT_NORM_PER_FTE): boolean {
  return caseload + 1 > capacityOf(fte, normPerFte);
}

export function rankCandidates(candidates: readonly CandidateInput[], ctx: RankContext): RankedCandidate[] {
  const norm = ctx.normPerFte ?? DEFAULT_NORM_PER_FTE;
  return candidates
    .map((c) => {
      const capacity = capacityOf(c.fte, norm);
      const overNorm = wouldExceedNorm(c.caseload, c.fte, norm);
      const notWanted = ctx.notWantedUserIds.includes(c.userId);
      const reasons: CandidateReason[] = [];
      // Room left as a share of capacity: 1 for an empty caseload, 0 or less when full.
      const room = capacity > 0 ? (capacity - c.caseload) / capacity : -1;
      let score = 50 * Math.max(-1, Math.min(1, room));
      if (!overNorm) reasons.push('capacity');
      else reasons.push('over_norm');
      if (ctx.dominantProblem && c.organisationType === ctx.dominantProblem) {
        score += 20;
        reasons.push('dominant_problem');
      }
      if (c.earlierRelation) {
        score += 25;
        reasons.push('earlier_relation');
      }
      if (ctx.preferredUserId === c.userId) {
        score += 40;
        reasons.push('preferred');
      }
      if (overNorm) score -= 100;
      if (notWanted) {
        score -= 1000;
        reasons.push('not_wanted');
      }
      return { ...c, capacity, overNorm, reasons, score: Math.round(score * 10) / 10 };
    })
    .sort((a, b) => b.score - a.score || a.caseload - b.caseload || a.userId.localeCompare(b.userId));
}
