import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOverdue, triageDueAt } from './deadline.js';
import { type HouseholdData, findCandidates, nameSimilarity, scoreHousehold } from './matching.js';
import { CODE_ALPHABET, referenceCode } from './reference-code.js';
import { checkDecision, statusAfter } from './triage-rules.js';

const jansen: HouseholdData = {
  id: 'h-jansen',
  name: 'Familie Jansen',
  city: 'Zwolle',
  postcode: '8011 AB',
  houseNumber: '12',
  street: 'Kerkstraat',
  members: [
    { name: 'Peter Jansen', dateOfBirth: '1980-03-14' },
    { name: 'Lisa Jansen', dateOfBirth: '2012-09-01' },
  ],
};
const elAmrani: HouseholdData = {
  id: 'h-amrani',
  name: 'Familie El Amrani',
  city: 'Zwolle',
  postcode: '8021 CD',
  houseNumber: '4a',
  street: 'Assendorperstraat',
  members: [{ name: 'Mohamed el Amrani', dateOfBirth: '1975-06-30' }],
};
const deVries: HouseholdData = {
  id: 'h-vries',
  name: 'Familie de Vries',
  city: 'Kampen',
  postcode: '8261 AA',
  houseNumber: '1',
  street: 'Oudestraat',
  members: [],
};
const all = [jansen, elAmrani, deVries];
const subject = (
  name: string,
  extra: Partial<{ dateOfBirth: string; postcode: string; houseNumber: string }> = {},
) => ({
  name,
  dateOfBirth: extra.dateOfBirth ?? null,
  postcode: extra.postcode ?? '',
  houseNumber: extra.houseNumber ?? '',
  street: '',
});

describe('matching signals to households', () => {
  it('finds near-duplicate names: spelling, diacritics, prefixes and case', () => {
    expect(findCandidates(subject('Lisa Janssen'), all)[0]).toMatchObject({
      householdId: 'h-jansen',
      reasons: ['name'],
    });
    expect(findCandidates(subject('Mohammed El-Amrani'), all)[0]).toMatchObject({
      householdId: 'h-amrani',
      reasons: ['name'],
    });
    expect(findCandidates(subject('fam. DE VRIES'), all)[0]?.householdId).toBe('h-vries');
    expect(findCandidates(subject('Peter Jänsen'), all)[0]?.matchedMember).toBe('Peter Jansen');
  });

  it('matches on date of birth or address even when the name is spelt differently', () => {
    const byDob = findCandidates(subject('L. Janse', { dateOfBirth: '2012-09-01' }), all)[0];
    expect(byDob).toMatchObject({ householdId: 'h-jansen', matchedMember: 'Lisa Jansen' });
    expect(byDob?.reasons).toContain('dateOfBirth');
    const byAddress = findCandidates(subject('Bewoner', { postcode: '8021cd', houseNumber: '4A' }), all)[0];
    expect(byAddress).toMatchObject({ householdId: 'h-amrani', reasons: ['address'] });
  });

  it('does not offer unrelated households', () => {
    expect(
      findCandidates(
        subject('Karel Pietersen', { dateOfBirth: '1990-01-01', postcode: '9999 ZZ', houseNumber: '3' }),
        all,
      ),
    ).toEqual([]);
  });

  it('ranks a match on name, date of birth and address above a match on name alone', () => {
    const full = scoreHousehold(
      subject('Lisa Jansen', { dateOfBirth: '2012-09-01', postcode: '8011AB', houseNumber: '12' }),
      jansen,
    );
    const nameOnly = scoreHousehold(subject('Lisa Jansen'), jansen);
    expect(full.reasons).toEqual(['name', 'dateOfBirth', 'address']);
    expect(full.score).toBeGreaterThan(nameOnly.score);
  });

  it('name similarity is symmetric-ish, bounded, and 1 for the same name', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }), (a, b) => {
        const s = nameSimilarity(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
      }),
    );
    // Found by the property below: a name made only of particles matched nothing, not even itself.
    expect(nameSimilarity('aL', 'aL')).toBe(1);
    expect(nameSimilarity('De Van', 'de van')).toBe(1);
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z]{2,12}( [A-Za-z]{2,12})?$/), (a) => {
        expect(nameSimilarity(a, a)).toBe(1);
        expect(nameSimilarity(a, a.toUpperCase())).toBe(1);
      }),
    );
  });

  it('candidates are sorted best first and always carry a reason', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 20 }),
        fc.option(fc.constantFrom('1980-03-14', '2012-09-01', '1975-06-30')),
        (name, dob) => {
          const found = findCandidates(subject(name, dob ? { dateOfBirth: dob } : {}), all);
          for (const [i, m] of found.entries()) {
            expect(m.reasons.length).toBeGreaterThan(0);
            if (i > 0) expect(found[i - 1]!.score).toBeGreaterThanOrEqual(m.score);
          }
        },
      ),
    );
  });
});

describe('triage deadlines', () => {
  it('urgent: 24 hours, also over a weekend', () => {
    expect(triageDueAt(new Date('2026-01-09T16:00:00Z'), 'urgent').toISOString()).toBe(
      '2026-01-10T16:00:00.000Z',
    );
  });
  it('normal: end of the fifth working day, skipping Easter', () => {
    expect(triageDueAt(new Date('2026-04-02T09:00:00Z'), 'normal').toISOString()).toBe(
      '2026-04-10T21:59:59.999Z',
    );
  });
  it('configurable norms', () => {
    expect(
      triageDueAt(new Date('2026-01-05T09:00:00Z'), 'normal', {
        urgentHours: 4,
        normalWorkingDays: 2,
      }).toISOString(),
    ).toBe('2026-01-07T22:59:59.999Z');
    expect(
      triageDueAt(new Date('2026-01-05T09:00:00Z'), 'urgent', {
        urgentHours: 4,
        normalWorkingDays: 2,
      }).toISOString(),
    ).toBe('2026-01-05T13:00:00.000Z');
  });
  it('overdue only when undecided and past the deadline', () => {
    const dueAt = new Date('2026-01-10T16:00:00Z');
    expect(isOverdue({ dueAt, decidedAt: null }, new Date('2026-01-10T16:00:01Z'))).toBe(true);
    expect(isOverdue({ dueAt, decidedAt: null }, new Date('2026-01-10T15:59:59Z'))).toBe(false);
    expect(
      isOverdue({ dueAt, decidedAt: new Date('2026-01-09T00:00:00Z') }, new Date('2026-02-01T00:00:00Z')),
    ).toBe(false);
  });
  it('an urgent deadline is never later than a normal one for the same receipt', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01Z'), max: new Date('2040-01-01Z'), noInvalidDate: true }),
        (at) => {
          expect(triageDueAt(at, 'urgent').getTime()).toBeLessThanOrEqual(
            triageDueAt(at, 'normal').getTime(),
          );
        },
      ),
    );
  });
});

describe('triage decisions', () => {
  const base = { reasons: 'Gesprek met school gevoerd', referredOrganisationId: null, pyramidCategory: null };
  it('needs a reason', () => {
    expect(checkDecision({ ...base, outcome: 'no_action', reasons: ' ' })).toEqual([
      { path: 'reasons', message: expect.any(String) },
    ]);
  });
  it('the regular route names the organisation; the intensive approach and safety need a pyramid category', () => {
    expect(checkDecision({ ...base, outcome: 'regular' }).map((i) => i.path)).toEqual([
      'referredOrganisationId',
    ]);
    expect(checkDecision({ ...base, outcome: 'intensive' }).map((i) => i.path)).toEqual(['pyramidCategory']);
    expect(checkDecision({ ...base, outcome: 'safety', pyramidCategory: 3 })).toEqual([]);
  });
  it('the signaller hears "closed" only when nothing is done', () => {
    expect(statusAfter('no_action')).toBe('closed');
    expect(statusAfter('regular')).toBe('picked_up');
    expect(statusAfter('safety')).toBe('picked_up');
  });
});

describe('reference codes', () => {
  it('have the SK-XXXX-XXXX shape with unambiguous characters', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 8, maxLength: 8 }), (bytes) => {
        const code = referenceCode(bytes);
        expect(code).toMatch(/^SK-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
        for (const c of code.replace(/SK-|-/g, '')) expect(CODE_ALPHABET).toContain(c);
      }),
    );
  });
});
