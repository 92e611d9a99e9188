import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Referral, ReferralStatus } from '../../../contracts/chain.js';
import { PROFESSIONAL_ROLES } from '../../../domain/access/catalogue.js';
import { type ReferralSide, actionsFrom } from '../../../domain/chain/referral.js';
import { notFound } from '../../../domain/shared/errors.js';
import type { Scope } from '../../db/scope.js';
import { organisations, users } from '../../db/schema/core.js';
import { householdAccess, households } from '../../db/schema/households.js';
import { referralSteps, referrals, services } from '../../db/schema/chain.js';

export type ReferralRow = typeof referrals.$inferSelect;

/** The actor's side of a referral. Row-level security already hid referrals the actor may not see at all. */
export async function sideOf(scope: Scope, row: ReferralRow): Promise<Referral['side'] | null> {
  const [access] = await scope.tx
    .select({ relation: householdAccess.relation })
    .from(householdAccess)
    .where(
      and(eq(householdAccess.householdId, row.householdId), eq(householdAccess.userId, scope.actor.userId)),
    );
  const sender = !!access && (access.relation === 'coordinator' || access.relation === 'partner');
  const receiver =
    row.status !== 'draft' &&
    scope.actor.organisationId === row.receivingOrganisationId &&
    scope.actor.roles.some((r) => PROFESSIONAL_ROLES.includes(r));
  if (sender && receiver) return 'both';
  if (sender) return 'sender';
  if (receiver) return 'receiver';
  return null;
}

export function canAct(side: Referral['side'], on: ReferralSide): boolean {
  return side === 'both' || side === on;
}

/** Loads a referral the actor may see, with their side; 404 otherwise. */
export async function loadReferral(
  scope: Scope,
  id: string,
): Promise<{ row: ReferralRow; side: Referral['side'] }> {
  const [row] = await scope.tx.select().from(referrals).where(eq(referrals.id, id));
  const side = row ? await sideOf(scope, row) : null;
  if (!row || !side) throw notFound('referral');
  return { row, side };
}

/** Turns rows into what the actor may see: the receiving side gets the client and the question, not the household. */
export async function toReferrals(
  scope: Scope,
  rows: { row: ReferralRow; side: Referral['side'] }[],
): Promise<Referral[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.row.id);
  const userIds = [
    ...new Set(rows.flatMap(({ row }) => [row.senderId, ...(row.receiverId ? [row.receiverId] : [])])),
  ];
  const orgIds = [
    ...new Set(rows.flatMap(({ row }) => [row.senderOrganisationId, row.receivingOrganisationId])),
  ];
  const serviceIds = [...new Set(rows.map(({ row }) => row.serviceId))];
  const householdIds = [
    ...new Set(rows.filter((r) => r.side !== 'receiver').map(({ row }) => row.householdId)),
  ];
  const [userRows, orgRows, serviceRows, householdRows, stepRows] = [
    await scope.tx
      .select({ id: users.id, name: users.name, email: users.email, phone: users.phone })
      .from(users)
      .where(inArray(users.id, userIds)),
    await scope.tx
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(inArray(organisations.id, orgIds)),
    await scope.tx
      .select({ id: services.id, name: services.name })
      .from(services)
      .where(inArray(services.id, serviceIds)),
    householdIds.length
      ? await scope.tx
          .select({ id: households.id, name: households.name })
          .from(households)
          .where(inArray(households.id, householdIds))
      : [],
    await scope.tx
      .select({ s: referralSteps, byName: users.name })
      .from(referralSteps)
      .innerJoin(users, eq(users.id, referralSteps.byId))
      .where(inArray(referralSteps.referralId, ids))
      .orderBy(asc(referralSteps.id)),
  ];
  const user = new Map(userRows.map((u) => [u.id, u]));
  const org = new Map(orgRows.map((o) => [o.id, o]));
  const service = new Map(serviceRows.map((s) => [s.id, s]));
  const household = new Map(householdRows.map((h) => [h.id, h]));
  return rows.map(({ row, side }) => {
    const sender = user.get(row.senderId)!;
    const receiver = row.receiverId ? user.get(row.receiverId)! : null;
    const receivingOrg = org.get(row.receivingOrganisationId)!;
    const senderOrg = org.get(row.senderOrganisationId)!;
    const can = actionsFrom(row.status as ReferralStatus).filter((a) => {
      if (a === 'send' || a === 'withdraw') return canAct(side, 'sender');
      if (a === 'start') return canAct(side, 'receiver') && row.receiverId === scope.actor.userId;
      return canAct(side, 'receiver');
    });
    const h = side !== 'receiver' ? household.get(row.householdId) : undefined;
    return {
      id: row.id,
      household: h ? { id: h.id, name: h.name } : null,
      memberId: row.memberId,
      service: {
        id: row.serviceId,
        name: service.get(row.serviceId)?.name ?? '',
        organisation: { id: receivingOrg.id, name: receivingOrg.name },
      },
      status: row.status as ReferralStatus,
      question: row.question,
      client: { name: row.clientName, dateOfBirth: row.clientDateOfBirth, phone: row.clientPhone },
      sender: {
        id: sender.id,
        name: sender.name,
        email: sender.email,
        phone: sender.phone,
        organisation: { id: senderOrg.id, name: senderOrg.name },
      },
      receiver: receiver
        ? { id: receiver.id, name: receiver.name, email: receiver.email, phone: receiver.phone }
        : null,
      expectedStart: row.expectedStart,
      reason: row.reason,
      sentAt: row.sentAt?.toISOString() ?? null,
      startedAt: row.startedAt?.toISOString() ?? null,
      closedAt: row.closedAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      side,
      can,
      steps: stepRows
        .filter((s) => s.s.referralId === row.id)
        .map((s) => ({
          action: s.s.action,
          fromStatus: s.s.fromStatus as ReferralStatus | null,
          toStatus: s.s.toStatus as ReferralStatus,
          note: s.s.note,
          by: { id: s.s.byId, name: s.byName },
          at: s.s.at.toISOString(),
        })),
      version: row.version,
    };
  });
}

export async function recordStep(
  scope: Scope,
  row: ReferralRow,
  step: { action: string; fromStatus: string | null; toStatus: string; note?: string | undefined },
): Promise<void> {
  await scope.tx.insert(referralSteps).values({
    referralId: row.id,
    householdId: row.householdId,
    receivingOrganisationId: row.receivingOrganisationId,
    action: step.action,
    fromStatus: step.fromStatus,
    toStatus: step.toStatus,
    note: step.note ?? '',
    byId: scope.actor.userId,
    at: scope.now,
  });
}
