import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import {
  FINAL_REFERRAL_STATUSES,
  REFERRAL_ACTIONS,
  REFERRAL_STATUSES,
  type ReferralAction,
  type ReferralStatus,
  actionsFrom,
  isOpenReferral,
  nextReferralStatus,
} from './referral.js';

const now = new Date('2026-03-10T10:00:00Z');
const today = '2026-03-10';
const full = {
  reason: 'Geen plek',
  expectedStart: '2026-04-01',
  firstContactAt: new Date('2026-03-09T09:00:00Z'),
};

function run(actions: ReferralAction[], input = full): ReferralStatus {
  return actions.reduce<ReferralStatus>((s, a) => nextReferralStatus(s, a, input, now, today), 'draft');
}

describe('the referral loop', () => {
  it('runs the happy path draft → sent → received → accepted → started → completed', () => {
    expect(run(['send', 'receive', 'accept', 'start', 'complete'])).toBe('completed');
  });

  it('goes through the waiting list to a start', () => {
    expect(run(['send', 'receive', 'waitlist', 'accept', 'start'])).toBe('started');
  });

  it.each<[ReferralAction[], ReferralStatus]>([
    [['send', 'receive', 'decline'], 'declined'],
    [['send', 'receive', 'waitlist', 'decline'], 'declined'],
    [['send', 'receive', 'accept', 'start', 'stop'], 'stopped'],
    [['send', 'withdraw'], 'withdrawn'],
    [['withdraw'], 'withdrawn'],
  ])('%j ends %s', (actions, end) => {
    expect(run(actions)).toBe(end);
  });

  it('refuses a start before acceptance', () => {
    expect(() => run(['send', 'receive', 'start'])).toThrow(DomainError);
    try {
      run(['send', 'start']);
    } catch (e) {
      expect((e as DomainError).code).toBe('RULE_VIOLATION');
    }
  });

  it('refuses to withdraw once the client arrived', () => {
    expect(() => run(['send', 'receive', 'accept', 'start', 'withdraw'])).toThrow(/started/);
  });

  it('needs a reason to decline, stop or withdraw', () => {
    for (const path of [
      ['send', 'receive', 'decline'],
      ['send', 'receive', 'accept', 'start', 'stop'],
      ['withdraw'],
    ] as ReferralAction[][]) {
      try {
        run(path, { ...full, reason: '  ' });
        expect.unreachable();
      } catch (e) {
        expect((e as DomainError).code).toBe('VALIDATION_FAILED');
        expect((e as DomainError).details.fields).toEqual([{ path: 'reason', message: 'Give a reason.' }]);
      }
    }
  });

  it('needs an expected start, not in the past, to waitlist', () => {
    expect(() => run(['send', 'receive', 'waitlist'], { ...full, expectedStart: '' })).toThrow(/not valid/);
    expect(() => run(['send', 'receive', 'waitlist'], { ...full, expectedStart: '2026-03-09' })).toThrow(
      /not valid/,
    );
    expect(run(['send', 'receive', 'waitlist'], { ...full, expectedStart: today })).toBe('waitlisted');
  });

  it('refuses a first contact in the future', () => {
    expect(() =>
      run(['send', 'receive', 'accept', 'start'], {
        ...full,
        firstContactAt: new Date('2026-03-11T09:00:00Z'),
      }),
    ).toThrow(/not valid/);
  });

  it('offers each side only its own next steps', () => {
    expect(actionsFrom('sent', 'receiver')).toEqual(['receive']);
    expect(actionsFrom('sent', 'sender')).toEqual(['withdraw']);
    expect(actionsFrom('received', 'receiver')).toEqual(['accept', 'decline', 'waitlist']);
    expect(actionsFrom('started', 'sender')).toEqual([]);
  });
});

describe('the referral loop (properties)', () => {
  const actionArb = fc.constantFrom(...REFERRAL_ACTIONS);
  const inputArb = fc.record({
    reason: fc.constantFrom('', ' ', 'Wachtlijst vol'),
    expectedStart: fc.constantFrom(undefined, '', '2026-03-01', '2026-05-01'),
    firstContactAt: fc.constantFrom(
      undefined,
      new Date('2026-03-01T00:00:00Z'),
      new Date('2026-04-01T00:00:00Z'),
    ),
  });

  it('no sequence of calls reaches an invalid state; a refused call changes nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(actionArb, inputArb), { maxLength: 25 }), (calls) => {
        let status: ReferralStatus = 'draft';
        const visited: ReferralStatus[] = [status];
        for (const [action, input] of calls) {
          const before = status;
          try {
            status = nextReferralStatus(status, action, input, now, today);
            visited.push(status);
          } catch (e) {
            expect(e).toBeInstanceOf(DomainError);
            expect(['RULE_VIOLATION', 'VALIDATION_FAILED']).toContain((e as DomainError).code);
            expect(status).toBe(before);
          }
          expect(REFERRAL_STATUSES).toContain(status);
        }
        // Started only ever directly after accepted; completed/stopped only after started; a final status is never left.
        for (let i = 1; i < visited.length; i++) {
          const [prev, cur] = [visited[i - 1]!, visited[i]!];
          if (cur === 'started') expect(prev).toBe('accepted');
          if (cur === 'completed' || cur === 'stopped') expect(prev).toBe('started');
          expect(FINAL_REFERRAL_STATUSES).not.toContain(prev);
        }
        if (visited.includes('started'))
          expect(visited.indexOf('accepted')).toBeLessThan(visited.indexOf('started'));
        expect(isOpenReferral(status)).toBe(!FINAL_REFERRAL_STATUSES.includes(status));
      }),
      { numRuns: 500 },
    );
  });

  it('every status offers a step exactly when it is not final', () => {
    for (const s of REFERRAL_STATUSES)
      expect(actionsFrom(s).length > 0).toBe(!FINAL_REFERRAL_STATUSES.includes(s));
  });
});
