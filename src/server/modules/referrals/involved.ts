import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { InvolvedEntry, InvolvedOverview, InvolvementNotice } from '../../../contracts/chain.js';
import type { OrganisationType } from '../../../contracts/roles.js';
import { notFound } from '../../../domain/shared/errors.js';
import { requireAccess } from '../../access/require-access.js';
import { byName } from '../../db/order.js';
import type { Scope } from '../../db/scope.js';
import { organisations, users } from '../../db/schema/core.js';
import { households, involvements, members } from '../../db/schema/households.js';
import { handovers, involvementNotices, services } from '../../db/schema/chain.js';
import { listHouseholdReferrals } from './list-referrals.js';

async function involvedRows(scope: Scope, householdId: string) {
  return scope.tx
    .select({
      i: involvements,
      userName: users.name,
      userEmail: users.email,
      userPhone: users.phone,
      orgName: organisations.name,
      orgType: organisations.type,
      serviceName: services.name,
      memberName: members.name,
    })
    .from(involvements)
    .innerJoin(users, eq(users.id, involvements.userId))
    .innerJoin(organisations, eq(organisations.id, involvements.organisationId))
    .leftJoin(services, eq(services.id, involvements.serviceId))
    .leftJoin(members, eq(members.id, involvements.memberId))
    .where(and(eq(involvements.householdId, householdId), isNull(involvements.endedAt)))
    .orderBy(
      sql`case when ${involvements.relation} = 'coordinator' then 0 else 1 end`,
      byName(organisations.name),
      byName(users.name),
    );
}

/** Notices for the actor, in one household or all; only while the actor is still involved there. */
export async function noticesFor(scope: Scope, householdId?: string): Promise<InvolvementNotice[]> {
  const rows = await scope.tx
    .select({
      n: involvementNotices,
      householdName: households.name,
      memberName: members.name,
      i: involvements,
      userName: users.name,
      userEmail: users.email,
      userPhone: users.phone,
      orgName: organisations.name,
      serviceName: services.name,
    })
    .from(involvementNotices)
    .innerJoin(households, eq(households.id, involvementNotices.householdId))
    .innerJoin(involvements, eq(involvements.id, involvementNotices.involvementId))
    .innerJoin(users, eq(users.id, involvements.userId))
    .innerJoin(organisations, eq(organisations.id, involvements.organisationId))
    .leftJoin(members, eq(members.id, involvementNotices.memberId))
    .leftJoin(services, eq(services.id, involvements.serviceId))
    .where(
      and(
        eq(involvementNotices.recipientId, scope.actor.userId),
        householdId ? eq(involvementNotices.householdId, householdId) : undefined,
      ),
    )
    .orderBy(desc(involvementNotices.createdAt))
    .limit(100);
  return rows.map((r) => ({
    id: r.n.id,
    household: { id: r.n.householdId, name: r.householdName },
    member: r.n.memberId && r.memberName ? { id: r.n.memberId, name: r.memberName } : null,
    other: {
      professional: { id: r.i.userId, name: r.userName, email: r.userEmail, phone: r.userPhone },
      organisation: { id: r.i.organisationId, name: r.orgName },
      service: r.i.serviceId && r.serviceName ? { id: r.i.serviceId, name: r.serviceName } : null,
      since: r.i.startedAt.toISOString(),
    },
    createdAt: r.n.createdAt.toISOString(),
    read: r.n.readAt !== null,
  }));
}

/**
 * "Who is involved": the coordinator (the single point of contact) first, then every organisation and professional
 * with their trajectory, member, since when and how to reach them; open referrals and the actor's notices beside it.
 */
export async function involvedOverview(scope: Scope, householdId: string): Promise<InvolvedOverview> {
  const grant = await requireAccess(scope, 'read', { householdId, objectType: 'involvement' });
  const rows = await involvedRows(scope, householdId);
  const ids = rows.map((r) => r.i.id);
  const handingOver = ids.length
    ? new Set(
        (
          await scope.tx
            .select({ id: handovers.fromInvolvementId })
            .from(handovers)
            .where(and(inArray(handovers.fromInvolvementId, ids), eq(handovers.status, 'open')))
        ).map((h) => h.id),
      )
    : new Set<string>();
  const items: InvolvedEntry[] = rows.map((r) => ({
    id: r.i.id,
    relation: r.i.relation as InvolvedEntry['relation'],
    description: r.i.description,
    since: r.i.startedAt.toISOString(),
    status: handingOver.has(r.i.id) ? 'handing_over' : 'active',
    service: r.i.serviceId && r.serviceName ? { id: r.i.serviceId, name: r.serviceName } : null,
    member: r.i.memberId && r.memberName ? { id: r.i.memberId, name: r.memberName } : null,
    professional: { id: r.i.userId, name: r.userName, email: r.userEmail, phone: r.userPhone },
    organisation: { id: r.i.organisationId, name: r.orgName, type: r.orgType as OrganisationType },
    isMe: r.i.userId === scope.actor.userId,
  }));
  const referrals = await listHouseholdReferrals(scope, householdId);
  const notices = await noticesFor(scope, householdId);
  scope.audit({
    objectType: 'involvement_list',
    householdId,
    action: 'read',
    basis: grant.basis,
    role: grant.role,
  });
  return { items, referrals, notices };
}

export async function listMyNotices(scope: Scope): Promise<InvolvementNotice[]> {
  const items = await noticesFor(scope);
  for (const hid of new Set(items.map((n) => n.household.id))) {
    scope.audit({
      objectType: 'involvement_notice',
      householdId: hid,
      action: 'read',
      basis: 'care_relation:notice',
    });
  }
  return items;
}

export async function markNoticeRead(scope: Scope, noticeId: string): Promise<void> {
  const [n] = await scope.tx
    .update(involvementNotices)
    .set({ readAt: scope.now })
    .where(and(eq(involvementNotices.id, noticeId), eq(involvementNotices.recipientId, scope.actor.userId)))
    .returning({ householdId: involvementNotices.householdId });
  if (!n) throw notFound('notice');
  scope.audit({
    objectType: 'involvement_notice',
    objectId: noticeId,
    householdId: n.householdId,
    action: 'update',
    basis: 'care_relation:notice',
  });
}
