import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dutchHolidays, easterSunday, isWorkingDay, kingsDay, weekday } from './holidays.js';
import {
  addWorkingDays,
  endOfWorkingDaysAfter,
  localDate,
  startOfLocalDay,
  workingDaysBetween,
} from './working-days.js';

const anyDate = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('Dutch public holidays', () => {
  it('computes Easter Sunday for known years, including the extremes', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2000)).toBe('2000-04-23');
    expect(easterSunday(2038)).toBe('2038-04-25');
    expect(easterSunday(2285)).toBe('2285-03-22');
  });

  it('Easter is always a Sunday between 22 March and 25 April', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 4099 }), (year) => {
        const e = easterSunday(year);
        expect(weekday(e)).toBe(0);
        expect(e >= `${year}-03-22` && e <= `${year}-04-25`).toBe(true);
      }),
    );
  });

  it('moves King’s Day to Saturday 26 April when 27 April is a Sunday', () => {
    expect(kingsDay(2014)).toBe('2014-04-26');
    expect(kingsDay(2025)).toBe('2025-04-26');
    expect(kingsDay(2026)).toBe('2026-04-27');
    fc.assert(
      fc.property(fc.integer({ min: 2014, max: 2200 }), (y) => {
        expect(weekday(kingsDay(y))).not.toBe(0);
      }),
    );
  });

  it('counts Liberation Day only in lustrum years by default, every year when asked', () => {
    expect(dutchHolidays(2025).map((h) => h.date)).toContain('2025-05-05');
    expect(dutchHolidays(2026).map((h) => h.date)).not.toContain('2026-05-05');
    expect(dutchHolidays(2026, { liberationDay: 'yearly' }).map((h) => h.date)).toContain('2026-05-05');
    expect(isWorkingDay('2026-05-05')).toBe(true);
    expect(isWorkingDay('2026-05-05', { liberationDay: 'yearly' })).toBe(false);
    expect(isWorkingDay('2030-05-06')).toBe(true);
  });

  it('lists the holidays of 2026', () => {
    expect(dutchHolidays(2026).map((h) => `${h.date} ${h.name}`)).toEqual([
      '2026-01-01 Nieuwjaarsdag',
      '2026-04-05 Eerste Paasdag',
      '2026-04-06 Tweede Paasdag',
      '2026-04-27 Koningsdag',
      '2026-05-14 Hemelvaartsdag',
      '2026-05-24 Eerste Pinksterdag',
      '2026-05-25 Tweede Pinksterdag',
      '2026-12-25 Eerste Kerstdag',
      '2026-12-26 Tweede Kerstdag',
    ]);
  });
});

describe('working days', () => {
  it('skips weekends and holidays', () => {
    // Thursday 2026-04-02 + 5 working days: Fri 3, (Easter 5, Easter Monday 6), Tue 7, Wed 8, Thu 9, Fri 10 → Fri 10 April.
    expect(addWorkingDays('2026-04-02', 5)).toBe('2026-04-10');
    // Christmas 2026: Thu 24 Dec + 1 → Mon 28 Dec (25, 26 holidays; 27 Sunday).
    expect(addWorkingDays('2026-12-24', 1)).toBe('2026-12-28');
    // Over King's Day (Mon 27 April 2026).
    expect(addWorkingDays('2026-04-24', 1)).toBe('2026-04-28');
    // Ascension Day 2026 (Thu 14 May) and Whit Monday (25 May).
    expect(addWorkingDays('2026-05-13', 1)).toBe('2026-05-15');
    expect(addWorkingDays('2026-05-22', 1)).toBe('2026-05-26');
  });

  it('the result is always a working day, later than the start, with exactly n working days in between', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 30 }), (start, n) => {
        const due = addWorkingDays(start, n);
        expect(isWorkingDay(due)).toBe(true);
        expect(due > start).toBe(true);
        expect(workingDaysBetween(start, due)).toBe(n);
      }),
    );
  });

  it('is monotonic: more working days never gives an earlier date', () => {
    fc.assert(
      fc.property(
        anyDate,
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 20 }),
        (start, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(addWorkingDays(start, lo) <= addWorkingDays(start, hi)).toBe(true);
        },
      ),
    );
  });

  it('never spans more than n + 14 calendar days for n ≤ 10', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 10 }), (start, n) => {
        expect(addWorkingDays(start, n) <= addDays(start, n + 14)).toBe(true);
      }),
    );
  });
});

describe('deadlines in Amsterdam time', () => {
  it('ends at local midnight, in winter and in summer time', () => {
    // Received Friday 2026-01-09 22:30 Amsterdam (21:30Z); 5 working days → end of Friday 16 January.
    expect(endOfWorkingDaysAfter(new Date('2026-01-09T21:30:00Z'), 5).toISOString()).toBe(
      '2026-01-16T22:59:59.999Z',
    );
    // Summer: received Monday 2026-06-01 → end of Monday 8 June (UTC+2).
    expect(endOfWorkingDaysAfter(new Date('2026-06-01T08:00:00Z'), 5).toISOString()).toBe(
      '2026-06-08T21:59:59.999Z',
    );
  });

  it('uses the Amsterdam date: 23:30Z on 31 Dec is already 1 January there', () => {
    expect(localDate(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
    // Received on New Year's Day (Thu) → 5 working days: Fri 2, Mon 5 … Thu 8 January.
    expect(endOfWorkingDaysAfter(new Date('2025-12-31T23:30:00Z'), 5).toISOString()).toBe(
      '2026-01-08T22:59:59.999Z',
    );
  });

  it('finds local midnight on the days the clocks change', () => {
    expect(startOfLocalDay('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfLocalDay('2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(startOfLocalDay('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(startOfLocalDay('2026-10-26').toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  it('a deadline is always later than receipt and falls at the end of a working day', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01Z'), max: new Date('2080-01-01Z'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 10 }),
        (at, n) => {
          const due = endOfWorkingDaysAfter(at, n);
          expect(due.getTime()).toBeGreaterThan(at.getTime());
          expect(isWorkingDay(localDate(due))).toBe(true);
          expect(localDate(new Date(due.getTime() + 1))).not.toBe(localDate(due));
        },
      ),
    );
  });
});
