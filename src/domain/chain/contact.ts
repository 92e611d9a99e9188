import { DomainError } from '../shared/errors.js';

export const CONTACT_STATUSES = [
  'planned',
  'attended',
  'no_show',
  'cancelled_by_client',
  'cancelled_by_professional',
] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];

/** Outcomes that say something happened (or did not) at the appointment: only possible once it has begun. */
const NEEDS_PAST: readonly ContactStatus[] = ['attended', 'no_show'];

/**
 * Checks a contact's status for its appointment time. An appointment can be recorded as attended or as a no-show
 * only once its time has come; a planned appointment may be in the past (not yet recorded) or the future.
 */
export function checkContactStatus(status: ContactStatus, plannedAt: Date, now: Date): void {
  if (NEEDS_PAST.includes(status) && plannedAt.getTime() > now.getTime()) {
    throw new DomainError('VALIDATION_FAILED', 'Some fields are not valid.', {
      fields: [
        { path: 'status', message: 'An appointment in the future cannot have been attended or missed yet.' },
      ],
    });
  }
}

/** Only a planned appointment gets an outcome; a recorded outcome is final (a correction is a new contact). */
export function checkContactChange(from: ContactStatus, to: ContactStatus): void {
  if (from !== 'planned' && from !== to) {
    throw new DomainError('RULE_VIOLATION', 'The outcome of this appointment has already been recorded.', {
      fields: [{ path: 'status', message: `Already ${from}.` }],
    });
  }
}

/** Share of no-shows among the appointments that had an outcome on the client's side (attended or no-show). */
export function noShowRate(statuses: readonly ContactStatus[]): number | null {
  const counted = statuses.filter((s) => s === 'attended' || s === 'no_show');
  if (counted.length === 0) return null;
  return counted.filter((s) => s === 'no_show').length / counted.length;
}
