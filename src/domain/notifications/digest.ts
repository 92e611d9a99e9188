import { addDays } from '../calendar/holidays.js';
import { ZONE, localDate } from '../calendar/working-days.js';

/** The daily digest goes out at 07:00 Amsterdam time (summer and winter). */
export const DIGEST_HOUR = 7;

/** Minutes Amsterdam is ahead of UTC at an instant. */
function offsetMinutes(at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - Math.floor(at.getTime() / 60000) * 60000) / 60000);
}

/** The instant of 07:00 Amsterdam time on a date (yyyy-mm-dd). */
export function digestTimeOn(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const naive = Date.UTC(y, m - 1, d, DIGEST_HOUR);
  const guess = naive - offsetMinutes(new Date(naive)) * 60000;
  return new Date(naive - offsetMinutes(new Date(guess)) * 60000);
}

/** The latest digest moment at or before `now`, with its Amsterdam date. */
export function latestDigestSlot(now: Date): { date: string; at: Date } {
  const today = localDate(now);
  const at = digestTimeOn(today);
  if (at.getTime() <= now.getTime()) return { date: today, at };
  const yesterday = addDays(today, -1);
  return { date: yesterday, at: digestTimeOn(yesterday) };
}

/** The first digest moment strictly after `after`. */
export function nextDigestAt(after: Date): Date {
  const { date } = latestDigestSlot(after);
  return digestTimeOn(addDays(date, 1));
}

export type DigestDecision = { due: true; date: string; from: Date } | { due: false; next: Date };

/**
 * Whether a user's digest is due at `now`. `since` is where the previous digest stopped counting (or, before the
 * first digest, when the user chose the daily digest). Due once the latest 07:00 lies after `since`; the digest
 * is for that 07:00's date and counts notifications from `since` up to now. Running again the same day finds
 * `since` at the previous run, so it is not due until the next 07:00.
 */
export function digestDecision(now: Date, since: Date): DigestDecision {
  const slot = latestDigestSlot(now);
  if (slot.at.getTime() > since.getTime()) return { due: true, date: slot.date, from: since };
  return { due: false, next: nextDigestAt(since) };
}
