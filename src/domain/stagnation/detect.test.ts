import { describe, expect, it } from 'vitest';
import { causeKey } from './causes.js';
import { type ContactFact, type HouseholdFacts, detect } from './detect.js';
import { DEFAULT_STAGNATION_SETTINGS as S } from './settings.js';

const H = 'h1';
const at = (iso: string) => new Date(iso);
const facts = (over: Partial<HouseholdFacts> = {}): HouseholdFacts => ({
  householdId: H,
  planActiveSince: null,
  planAgreed: true,
  coordinatorAssignedAt: null,
  contacts: [],
  actions: [],
  referrals: [],
  evaluations: [],
  ...over,
});
const contact = (
  when: string,
  outcome: ContactFact['outcome'],
  memberId = 'm1',
  organisationId = 'o1',
): ContactFact => ({ memberId, organisationId, at: at(when), outcome });
const kinds = (f: HouseholdFacts, now: string) => detect(f, S, at(now)).map((d) => causeKey(d.cause));

describe('no-shows', () => {
  it('detects two consecutive no-shows of a member at one organisation, from the second one', () => {
    const f = facts({
      contacts: [
        contact('2026-11-02T09:00:00Z', 'attended'),
        contact('2026-11-09T09:00:00Z', 'no_show'),
        contact('2026-11-16T09:00:00Z', 'no_show'),
      ],
    });
    const [d] = detect(f, S, at('2026-11-17T00:00:00Z'));
    expect(d).toEqual({
      cause: { kind: 'no_shows', householdId: H, memberId: 'm1', organisationId: 'o1' },
      since: at('2026-11-16T09:00:00Z'),
      evidenceAt: at('2026-11-16T09:00:00Z'),
    });
  });
  it('does not count no-shows split by an attended appointment, at another organisation, or in the future', () => {
    expect(
      kinds(
        facts({
          contacts: [
            contact('2026-11-09T09:00:00Z', 'no_show'),
            contact('2026-11-10T09:00:00Z', 'attended'),
            contact('2026-11-16T09:00:00Z', 'no_show'),
          ],
        }),
        '2026-11-20T00:00:00Z',
      ),
    ).toEqual([]);
    expect(
      kinds(
        facts({
          contacts: [
            contact('2026-11-09T09:00:00Z', 'no_show', 'm1', 'o1'),
            contact('2026-11-16T09:00:00Z', 'no_show', 'm1', 'o2'),
          ],
        }),
        '2026-11-20T00:00:00Z',
      ),
    ).toEqual([]);
    expect(
      kinds(
        facts({
          contacts: [contact('2026-11-09T09:00:00Z', 'no_show'), contact('2026-11-30T09:00:00Z', 'no_show')],
        }),
        '2026-11-20T00:00:00Z',
      ),
    ).toEqual([]);
  });
  it('ignores cancellations between no-shows and honours the threshold setting', () => {
    const f = facts({
      contacts: [
        contact('2026-11-09T09:00:00Z', 'no_show'),
        contact('2026-11-12T09:00:00Z', 'cancelled_by_client'),
        contact('2026-11-16T09:00:00Z', 'no_show'),
      ],
    });
    expect(kinds(f, '2026-11-20T00:00:00Z')).toEqual(['no_shows:h1:m1:o1']);
    expect(detect(f, { ...S, consecutiveNoShows: 3 }, at('2026-11-20T00:00:00Z'))).toEqual([]);
  });
});

describe('no contact while the plan is active', () => {
  it('starts 21 days after the last attended contact (or the plan start)', () => {
    const f = facts({
      planActiveSince: at('2026-10-01T10:00:00Z'),
      contacts: [contact('2026-10-20T10:00:00Z', 'attended'), contact('2026-10-25T10:00:00Z', 'no_show')],
    });
    expect(kinds(f, '2026-11-10T09:59:59Z')).toEqual([]);
    const [d] = detect(f, S, at('2026-11-10T10:00:00Z'));
    expect(d!.cause.kind).toBe('no_contact');
    expect(d!.evidenceAt).toEqual(at('2026-10-20T10:00:00Z'));
    expect(kinds(facts({ ...f, planActiveSince: null }), '2026-12-31T00:00:00Z')).toEqual([]);
  });
});

describe('overdue actions', () => {
  it('groups per assignee and counts 7 days after the due date (Amsterdam days)', () => {
    const f = facts({
      actions: [
        { id: 'a1', assignee: 'user:u1', dueDate: '2026-11-01', status: 'open' },
        { id: 'a2', assignee: 'user:u1', dueDate: '2026-11-03', status: 'in_progress' },
        { id: 'a3', assignee: 'user:u2', dueDate: '2026-11-01', status: 'done' },
        { id: 'a4', assignee: 'organisation:o1', dueDate: '2026-11-20', status: 'blocked' },
      ],
    });
    expect(kinds(f, '2026-11-08T22:59:59Z')).toEqual([]);
    const found = detect(f, S, at('2026-11-20T12:00:00Z'));
    expect(found.map((d) => causeKey(d.cause))).toEqual(['action_overdue:h1:user:u1']);
    expect(found[0]!.since).toEqual(at('2026-11-08T22:59:59.999Z'));
    expect(found[0]!.evidenceAt).toEqual(at('2026-11-03T22:59:59.999Z'));
  });
});

describe('referrals', () => {
  it('flags a referral without an answer after 5 working days, counting Dutch holidays', () => {
    // Sent on Thursday 23 April 2026; Monday 27 April is King's Day: due at the end of Friday 1 May.
    const f = facts({
      referrals: [
        {
          id: 'r1',
          status: 'sent',
          sentAt: at('2026-04-23T08:00:00Z'),
          waitlistedAt: null,
          expectedStart: null,
        },
      ],
    });
    expect(kinds(f, '2026-05-01T21:00:00Z')).toEqual([]);
    expect(kinds(f, '2026-05-01T22:00:00Z')).toEqual(['referral_unanswered:h1:r1']);
    expect(
      kinds(
        facts({
          referrals: [
            {
              id: 'r1',
              status: 'accepted',
              sentAt: at('2026-04-23T08:00:00Z'),
              waitlistedAt: null,
              expectedStart: null,
            },
          ],
        }),
        '2026-06-01T00:00:00Z',
      ),
    ).toEqual([]);
  });
  it('flags a waitlist past its expected start, or past 6 weeks', () => {
    const w = {
      id: 'r2',
      status: 'waitlisted' as const,
      sentAt: at('2026-09-01T08:00:00Z'),
      waitlistedAt: at('2026-09-02T08:00:00Z'),
    };
    expect(
      kinds(facts({ referrals: [{ ...w, expectedStart: '2026-09-20' }] }), '2026-09-20T12:00:00Z'),
    ).toEqual([]);
    expect(
      kinds(facts({ referrals: [{ ...w, expectedStart: '2026-09-20' }] }), '2026-09-21T12:00:00Z'),
    ).toEqual(['waitlist_overdue:h1:r2']);
    expect(kinds(facts({ referrals: [{ ...w, expectedStart: null }] }), '2026-10-14T08:00:00Z')).toEqual([
      'waitlist_overdue:h1:r2',
    ]);
    expect(
      kinds(facts({ referrals: [{ ...w, expectedStart: '2026-12-01' }] }), '2026-10-14T08:00:00Z'),
    ).toEqual(['waitlist_overdue:h1:r2']);
  });
});

describe('evaluations and the agreed plan', () => {
  it('flags an evaluation 7 days past its date without a record', () => {
    const f = facts({
      evaluations: [
        { id: 'e1', plannedDate: '2026-11-02', recorded: false },
        { id: 'e2', plannedDate: '2026-10-01', recorded: true },
      ],
    });
    expect(kinds(f, '2026-11-09T12:00:00Z')).toEqual([]);
    expect(kinds(f, '2026-11-10T00:00:00Z')).toEqual(['evaluation_overdue:h1:e1']);
  });
  it('flags a household without an agreed plan 28 days after its coordinator was assigned', () => {
    const f = facts({ planAgreed: false, coordinatorAssignedAt: at('2026-10-01T09:00:00Z') });
    expect(kinds(f, '2026-10-29T08:59:59Z')).toEqual([]);
    expect(kinds(f, '2026-10-29T09:00:00Z')).toEqual(['no_agreed_plan:h1']);
    expect(kinds({ ...f, planAgreed: true }, '2026-12-01T00:00:00Z')).toEqual([]);
  });
});
