import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Referral, ReferralCreate } from '../../../contracts/chain.js';
import { OPEN_REFERRAL_STATUSES } from '../../../domain/chain/referral.js';
import { DomainError } from '../../../domain/shared/errors.js';
import { requireAccess } from '../../access/require-access.js';
import type { Scope } from '../../db/scope.js';
import { organisations } from '../../db/schema/core.js';
import { households, members } from '../../db/schema/households.js';
import { referrals, services } from '../../db/schema/chain.js';
import { loadReferral, recordStep, toReferrals } from './load.js';

/**
 * Refers a member (or the household) to a service. With it go only the client's name, date of birth and phone,
 * the question and the sender's contact: what the receiving organisation needs to invite the client.
 */
export async function createReferral(
  scope: Scope,
  householdId: string,
  input: ReferralCreate,
): Promise<Referral> {
  const grant = await requireAccess(scope, 'referral.write', { householdId, objectType: 'referral' });
  const [service] = await scope.tx
    .select({
      id: services.id,
      organisationId: services.organisationId,
      active: services.active,
      orgActive: organisations.active,
    })
    .from(services)
    .innerJoin(organisations, eq(organisations.id, services.organisationId))
    .where(and(eq(services.id, input.serviceId), eq(services.regionId, scope.actor.regionId)));
  if (!service || !service.active || !service.orgActive) {
    throw new DomainError('VALIDATION_FAILED', 'This service does not take referrals now.', {
      fields: [{ path: 'serviceId', message: 'Choose an active service.' }],
    });
  }
  const [household] = await scope.tx.select().from(households).where(eq(households.id, householdId));
  let client = { name: household!.name, dateOfBirth: null as string | null, phone: '' };
  const memberId = input.memberId ?? null;
  if (memberId) {
    const [member] = await scope.tx
      .select()
      .from(members)
      .where(and(eq(members.id, memberId), eq(members.householdId, householdId), isNull(members.removedAt)));
    if (!member) {
      throw new DomainError('VALIDATION_FAILED', 'This person is not a member of the household.', {
        fields: [{ path: 'memberId', message: 'Choose a member of this household.' }],
      });
    }
    client = { name: member.name, dateOfBirth: member.dateOfBirth, phone: member.phone };
  }
  const [open] = await scope.tx
    .select({ id: referrals.id })
    .from(referrals)
    .where(
      and(
        eq(referrals.householdId, householdId),
        memberId ? eq(referrals.memberId, memberId) : isNull(referrals.memberId),
        eq(referrals.serviceId, input.serviceId),
        inArray(referrals.status, [...OPEN_REFERRAL_STATUSES]),
      ),
    );
  if (open) {
    throw new DomainError('CONFLICT', 'There is already an open referral of this person to this service.', {
      fields: [{ path: 'serviceId', message: 'Already referred; follow the open referral.' }],
    });
  }
  const send = input.send ?? true;
  const [row] = await scope.tx
    .insert(referrals)
    .values({
      householdId,
      memberId,
      serviceId: service.id,
      receivingOrganisationId: service.organisationId,
      coordinatorId: household!.coordinatorId!,
      senderId: scope.actor.userId,
      senderOrganisationId: scope.actor.organisationId,
      status: send ? 'sent' : 'draft',
      question: input.question,
      clientName: client.name,
      clientDateOfBirth: client.dateOfBirth,
      clientPhone: client.phone,
      sentAt: send ? scope.now : null,
      createdAt: scope.now,
      updatedAt: scope.now,
    })
    .returning();
  await recordStep(scope, row!, { action: 'create', fromStatus: null, toStatus: 'draft' });
  if (send) await recordStep(scope, row!, { action: 'send', fromStatus: 'draft', toStatus: 'sent' });
  scope.audit({
    objectType: 'referral',
    objectId: row!.id,
    householdId,
    memberId,
    action: 'create',
    basis: grant.basis,
    role: grant.role,
  });
  const [dto] = await toReferrals(scope, [await loadReferral(scope, row!.id)]);
  return dto!;
}
