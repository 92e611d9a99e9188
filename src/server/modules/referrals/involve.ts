import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Scope } from '../../db/scope.js';
import { contacts, involvementNotices, services } from '../../db/schema/chain.js';
import { householdAccess, involvements } from '../../db/schema/households.js';
import type { ReferralRow } from './load.js';

/**
 * Verwijsindex: when an organisation becomes involved with a member whom other organisations already serve, each
 * side is told of the other (a notice with the involvement and how to reach them; never case content).
 */
async function noticeEachOther(
  scope: Scope,
  inv: { id: string; householdId: string; memberId: string; userId: string; organisationId: string },
) {
  const others = await scope.tx
    .select({ id: involvements.id, userId: involvements.userId })
    .from(involvements)
    .where(
      and(
        eq(involvements.householdId, inv.householdId),
        eq(involvements.memberId, inv.memberId),
        isNull(involvements.endedAt),
        ne(involvements.organisationId, inv.organisationId),
      ),
    );
  const rows = others.flatMap((o) => [
    {
      householdId: inv.householdId,
      memberId: inv.memberId,
      recipientId: o.userId,
      involvementId: inv.id,
      createdAt: scope.now,
    },
    {
      householdId: inv.householdId,
      memberId: inv.memberId,
      recipientId: inv.userId,
      involvementId: o.id,
      createdAt: scope.now,
    },
  ]);
  if (rows.length > 0) await scope.tx.insert(involvementNotices).values(rows);
  return others.length;
}

/**
 * The client arrived: the professional who saw them becomes involved (access to the household, an involvement for
 * the service and member) and the first contact is on record as attended.
 */
export async function involveReceiver(scope: Scope, row: ReferralRow, firstContactAt: Date): Promise<string> {
  await scope.tx
    .insert(householdAccess)
    .values({
      householdId: row.householdId,
      userId: scope.actor.userId,
      relation: 'partner',
      coordinatorId: row.coordinatorId,
      createdAt: scope.now,
    })
    .onConflictDoNothing();
  const [service] = await scope.tx
    .select({ name: services.name })
    .from(services)
    .where(eq(services.id, row.serviceId));
  const [inv] = await scope.tx
    .insert(involvements)
    .values({
      householdId: row.householdId,
      userId: scope.actor.userId,
      organisationId: scope.actor.organisationId,
      relation: 'partner',
      description: service?.name ?? '',
      serviceId: row.serviceId,
      memberId: row.memberId,
      status: 'active',
      startedAt: firstContactAt,
      createdBy: scope.actor.userId,
    })
    .returning({ id: involvements.id });
  await scope.tx.insert(contacts).values({
    householdId: row.householdId,
    memberId: row.memberId,
    professionalId: scope.actor.userId,
    organisationId: scope.actor.organisationId,
    referralId: row.id,
    plannedAt: firstContactAt,
    status: 'attended',
    note: '',
    createdAt: scope.now,
    updatedAt: scope.now,
  });
  if (row.memberId) {
    await noticeEachOther(scope, {
      id: inv!.id,
      householdId: row.householdId,
      memberId: row.memberId,
      userId: scope.actor.userId,
      organisationId: scope.actor.organisationId,
    });
  }
  return inv!.id;
}

/** Ends an involvement; the professional's access ends with their last involvement in the household. */
export async function endInvolvement(scope: Scope, involvementId: string, reason: string): Promise<void> {
  const [inv] = await scope.tx
    .select()
    .from(involvements)
    .where(and(eq(involvements.id, involvementId), isNull(involvements.endedAt)));
  if (!inv) return;
  await scope.tx
    .update(involvements)
    .set({ endedAt: scope.now, status: 'ended', endReason: reason, version: inv.version + 1 })
    .where(eq(involvements.id, involvementId));
  if (inv.relation === 'coordinator') return;
  const still = await scope.tx
    .select({ id: involvements.id })
    .from(involvements)
    .where(
      and(
        eq(involvements.householdId, inv.householdId),
        eq(involvements.userId, inv.userId),
        isNull(involvements.endedAt),
      ),
    );
  if (still.length === 0) {
    await scope.tx
      .delete(householdAccess)
      .where(and(eq(householdAccess.householdId, inv.householdId), eq(householdAccess.userId, inv.userId)));
  }
}
