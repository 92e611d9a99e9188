/**
 * Legal grounds. The Dutch data-protection authority found that consent cannot replace a missing legal basis for
 * municipal data sharing: the case rests on a task in law (`CASE_GROUNDS`); sharing without consent rests on the
 * meldrecht (Wmo 2015 art. 5.2.6) or a child's safety, always with a written justification (`SHARING_GROUNDS`).
 */
export const CASE_GROUNDS = [
  'wmo_investigation',
  'wmo_support',
  'jeugdwet',
  'coordination_task',
  'participatiewet',
  'debt_relief',
] as const;
export type CaseGround = (typeof CASE_GROUNDS)[number];

export const SHARING_GROUNDS = ['meldrecht', 'child_safety', 'vital_interest'] as const;
export type SharingGround = (typeof SHARING_GROUNDS)[number];

/** Shortest written justification accepted for sharing without consent. */
export const MIN_JUSTIFICATION = 20;

export function basisActive(
  b: { validFrom: string; validUntil: string | null; endedAt: Date | null },
  today: string,
): boolean {
  return !b.endedAt && b.validFrom <= today && (b.validUntil === null || b.validUntil >= today);
}
