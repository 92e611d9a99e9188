import type { TimelineEvent, TimelineKind } from '../../contracts/timeline.js';
import { ruleViolation } from '../shared/errors.js';

const DAY = 86_400_000;
/** Without a period the timeline shows the past year and the coming three months (planned appointments). */
export const DEFAULT_PAST_DAYS = 365;
export const DEFAULT_FUTURE_DAYS = 90;
/** The longest period one request may cover. */
export const MAX_PERIOD_DAYS = 366 * 5;

function amsterdamParts(at: Date): { date: string; hour: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, hour: Number(get('hour')) };
}

/** The instant a calendar day (yyyy-mm-dd) begins in Europe/Amsterdam (UTC+1 in winter, UTC+2 in summer). */
export function amsterdamStartOfDay(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d);
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(utcMidnight - offsetHours * 3_600_000);
    const p = amsterdamParts(candidate);
    if (p.date === date && p.hour === 0) return candidate;
  }
  return new Date(utcMidnight - 3_600_000);
}

function shiftDate(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * DAY).toISOString().slice(0, 10);
}

/**
 * The period a timeline request covers, as instants: from the start of `from` to the end of `to` (both calendar
 * days in Europe/Amsterdam, inclusive). A period that ends before it starts, or is longer than five years, is refused.
 */
export function timelineWindow(
  query: { from?: string; to?: string },
  today: string,
): { from: Date; to: Date; fromDate: string; toDate: string } {
  const toDate =
    query.to ??
    shiftDate(
      query.from ?? today,
      query.from ? DEFAULT_PAST_DAYS + DEFAULT_FUTURE_DAYS : DEFAULT_FUTURE_DAYS,
    );
  const fromDate = query.from ?? shiftDate(toDate, -(DEFAULT_PAST_DAYS + DEFAULT_FUTURE_DAYS));
  if (fromDate > toDate)
    throw ruleViolation('The period ends before it starts.', [
      { path: 'to', message: 'Choose an end date on or after the start date.' },
    ]);
  const from = amsterdamStartOfDay(fromDate);
  const to = amsterdamStartOfDay(shiftDate(toDate, 1));
  if (to.getTime() - from.getTime() > MAX_PERIOD_DAYS * DAY) {
    throw ruleViolation('The period is too long.', [
      { path: 'from', message: 'Choose a period of at most five years.' },
    ]);
  }
  return { from, to, fromDate, toDate };
}

/**
 * Merges the events of all sources into one view: only the chosen kinds and (when given) the events about one
 * member, newest first; equal instants in a stable order (by id), so the view never jumps between reads.
 */
export function mergeTimeline(
  events: readonly TimelineEvent[],
  filter: { kinds?: readonly TimelineKind[]; memberId?: string },
): TimelineEvent[] {
  return events
    .filter((e) => !filter.kinds || filter.kinds.includes(e.kind))
    .filter((e) => !filter.memberId || e.memberIds.includes(filter.memberId))
    .slice()
    .sort((a, b) => (a.at === b.at ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.at < b.at ? 1 : -1));
}
