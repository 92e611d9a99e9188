/**
 * Dutch public holidays, for deadlines counted in working days.
 *
 * The list follows the Algemene termijnenwet (New Year's Day, Easter Monday, Ascension Day, Whit Monday, King's Day,
 * Christmas Day and Boxing Day), with one documented choice: **Liberation Day (5 May) counts as a day off only in
 * lustrum years (2025, 2030, …)**, as in most collective agreements (cao's) of the organisations that pick up signals.
 * The Algemene termijnenwet itself counts 5 May every year; pass `{ liberationDay: 'yearly' }` for that reading.
 * Easter Sunday and Whit Sunday always fall on a Sunday, so they never change a working-day count.
 */
export type LiberationDayRule = 'lustrum' | 'yearly';

export interface HolidayOptions {
  liberationDay?: LiberationDayRule;
}

export interface Holiday {
  date: string;
  name: string;
}

const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

/** Adds whole days to an ISO date (no time zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** King's Day: 27 April, or Saturday 26 April when 27 April is a Sunday. */
export function kingsDay(year: number): string {
  const day = iso(year, 4, 27);
  return weekday(day) === 0 ? iso(year, 4, 26) : day;
}

export function dutchHolidays(year: number, options: HolidayOptions = {}): Holiday[] {
  const easter = easterSunday(year);
  const list: Holiday[] = [
    { date: iso(year, 1, 1), name: 'Nieuwjaarsdag' },
    { date: easter, name: 'Eerste Paasdag' },
    { date: addDays(easter, 1), name: 'Tweede Paasdag' },
    { date: kingsDay(year), name: 'Koningsdag' },
    { date: addDays(easter, 39), name: 'Hemelvaartsdag' },
    { date: addDays(easter, 49), name: 'Eerste Pinksterdag' },
    { date: addDays(easter, 50), name: 'Tweede Pinksterdag' },
    { date: iso(year, 12, 25), name: 'Eerste Kerstdag' },
    { date: iso(year, 12, 26), name: 'Tweede Kerstdag' },
  ];
  if ((options.liberationDay ?? 'lustrum') === 'yearly' || year % 5 === 0) {
    list.push({ date: iso(year, 5, 5), name: 'Bevrijdingsdag' });
  }
  return list.sort((a, b) => a.date.localeCompare(b.date));
}

const cache = new Map<string, Set<string>>();

export function isHoliday(date: string, options: HolidayOptions = {}): boolean {
  const year = Number(date.slice(0, 4));
  const key = `${year}:${options.liberationDay ?? 'lustrum'}`;
  let set = cache.get(key);
  if (!set) {
    set = new Set(dutchHolidays(year, options).map((h) => h.date));
    cache.set(key, set);
  }
  return set.has(date);
}

export function isWorkingDay(date: string, options: HolidayOptions = {}): boolean {
  const wd = weekday(date);
  return wd !== 0 && wd !== 6 && !isHoliday(date, options);
}
