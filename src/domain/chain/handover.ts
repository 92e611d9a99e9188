import { DomainError } from '../shared/errors.js';
import type { ReferralStatus } from './referral.js';

export const HANDOVER_STATUSES = ['open', 'completed'] as const;
export type HandoverStatus = (typeof HANDOVER_STATUSES)[number];

/**
 * Warm handover: the sending involvement ends only when the receiving one has started (the client arrived at the
 * new service), or with an explicit reason — so there is never an unnoticed gap between old and new care.
 */
export function checkHandoverCompletion(
  receiving: ReferralStatus,
  reason: string | undefined,
): { endedWithReason: boolean } {
  if (receiving === 'started' || receiving === 'completed') return { endedWithReason: false };
  if (!reason?.trim()) {
    throw new DomainError(
      'RULE_VIOLATION',
      'The new care has not started yet: give a reason to end your involvement now.',
      {
        fields: [
          {
            path: 'reason',
            message: 'The client has not arrived at the new service yet. Give a reason to end now.',
          },
        ],
      },
    );
  }
  return { endedWithReason: true };
}

/** What a handover letter must contain before the handover can be completed. */
export function missingLetterParts(letter: {
  summary: string;
  warningSigns: string;
  whatToDo: string;
  whomToCall: string;
}): string[] {
  return (['summary', 'warningSigns', 'whatToDo', 'whomToCall'] as const).filter((k) => !letter[k].trim());
}
