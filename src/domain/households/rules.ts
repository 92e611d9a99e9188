import type { FieldIssue } from '../shared/errors.js';

/** A date of birth must be a real date, not in the future and not before 1900. `today` is an ISO date (yyyy-mm-dd). */
export function checkDateOfBirth(
  dateOfBirth: string | null | undefined,
  today: string,
  path = 'dateOfBirth',
): FieldIssue[] {
  if (dateOfBirth === null || dateOfBirth === undefined) return [];
  if (dateOfBirth > today) return [{ path, message: 'A date of birth cannot be in the future.' }];
  if (dateOfBirth < '1900-01-01') return [{ path, message: 'A date of birth before 1900 is not plausible.' }];
  return [];
}

/** Age in whole years on `today` (both ISO dates). */
export function ageOn(dateOfBirth: string, today: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** The calendar date in Europe/Amsterdam for an instant: what "today" means to the people using Schakel. */
export { localDate as amsterdamDate } from '../calendar/working-days.js';
