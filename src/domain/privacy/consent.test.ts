import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATA_CATEGORIES } from './categories.js';
import {
  CONSENT_FORMS,
  CONSENT_PROBLEMS,
  CONSENT_PROBLEM_FIELD,
  CONSENT_PURPOSES,
  type ConsentDraft,
  MAX_CONSENT_MONTHS,
  SIGNER_KINDS,
  addMonths,
  ageOn,
  consentProblems,
  consentStatus,
  defaultValidUntil,
  requiredSigners,
} from './consent.js';
import { basisActive } from './legal-basis.js';

const TODAY = '2026-03-10';

const draft = (over: Partial<ConsentDraft> = {}): ConsentDraft => ({
  age: 40,
  givenBy: [{ kind: 'member', name: 'Marloes de Vries' }],
  givenOn: '2026-03-01',
  validUntil: '2027-03-01',
  form: 'paper',
  witness: '',
  purpose: 'coordination',
  serviceId: null,
  categories: ['plan', 'health'],
  ...over,
});

/** A valid yyyy-mm-dd between 1990 and 2040. */
const isoDate = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const signer = fc.record({
  kind: fc.constantFrom(...SIGNER_KINDS),
  name: fc.constantFrom('A', 'Ouder', 'Voogd'),
});

const anyDraft = fc.record({
  age: fc.option(fc.integer({ min: 0, max: 110 }), { nil: null }),
  givenBy: fc.array(signer, { maxLength: 3 }),
  givenOn: isoDate,
  validUntil: isoDate,
  form: fc.constantFrom(...CONSENT_FORMS),
  witness: fc.constantFrom('', '  ', 'Jan Getuige'),
  purpose: fc.constantFrom(...CONSENT_PURPOSES),
  serviceId: fc.constantFrom(null, '9b2c7e7c-1a7e-4a47-9a35-3c1cbe1d0b0a'),
  categories: fc.subarray([...DATA_CATEGORIES]),
});

describe('ageOn', () => {
  it('counts whole years, the birthday itself included', () => {
    expect(ageOn('2014-03-10', '2026-03-09')).toBe(11);
    expect(ageOn('2014-03-10', '2026-03-10')).toBe(12);
    expect(ageOn('2010-02-28', '2026-02-27')).toBe(15);
    expect(ageOn('2008-02-29', '2024-02-28')).toBe(15);
    expect(ageOn('2008-02-29', '2024-02-29')).toBe(16);
  });

  it('never decreases as the date moves on, and grows by one a year', () => {
    fc.assert(
      fc.property(isoDate, isoDate, isoDate, (birth, a, b) => {
        fc.pre(birth <= a && a <= b && !a.endsWith('02-29'));
        expect(ageOn(birth, b)).toBeGreaterThanOrEqual(ageOn(birth, a));
        expect(ageOn(birth, addMonths(a, 12))).toBe(ageOn(birth, a) + 1);
      }),
    );
  });
});

describe('requiredSigners', () => {
  it('under 12 only a parent or guardian; 12 to 16 both; from 16 the member; unknown age the member', () => {
    expect(requiredSigners(0)).toEqual({ member: false, parentOrGuardian: true });
    expect(requiredSigners(11)).toEqual({ member: false, parentOrGuardian: true });
    expect(requiredSigners(12)).toEqual({ member: true, parentOrGuardian: true });
    expect(requiredSigners(15)).toEqual({ member: true, parentOrGuardian: true });
    expect(requiredSigners(16)).toEqual({ member: true, parentOrGuardian: false });
    expect(requiredSigners(null)).toEqual({ member: true, parentOrGuardian: false });
  });

  it('for every age someone must sign, and a parent is needed exactly below 16', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 130 }), (age) => {
        const need = requiredSigners(age);
        expect(need.member || need.parentOrGuardian).toBe(true);
        expect(need.parentOrGuardian).toBe(age < 16);
        expect(need.member).toBe(age >= 12);
      }),
    );
  });
});

describe('consentProblems', () => {
  it('accepts a complete consent of an adult', () => {
    expect(consentProblems(draft(), TODAY)).toEqual([]);
  });

  it('a child of 12 to 16 needs both the child and a parent or guardian', () => {
    const child = (givenBy: ConsentDraft['givenBy']) => consentProblems(draft({ age: 14, givenBy }), TODAY);
    expect(child([{ kind: 'member', name: 'Dylan' }])).toEqual(['parent_or_guardian_must_sign']);
    expect(child([{ kind: 'parent', name: 'Marloes' }])).toEqual(['member_must_sign']);
    expect(
      child([
        { kind: 'member', name: 'Dylan' },
        { kind: 'guardian', name: 'Voogd' },
      ]),
    ).toEqual([]);
  });

  it('a child under 12 cannot sign; a parent or guardian does', () => {
    expect(consentProblems(draft({ age: 8, givenBy: [{ kind: 'member', name: 'Sem' }] }), TODAY)).toEqual([
      'child_under_12_cannot_sign',
      'parent_or_guardian_must_sign',
    ]);
    expect(consentProblems(draft({ age: 8, givenBy: [{ kind: 'parent', name: 'Marloes' }] }), TODAY)).toEqual(
      [],
    );
  });

  it('reports every problem at once', () => {
    const problems = consentProblems(
      draft({
        age: 13,
        givenBy: [],
        form: 'verbal',
        witness: ' ',
        givenOn: '2026-04-01',
        validUntil: '2026-03-01',
        purpose: 'referral',
        serviceId: null,
        categories: [],
      }),
      TODAY,
    );
    expect(problems).toEqual([
      'member_must_sign',
      'parent_or_guardian_must_sign',
      'witness_required',
      'given_in_future',
      'valid_until_before_given',
      'service_required',
      'no_categories',
    ]);
  });

  it(`a consent runs at most ${MAX_CONSENT_MONTHS} months`, () => {
    expect(consentProblems(draft({ validUntil: '2028-03-01' }), TODAY)).toEqual([]);
    expect(consentProblems(draft({ validUntil: '2028-03-02' }), TODAY)).toEqual(['valid_too_long']);
  });

  it('is never empty when a required signer is missing', () => {
    fc.assert(
      fc.property(anyDraft, (d) => {
        const need = requiredSigners(d.age);
        const hasMember = d.givenBy.some((s) => s.kind === 'member');
        const hasParent = d.givenBy.some((s) => s.kind !== 'member');
        const problems = consentProblems(d, TODAY);
        if (need.member && !hasMember) expect(problems).toContain('member_must_sign');
        if (need.parentOrGuardian && !hasParent) expect(problems).toContain('parent_or_guardian_must_sign');
      }),
    );
  });

  it('is empty exactly when every rule holds, and lists each problem once with a known field', () => {
    fc.assert(
      fc.property(anyDraft, (d) => {
        const problems = consentProblems(d, TODAY);
        const need = requiredSigners(d.age);
        const hasMember = d.givenBy.some((s) => s.kind === 'member');
        const hasParent = d.givenBy.some((s) => s.kind !== 'member');
        const ok =
          need.member === hasMember &&
          (!need.parentOrGuardian || hasParent) &&
          (d.form !== 'verbal' || d.witness.trim() !== '') &&
          d.givenOn <= TODAY &&
          d.validUntil >= d.givenOn &&
          d.validUntil <= addMonths(d.givenOn, MAX_CONSENT_MONTHS) &&
          (d.purpose !== 'referral' || d.serviceId !== null) &&
          d.categories.length > 0;
        expect(problems.length === 0).toBe(ok);
        expect(new Set(problems).size).toBe(problems.length);
        for (const p of problems) {
          expect(CONSENT_PROBLEMS).toContain(p);
          expect(CONSENT_PROBLEM_FIELD[p]).toBeTruthy();
        }
      }),
    );
  });

  it('the default end (one year) is always accepted', () => {
    fc.assert(
      fc.property(isoDate, (givenOn) => {
        fc.pre(givenOn <= TODAY);
        expect(consentProblems(draft({ givenOn, validUntil: defaultValidUntil(givenOn) }), TODAY)).toEqual(
          [],
        );
      }),
    );
  });
});

describe('addMonths', () => {
  it('stays on the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
  });

  it('always gives a real date later than the start', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 1, max: 48 }), (d, months) => {
        const later = addMonths(d, months);
        expect(new Date(`${later}T00:00:00Z`).toISOString().slice(0, 10)).toBe(later);
        expect(later > d).toBe(true);
      }),
    );
  });
});

describe('consentStatus', () => {
  const c = { givenOn: '2026-03-01', validUntil: '2026-09-01', withdrawnAt: null };

  it('moves from not yet valid to active to expired as the days pass', () => {
    expect(consentStatus(c, '2026-02-28')).toBe('not_yet_valid');
    expect(consentStatus(c, '2026-03-01')).toBe('active');
    expect(consentStatus(c, '2026-09-01')).toBe('active');
    expect(consentStatus(c, '2026-09-02')).toBe('expired');
  });

  it('a withdrawn consent stays withdrawn on every day', () => {
    fc.assert(
      fc.property(isoDate, isoDate, isoDate, (givenOn, validUntil, today) => {
        expect(consentStatus({ givenOn, validUntil, withdrawnAt: new Date() }, today)).toBe('withdrawn');
      }),
    );
  });

  it('never goes back: once expired it stays expired, and active days form one unbroken period', () => {
    fc.assert(
      fc.property(isoDate, isoDate, isoDate, isoDate, (givenOn, validUntil, a, b) => {
        fc.pre(a <= b);
        const order = { not_yet_valid: 0, active: 1, expired: 2, withdrawn: 3 } as const;
        const sa = consentStatus({ givenOn, validUntil, withdrawnAt: null }, a);
        const sb = consentStatus({ givenOn, validUntil, withdrawnAt: null }, b);
        if (validUntil >= givenOn) expect(order[sb]).toBeGreaterThanOrEqual(order[sa]);
        if (sa === 'active' && sb === 'active') {
          expect(a >= givenOn && b <= validUntil).toBe(true);
        }
      }),
    );
  });
});

describe('basisActive', () => {
  it('is in force from its start until its end, unless ended', () => {
    const b = { validFrom: '2026-01-01', validUntil: '2026-12-31', endedAt: null };
    expect(basisActive(b, '2025-12-31')).toBe(false);
    expect(basisActive(b, '2026-01-01')).toBe(true);
    expect(basisActive(b, '2026-12-31')).toBe(true);
    expect(basisActive(b, '2027-01-01')).toBe(false);
    expect(basisActive({ ...b, validUntil: null }, '2040-01-01')).toBe(true);
    expect(basisActive({ ...b, endedAt: new Date() }, '2026-06-01')).toBe(false);
  });
});
