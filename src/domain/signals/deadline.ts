import type { Urgency } from '../../contracts/signals.js';
import { type HolidayOptions } from '../calendar/holidays.js';
import { endOfWorkingDaysAfter } from '../calendar/working-days.js';

export interface TriageNorms {
  /** Urgent signals: a response within this many hours (Zwolle's 24-uursinterventie, 001 §4.1). */
  urgentHours: number;
  /** Normal signals: by the end of this many working days after receipt. */
  normalWorkingDays: number;
  holidays?: HolidayOptions;
}

export const DEFAULT_TRIAGE_NORMS: TriageNorms = { urgentHours: 24, normalWorkingDays: 5 };

/** When a signal must have been triaged. */
export function triageDueAt(
  receivedAt: Date,
  urgency: Urgency,
  norms: TriageNorms = DEFAULT_TRIAGE_NORMS,
): Date {
  if (urgency === 'urgent') return new Date(receivedAt.getTime() + norms.urgentHours * 3_600_000);
  return endOfWorkingDaysAfter(receivedAt, norms.normalWorkingDays, norms.holidays);
}

/** Overdue: not yet decided and past its deadline. */
export function isOverdue(signal: { dueAt: Date; decidedAt: Date | null }, now: Date): boolean {
  return signal.decidedAt === null && now.getTime() > signal.dueAt.getTime();
}
