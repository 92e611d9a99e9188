import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { CONTACT_STATUSES, checkContactChange, checkContactStatus, noShowRate } from './contact.js';
import { checkHandoverCompletion, missingLetterParts } from './handover.js';
import { REFERRAL_STATUSES } from './referral.js';

const now = new Date('2026-03-10T10:00:00Z');

describe('contacts', () => {
  it('refuses attended or no-show for an appointment still to come', () => {
    const future = new Date('2026-03-11T10:00:00Z');
    expect(() => checkContactStatus('attended', future, now)).toThrow(DomainError);
    expect(() => checkContactStatus('no_show', future, now)).toThrow(DomainError);
    expect(() => checkContactStatus('planned', future, now)).not.toThrow();
    expect(() => checkContactStatus('cancelled_by_client', future, now)).not.toThrow();
    expect(() => checkContactStatus('attended', now, now)).not.toThrow();
  });

  it('gives only a planned appointment an outcome', () => {
    expect(() => checkContactChange('planned', 'no_show')).not.toThrow();
    expect(() => checkContactChange('attended', 'no_show')).toThrow(/already been recorded/);
    expect(() => checkContactChange('attended', 'attended')).not.toThrow();
  });

  it('computes the no-show rate over attended and missed appointments only', () => {
    expect(noShowRate([])).toBeNull();
    expect(noShowRate(['planned', 'cancelled_by_client'])).toBeNull();
    expect(noShowRate(['attended', 'no_show', 'no_show', 'planned'])).toBeCloseTo(2 / 3);
  });

  it('keeps the no-show rate between 0 and 1 (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CONTACT_STATUSES)), (list) => {
        const rate = noShowRate(list);
        if (rate !== null) {
          expect(rate).toBeGreaterThanOrEqual(0);
          expect(rate).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});

describe('warm handover', () => {
  it('ends the sending involvement without a reason only once the new care started', () => {
    expect(checkHandoverCompletion('started', undefined)).toEqual({ endedWithReason: false });
    expect(checkHandoverCompletion('completed', '')).toEqual({ endedWithReason: false });
    expect(() => checkHandoverCompletion('accepted', '')).toThrow(/not started yet/);
    expect(checkHandoverCompletion('waitlisted', 'Verhuisd naar Deventer')).toEqual({
      endedWithReason: true,
    });
  });

  it('never ends before the new care started unless a reason is given (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...REFERRAL_STATUSES),
        fc.constantFrom(undefined, '', '  ', 'Reden'),
        (status, reason) => {
          const started = status === 'started' || status === 'completed';
          const hasReason = !!reason?.trim();
          if (started || hasReason) expect(() => checkHandoverCompletion(status, reason)).not.toThrow();
          else expect(() => checkHandoverCompletion(status, reason)).toThrow(DomainError);
        },
      ),
    );
  });

  it('lists the missing parts of the handover letter', () => {
    expect(missingLetterParts({ summary: 'x', warningSigns: '', whatToDo: 'y', whomToCall: ' ' })).toEqual([
      'warningSigns',
      'whomToCall',
    ]);
  });
});
