import { and, eq } from 'drizzle-orm';
import type { Referral, ReferralStatus, ReferralStepInput } from '../../../contracts/chain.js';
import { PROFESSIONAL_ROLES } from '../../../domain/access/catalogue.js';
import { REFERRAL_STEPS, nextReferralStatus } from '../../../domain/chain/referral.js';
import { amsterdamDate } from '../../../domain/households/rules.js';
import { DomainError, forbidden } from '../../../domain/shared/errors.js';
import type { Scope } from '../../db/scope.js';
import { users } from '../../db/schema/core.js';
import { referrals } from '../../db/schema/chain.js';
import { assertVersion } from '../../http/etag.js';
import { endInvolvement, involveReceiver } from './involve.js';
import { canAct, loadReferral, recordStep, toReferrals } from './load.js';

async function checkReceiver(scope: Scope, organisationId: string, receiverId: string): Promise<void> {
  const [u] = await scope.tx
    .select({ roles: users.roles, active: users.active, organisationId: users.organisationId })
    .from(users)
    .where(eq(users.id, receiverId));
  if (
    !u ||
    !u.active ||
    u.organisationId !== organisationId ||
    !u.roles.some((r) => (PROFESSIONAL_ROLES as readonly string[]).includes(r))
  ) {
    throw new DomainError('VALIDATION_FAILED', 'Choose an active professional of your organisation.', {
      fields: [{ path: 'receiverId', message: 'Not an active professional of the receiving organisation.' }],
    });
  }
}

/** One step in the closed loop, by the side whose turn it is. Every step is kept with who, when and why. */
export async function stepReferral(
  scope: Scope,
  id: string,
  version: number,
  input: ReferralStepInput,
): Promise<Referral> {
  const { row, side } = await loadReferral(scope, id);
  const step = REFERRAL_STEPS[input.action];
  const basis = side === 'receiver' ? 'referral:receiving_organisation' : 'care_relation:referral';
  if (!canAct(side, step.side)) {
    scope.deny({
      objectType: 'referral',
      objectId: id,
      householdId: row.householdId,
      action: 'update',
      basis,
    });
    throw forbidden(
      step.side === 'sender'
        ? 'Only the sending side can do this.'
        : 'Only the receiving organisation can do this.',
    );
  }
  if (side === 'sender' && !scope.actor.roles.some((r) => PROFESSIONAL_ROLES.includes(r))) throw forbidden();
  assertVersion(version, row.version, (await toReferrals(scope, [{ row, side }]))[0]);
  const firstContactAt = input.firstContactAt ? new Date(input.firstContactAt) : scope.now;
  const to = nextReferralStatus(
    row.status as ReferralStatus,
    input.action,
    { ...input, firstContactAt },
    scope.now,
    amsterdamDate(scope.now),
  );
  const set: Partial<typeof referrals.$inferInsert> = {
    status: to,
    version: row.version + 1,
    updatedAt: scope.now,
  };
  if (input.action === 'send') set.sentAt = scope.now;
  if (input.action === 'accept') {
    const receiverId = input.receiverId ?? scope.actor.userId;
    await checkReceiver(scope, row.receivingOrganisationId, receiverId);
    set.receiverId = receiverId;
  }
  if (input.action === 'waitlist') set.expectedStart = input.expectedStart!;
  if (input.action === 'start') {
    if (row.receiverId !== scope.actor.userId) {
      throw new DomainError(
        'RULE_VIOLATION',
        'Only the professional who accepted the client records the first contact.',
        {
          fields: [{ path: 'action', message: 'Not the assigned professional.' }],
        },
      );
    }
    set.involvementId = await involveReceiver(scope, row, firstContactAt);
    set.startedAt = firstContactAt;
  }
  if (['decline', 'withdraw', 'stop'].includes(input.action)) set.reason = input.reason!.trim();
  if (['decline', 'withdraw', 'complete', 'stop'].includes(input.action)) set.closedAt = scope.now;
  if ((input.action === 'complete' || input.action === 'stop') && row.involvementId) {
    await endInvolvement(
      scope,
      row.involvementId,
      input.action === 'stop' ? input.reason!.trim() : 'completed',
    );
  }
  await scope.tx
    .update(referrals)
    .set(set)
    .where(and(eq(referrals.id, id), eq(referrals.version, row.version)));
  await recordStep(scope, row, {
    action: input.action,
    fromStatus: row.status,
    toStatus: to,
    note: input.reason ?? input.note ?? input.expectedStart,
  });
  scope.audit({
    objectType: 'referral',
    objectId: id,
    householdId: row.householdId,
    memberId: row.memberId,
    action: 'update',
    basis,
  });
  // After complete/stop the professional may have lost access; they still see the referral as its receiver.
  const [dto] = await toReferrals(scope, [await loadReferral(scope, id)]);
  return dto!;
}
