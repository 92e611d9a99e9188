import { and, eq, inArray } from 'drizzle-orm';
import type { Handover, ReferralStatus } from '../../../contracts/chain.js';
import type { Scope } from '../../db/scope.js';
import { organisations, users } from '../../db/schema/core.js';
import { involvements } from '../../db/schema/households.js';
import { handovers, referrals, services } from '../../db/schema/chain.js';

export type HandoverRow = typeof handovers.$inferSelect;

export async function handoverRows(scope: Scope, householdId: string, id?: string): Promise<HandoverRow[]> {
  return scope.tx
    .select()
    .from(handovers)
    .where(and(eq(handovers.householdId, householdId), id ? eq(handovers.id, id) : undefined))
    .orderBy(handovers.createdAt);
}

export async function toHandovers(
  scope: Scope,
  rows: HandoverRow[],
  coordinator: boolean,
): Promise<Handover[]> {
  if (rows.length === 0) return [];
  const invs = await scope.tx
    .select()
    .from(involvements)
    .where(
      inArray(
        involvements.id,
        rows.map((r) => r.fromInvolvementId),
      ),
    );
  const refs = await scope.tx
    .select()
    .from(referrals)
    .where(
      inArray(
        referrals.id,
        rows.map((r) => r.referralId),
      ),
    );
  const userIds = [
    ...new Set([
      ...invs.map((i) => i.userId),
      ...refs.flatMap((r) => (r.receiverId ? [r.receiverId] : [])),
      ...rows.map((r) => r.createdBy),
    ]),
  ];
  const orgIds = [
    ...new Set([...invs.map((i) => i.organisationId), ...refs.map((r) => r.receivingOrganisationId)]),
  ];
  const userMap = new Map(
    (
      await scope.tx
        .select({ id: users.id, name: users.name, email: users.email, phone: users.phone })
        .from(users)
        .where(inArray(users.id, userIds))
    ).map((u) => [u.id, u]),
  );
  const orgMap = new Map(
    (
      await scope.tx
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(inArray(organisations.id, orgIds))
    ).map((o) => [o.id, o]),
  );
  const svcMap = new Map(
    (
      await scope.tx
        .select({ id: services.id, name: services.name })
        .from(services)
        .where(
          inArray(
            services.id,
            refs.map((r) => r.serviceId),
          ),
        )
    ).map((s) => [s.id, s]),
  );
  return rows.map((h) => {
    const inv = invs.find((i) => i.id === h.fromInvolvementId)!;
    const ref = refs.find((r) => r.id === h.referralId)!;
    const receiver = ref.receiverId ? userMap.get(ref.receiverId)! : null;
    return {
      id: h.id,
      householdId: h.householdId,
      from: {
        involvementId: inv.id,
        professional: userMap.get(inv.userId)!,
        organisation: orgMap.get(inv.organisationId)!,
        ended: inv.endedAt !== null,
      },
      referral: {
        id: ref.id,
        status: ref.status as ReferralStatus,
        service: svcMap.get(ref.serviceId)!,
        organisation: orgMap.get(ref.receivingOrganisationId)!,
        receiver,
      },
      meetingAt: h.meetingAt?.toISOString() ?? null,
      meetingPlace: h.meetingPlace,
      meetingHeld: h.meetingHeld,
      summary: h.summary,
      warningSigns: h.warningSigns,
      whatToDo: h.whatToDo,
      whomToCall: h.whomToCall,
      crisisAgreements: h.crisisAgreements,
      status: h.status as Handover['status'],
      endReason: h.endReason,
      completedAt: h.completedAt?.toISOString() ?? null,
      createdBy: { id: h.createdBy, name: userMap.get(h.createdBy)!.name },
      createdAt: h.createdAt.toISOString(),
      canEdit: h.status === 'open' && (coordinator || inv.userId === scope.actor.userId),
      version: h.version,
    };
  });
}
