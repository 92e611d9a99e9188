import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreementState, needsAgreement } from './agreement.js';
import { partnerMayReport, checkActionStatus } from './actions.js';

describe('agreeing a plan version', () => {
  it('is complete when every adult agreed and every involved organisation acknowledged', () => {
    const base = { requiredMemberIds: ['m1', 'm2'], requiredOrganisationIds: ['o1'] };
    expect(
      agreementState({
        ...base,
        memberAgreements: [{ memberId: 'm1' }],
        organisationAcknowledgements: [{ organisationId: 'o1' }],
      }),
    ).toEqual({
      complete: false,
      missingMemberIds: ['m2'],
      missingOrganisationIds: [],
    });
    expect(
      agreementState({
        ...base,
        memberAgreements: [{ memberId: 'm1' }, { memberId: 'm2' }],
        organisationAcknowledgements: [{ organisationId: 'o1' }],
      }).complete,
    ).toBe(true);
    expect(needsAgreement('parent') && needsAgreement('other_adult') && !needsAgreement('child')).toBe(true);
  });

  it('property: complete exactly when nobody is missing (and there is someone to agree)', () => {
    const ids = ['a', 'b', 'c', 'd'];
    fc.assert(
      fc.property(
        fc.subarray(ids),
        fc.subarray(ids),
        fc.subarray(ids),
        fc.subarray(ids),
        (rm, ro, am, ao) => {
          const s = agreementState({
            requiredMemberIds: rm,
            requiredOrganisationIds: ro,
            memberAgreements: am.map((memberId) => ({ memberId })),
            organisationAcknowledgements: ao.map((organisationId) => ({ organisationId })),
          });
          expect(s.complete).toBe(
            rm.length > 0 && rm.every((m) => am.includes(m)) && ro.every((o) => ao.includes(o)),
          );
          expect(s.missingMemberIds.every((m) => rm.includes(m) && !am.includes(m))).toBe(true);
        },
      ),
    );
  });
});

describe('actions', () => {
  it('a blocked action needs a reason', () => {
    expect(checkActionStatus('blocked', ' ')).toEqual([
      { path: 'blockedReason', message: 'Say what blocks this action.' },
    ]);
    expect(checkActionStatus('blocked', 'Wachtlijst')).toEqual([]);
    expect(checkActionStatus('open', '')).toEqual([]);
  });

  it('partners report on actions assigned to them or their organisation only', () => {
    const actor = { userId: 'u1', organisationId: 'o1' };
    expect(partnerMayReport({ assigneeUserId: 'u1', assigneeOrganisationId: 'o2' }, actor)).toBe(true);
    expect(partnerMayReport({ assigneeUserId: null, assigneeOrganisationId: 'o1' }, actor)).toBe(true);
    expect(partnerMayReport({ assigneeUserId: 'u2', assigneeOrganisationId: 'o2' }, actor)).toBe(false);
    expect(partnerMayReport({ assigneeUserId: null, assigneeOrganisationId: null }, actor)).toBe(false);
  });
});
