import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { AssignInput, AssignmentView } from '../../../contracts/assignment.js';
import { wouldExceedNorm } from '../../../domain/assignment/ranking.js';
import { DomainError, invalid } from '../../../domain/shared/errors.js';
import { householdAccess, households, involvements } from '../../db/schema/households.js';
import { planActions } from '../../db/schema/plan.js';
import { coordinatorAssignments, householdPreferences, meldcodeCases } from '../../db/schema/signals.js';
import type { Scope } from '../../db/scope.js';
import { assertVersion } from '../../http/etag.js';
import { keepHistory } from '../households/history.js';
import { notify } from '../notifications/notify.js';
import { signalSettings } from '../signals/settings.js';
import { TRIAGE_BASIS, enterTriage, triageHousehold } from '../triage/triage-scope.js';
import { caseloadCounts, coordinatorsOfRegion } from './load.js';
import { assignmentView } from './view.js';

type Input = ReturnType<typeof import('../../../contracts/assignment.js').AssignInput.parse>;

async function savePreference(scope: Scope, householdId: string, p: NonNullable<Input['preference']>) {
  const values = {
    preferredUserId: p.preferredUserId,
    notWantedUserIds: p.notWantedUserIds,
    note: p.note,
    updatedBy: scope.actor.userId,
    updatedAt: scope.now,
  };
  await scope.tx
    .insert(householdPreferences)
    .values({ householdId, ...values })
    .onConflictDoUpdate({ target: householdPreferences.householdId, set: values });
  scope.audit({
    objectType: 'household_preference',
    objectId: householdId,
    householdId,
    action: 'update',
    basis: TRIAGE_BASIS,
    role: 'process_manager',
  });
}

/**
 * Assigns a coordinator, or switches to another one (the relation does not work: 000, 004 H2) in one step with a
 * reason. Over the norm needs its own reason (it shows on the process manager's board). History is kept: the
 * earlier assignment is ended, not removed. Open work moves along: the household's access index, its
 * involvements and meldcode paths belong to the household and pass to the new coordinator; the old coordinator's
 * access ends.
 */
export async function assignCoordinator(
  scope: Scope,
  householdId: string,
  expectedVersion: number,
  input: Input,
): Promise<AssignmentView> {
  await enterTriage(scope, 'coordinator.assign');
  const h = await triageHousehold(scope, householdId);
  assertVersion(expectedVersion, h.version, { version: h.version });
  const [coordinator] = await coordinatorsOfRegion(scope, input.coordinatorId);
  if (!coordinator)
    throw invalid([{ path: 'coordinatorId', message: 'Choose an active coordinator of your region.' }]);
  if (h.coordinatorId === coordinator.id)
    throw invalid([{ path: 'coordinatorId', message: 'This person already coordinates the household.' }]);
  const previous = h.coordinatorId;
  if (previous && !input.reason.trim())
    throw invalid([{ path: 'reason', message: 'Say why the coordinator changes.' }]);
  const caseload = (await caseloadCounts(scope)).get(coordinator.id) ?? 0;
  const overNorm = wouldExceedNorm(caseload, coordinator.fte, signalSettings().normPerFte);
  if (overNorm && !input.overNormReason.trim()) {
    throw invalid([
      {
        path: 'overNormReason',
        message: 'This coordinator is at or over the norm: say why they take this household anyway.',
      },
    ]);
  }
  if (input.preference) await savePreference(scope, householdId, input.preference);
  const { tx, now, actor } = scope;

  if (previous) {
    await tx
      .update(coordinatorAssignments)
      .set({ toAt: now })
      .where(and(eq(coordinatorAssignments.householdId, householdId), isNull(coordinatorAssignments.toAt)));
    await tx
      .update(involvements)
      .set({ endedAt: now })
      .where(
        and(
          eq(involvements.householdId, householdId),
          eq(involvements.userId, previous),
          isNull(involvements.endedAt),
        ),
      );
    await tx
      .delete(householdAccess)
      .where(and(eq(householdAccess.householdId, householdId), eq(householdAccess.userId, previous)));
    // Open plan actions of the old coordinator pass to the new one (done and cancelled ones stay as they were).
    const moved = await tx
      .update(planActions)
      .set({
        assigneeId: coordinator.id,
        assigneeUserId: coordinator.id,
        version: sql`${planActions.version} + 1`,
        updatedAt: now,
      })
      .where(
        and(
          eq(planActions.householdId, householdId),
          eq(planActions.assigneeKind, 'professional'),
          eq(planActions.assigneeUserId, previous),
          inArray(planActions.status, ['open', 'in_progress', 'blocked']),
        ),
      )
      .returning({ id: planActions.id });
    for (const a of moved) {
      scope.audit({
        objectType: 'plan_action',
        objectId: a.id,
        householdId,
        action: 'update',
        basis: TRIAGE_BASIS,
        role: 'process_manager',
      });
    }
  }
  // The new coordinator may have been a partner here: that involvement ends, the coordinator one starts.
  await tx
    .update(involvements)
    .set({ endedAt: now })
    .where(
      and(
        eq(involvements.householdId, householdId),
        eq(involvements.userId, coordinator.id),
        isNull(involvements.endedAt),
      ),
    );
  const [existing] = await tx
    .select({ userId: householdAccess.userId })
    .from(householdAccess)
    .where(and(eq(householdAccess.householdId, householdId), eq(householdAccess.userId, coordinator.id)));
  if (existing) {
    await tx
      .update(householdAccess)
      .set({ relation: 'coordinator' })
      .where(and(eq(householdAccess.householdId, householdId), eq(householdAccess.userId, coordinator.id)));
  } else {
    await tx.insert(householdAccess).values({
      householdId,
      userId: coordinator.id,
      relation: 'coordinator',
      coordinatorId: coordinator.id,
      createdAt: now,
    });
  }
  await tx
    .update(householdAccess)
    .set({ coordinatorId: coordinator.id })
    .where(
      and(eq(householdAccess.householdId, householdId), ne(householdAccess.coordinatorId, coordinator.id)),
    );
  await tx.insert(involvements).values({
    householdId,
    userId: coordinator.id,
    organisationId: coordinator.organisation.id,
    relation: 'coordinator',
    description: 'Regisseur',
    startedAt: now,
    createdBy: actor.userId,
  });
  const [row] = await tx
    .update(households)
    .set({ coordinatorId: coordinator.id, version: h.version + 1, updatedAt: now })
    .where(and(eq(households.id, householdId), eq(households.version, h.version)))
    .returning();
  if (!row) throw new DomainError('STALE_VERSION', 'Someone else changed this in the meantime.');
  await keepHistory(scope, {
    householdId,
    recordType: 'household',
    recordId: householdId,
    version: row.version,
    change: 'updated',
    data: { coordinatorId: coordinator.id },
  });
  await tx.insert(coordinatorAssignments).values({
    householdId,
    regionId: actor.regionId,
    coordinatorId: coordinator.id,
    fromAt: now,
    reason: input.reason,
    overNormReason: overNorm ? input.overNormReason : '',
    assignedBy: actor.userId,
  });
  await notify(scope, {
    recipients: [coordinator.id],
    kind: 'household.assigned',
    link: `/households/${householdId}`,
    householdId,
  });
  if (previous)
    await notify(scope, {
      recipients: [previous],
      kind: 'household.unassigned',
      link: '/',
      householdId: null,
    });
  // An open meldcode path moves along with the household: the new coordinator is told it needs attention.
  const [openMeldcode] = await tx
    .select({ id: meldcodeCases.id })
    .from(meldcodeCases)
    .where(and(eq(meldcodeCases.householdId, householdId), eq(meldcodeCases.status, 'open')))
    .limit(1);
  if (openMeldcode)
    await notify(scope, {
      recipients: [coordinator.id],
      kind: 'meldcode.opened',
      link: `/households/${householdId}/meldcode`,
      householdId,
    });
  scope.audit({
    objectType: 'household',
    objectId: householdId,
    householdId,
    action: 'update',
    basis: TRIAGE_BASIS,
    role: 'process_manager',
  });
  return assignmentView(scope, householdId);
}

export type { AssignInput };
