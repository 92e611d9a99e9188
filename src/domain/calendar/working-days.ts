import { type HolidayOptions, addDays, isWorkingDay } from './holidays.js';

export const ZONE = 'Europe/Amsterdam';

/** The calendar date (yyyy-mm-dd) in Europe/Amsterdam of an instant. */
export function localDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** Minutes Amsterdam is ahead of UTC at an instant (60 in winter, 120 in summer). */
function offsetMinutes(at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60000);
}

/** The instant local midnight starts on an Amsterdam date. */
export function startOfLocalDay(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const naive = Date.UTC(y, m - 1, d);
  const first = naive - offsetMinutes(new Date(naive)) * 60000;
  return new Date(naive - offsetMinutes(new Date(first)) * 60000);
}

/** The `n`th working day after `date` (n ≥ 1); the day itself does not count. */
export function addWorkingDays(date: string, n: number, options: HolidayOptions = {}): string {
  let day = date;
  let left = n;
  while (left > 0) {
    day = addDays(day, 1);
    if (isWorkingDay(day, options)) left -= 1;
  }
  return day;
}

/** Working days strictly after `from` up to and including `to` (0 when `to` ≤ `from`). */
export function workingDaysBetween(from: string, to: string, options: HolidayOptions = {}): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1))
    if (isWorkingDay(day, options)) count += 1;
  return count;
}

/**
 * The end of the `n`th working day after the instant `at` (Amsterdam time): a signal received on a Friday evening
 * with 5 working days is due at the end of the next Friday, one received on Tuesday at the end of the next Tuesday.
 */
export function endOfWorkingDaysAfter(at: Date, n: number, options: HolidayOptions = {}): Date {
  const due = addWorkingDays(localDate(at), n, options);
  return new Date(startOfLocalDay(addDays(due, 1)).getTime() - 1);
}
