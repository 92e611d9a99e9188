import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, amsterdamDate, checkDateOfBirth } from './rules.js';

const TODAY = '2026-05-10';
const iso = (d: Date) => d.toISOString().slice(0, 10);

describe('checkDateOfBirth', () => {
  it('accepts no date of birth', () => {
    expect(checkDateOfBirth(null, TODAY)).toEqual([]);
    expect(checkDateOfBirth(undefined, TODAY)).toEqual([]);
  });

  it('accepts today and earlier dates back to 1900-01-01', () => {
    expect(checkDateOfBirth(TODAY, TODAY)).toEqual([]);
    expect(checkDateOfBirth('2026-05-09', TODAY)).toEqual([]);
    expect(checkDateOfBirth('1985-11-23', TODAY)).toEqual([]);
    expect(checkDateOfBirth('1900-01-01', TODAY)).toEqual([]);
  });

  it('rejects a date in the future', () => {
    expect(checkDateOfBirth('2026-05-11', TODAY)).toEqual([
      { path: 'dateOfBirth', message: 'A date of birth cannot be in the future.' },
    ]);
    expect(checkDateOfBirth('2027-01-01', TODAY)).toHaveLength(1);
  });

  it('rejects a date before 1900', () => {
    expect(checkDateOfBirth('1899-12-31', TODAY)).toEqual([
      { path: 'dateOfBirth', message: 'A date of birth before 1900 is not plausible.' },
    ]);
  });

  it('reports under the given path', () => {
    expect(checkDateOfBirth('2030-01-01', TODAY, 'members.2.dateOfBirth')).toEqual([
      { path: 'members.2.dateOfBirth', message: 'A date of birth cannot be in the future.' },
    ]);
  });

  it('accepts exactly the dates between 1900-01-01 and today (property)', () => {
    const day = fc
      .date({
        min: new Date('1800-01-01T00:00:00Z'),
        max: new Date('2100-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map(iso);
    fc.assert(
      fc.property(day, day, (dob, today) => {
        const ok = dob >= '1900-01-01' && dob <= today;
        expect(checkDateOfBirth(dob, today)).toHaveLength(ok ? 0 : 1);
      }),
      { numRuns: 200 },
    );
  });
});

describe('ageOn', () => {
  it('counts a year only from the birthday on', () => {
    expect(ageOn('2010-06-15', '2026-06-14')).toBe(15);
    expect(ageOn('2010-06-15', '2026-06-15')).toBe(16);
    expect(ageOn('2010-06-15', '2026-06-16')).toBe(16);
    expect(ageOn('2010-06-15', '2026-05-31')).toBe(15);
    expect(ageOn('2010-06-15', '2026-07-01')).toBe(16);
  });

  it('is 0 on the day of birth and the day before the first birthday', () => {
    expect(ageOn('2025-03-01', '2025-03-01')).toBe(0);
    expect(ageOn('2025-03-01', '2026-02-28')).toBe(0);
    expect(ageOn('2025-03-01', '2026-03-01')).toBe(1);
  });

  it('handles the year boundary', () => {
    expect(ageOn('2008-01-01', '2025-12-31')).toBe(17);
    expect(ageOn('2008-01-01', '2026-01-01')).toBe(18);
    expect(ageOn('2007-12-31', '2025-12-30')).toBe(17);
    expect(ageOn('2007-12-31', '2025-12-31')).toBe(18);
  });

  it('counts a leap-day birth a year older on 1 March in common years, on 29 February in leap years', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-28')).toBe(19);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
  });

  it('turns n on the n-th birthday and is n - 1 the day before (property)', () => {
    const birth = fc.date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2020-12-31T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(birth, fc.integer({ min: 1, max: 100 }), (b, n) => {
        fc.pre(!(b.getUTCMonth() === 1 && b.getUTCDate() === 29));
        const birthday = new Date(Date.UTC(b.getUTCFullYear() + n, b.getUTCMonth(), b.getUTCDate()));
        const dayBefore = new Date(birthday.getTime() - 24 * 60 * 60 * 1000);
        expect(ageOn(iso(b), iso(birthday))).toBe(n);
        expect(ageOn(iso(b), iso(dayBefore))).toBe(n - 1);
      }),
      { numRuns: 200 },
    );
  });

  it('never decreases as time passes (property)', () => {
    const day = fc
      .date({
        min: new Date('1950-01-01T00:00:00Z'),
        max: new Date('2100-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map(iso);
    fc.assert(
      fc.property(day, day, day, (dob, d1, d2) => {
        const [earlier, later] = d1 <= d2 ? [d1, d2] : [d2, d1];
        expect(ageOn(dob, later)).toBeGreaterThanOrEqual(ageOn(dob, earlier));
      }),
      { numRuns: 150 },
    );
  });
});

describe('amsterdamDate', () => {
  it('is the next day after 22:00 UTC in summer time (UTC+2)', () => {
    expect(amsterdamDate(new Date('2026-06-30T21:59:59.999Z'))).toBe('2026-06-30');
    expect(amsterdamDate(new Date('2026-06-30T22:00:00.000Z'))).toBe('2026-07-01');
    expect(amsterdamDate(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
  });

  it('is the next day after 23:00 UTC in winter time (UTC+1), including over new year', () => {
    expect(amsterdamDate(new Date('2026-12-31T22:59:59.999Z'))).toBe('2026-12-31');
    expect(amsterdamDate(new Date('2026-12-31T23:00:00.000Z'))).toBe('2027-01-01');
    expect(amsterdamDate(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });

  it('follows the switch to and from summer time', () => {
    // Summer time starts on 2026-03-29 at 01:00 UTC, ends on 2026-10-25 at 01:00 UTC.
    expect(amsterdamDate(new Date('2026-03-28T22:30:00Z'))).toBe('2026-03-28');
    expect(amsterdamDate(new Date('2026-03-29T22:30:00Z'))).toBe('2026-03-30');
    expect(amsterdamDate(new Date('2026-10-24T22:30:00Z'))).toBe('2026-10-25');
    expect(amsterdamDate(new Date('2026-10-25T22:30:00Z'))).toBe('2026-10-25');
  });

  it('is an ISO date equal to the UTC date or the day after it (property)', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1990-01-01T00:00:00Z'),
          max: new Date('2090-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        (d) => {
          const local = amsterdamDate(d);
          expect(local).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect([iso(d), iso(new Date(d.getTime() + 24 * 60 * 60 * 1000))]).toContain(local);
          // Amsterdam is one (winter) or two (summer) hours ahead of UTC.
          expect([
            iso(new Date(d.getTime() + 60 * 60 * 1000)),
            iso(new Date(d.getTime() + 2 * 60 * 60 * 1000)),
          ]).toContain(local);
        },
      ),
      { numRuns: 150 },
    );
  });
});
