import { and, asc, desc, eq, isNotNull } from 'drizzle-orm';
import type { AssignmentView } from '../../../contracts/assignment.js';
import type { OrganisationType } from '../../../contracts/roles.js';
import { rankCandidates } from '../../../domain/assignment/ranking.js';
import { users } from '../../db/schema/core.js';
import { involvements } from '../../db/schema/households.js';
import { coordinatorAssignments, householdPreferences, signals } from '../../db/schema/signals.js';
import type { Scope } from '../../db/scope.js';
import { signalSettings } from '../signals/settings.js';
import { TRIAGE_BASIS, enterTriage, triageHousehold } from '../triage/triage-scope.js';
import { caseloadCounts, coordinatorsOfRegion } from './load.js';

export async function preferenceOf(scope: Scope, householdId: string) {
  const [p] = await scope.tx
    .select()
    .from(householdPreferences)
    .where(eq(householdPreferences.householdId, householdId));
  return {
    preferredUserId: p?.preferredUserId ?? null,
    notWantedUserIds: p?.notWantedUserIds ?? [],
    note: p?.note ?? '',
  };
}

/** Who should coordinate this household: ranked candidates, the household's preference, and the history. */
export async function assignmentView(scope: Scope, householdId: string): Promise<AssignmentView> {
  await enterTriage(scope, 'coordinator.assign');
  const h = await triageHousehold(scope, householdId);
  const preference = await preferenceOf(scope, householdId);
  const [latestSignal] = await scope.tx
    .select({ dominantProblem: signals.dominantProblem })
    .from(signals)
    .where(and(eq(signals.householdId, householdId), isNotNull(signals.dominantProblem)))
    .orderBy(desc(signals.decidedAt))
    .limit(1);
  const dominantProblem = (latestSignal?.dominantProblem as OrganisationType | undefined) ?? null;
  const earlier = new Set(
    (
      await scope.tx
        .select({ userId: involvements.userId })
        .from(involvements)
        .where(eq(involvements.householdId, householdId))
    ).map((r) => r.userId),
  );
  const history = await scope.tx
    .select({ a: coordinatorAssignments, name: users.name })
    .from(coordinatorAssignments)
    .innerJoin(users, eq(users.id, coordinatorAssignments.coordinatorId))
    .where(eq(coordinatorAssignments.householdId, householdId))
    .orderBy(asc(coordinatorAssignments.fromAt));
  for (const x of history) earlier.add(x.a.coordinatorId);
  const coordinators = (await coordinatorsOfRegion(scope)).filter((c) => c.id !== h.coordinatorId);
  const counts = await caseloadCounts(scope);
  const ranked = rankCandidates(
    coordinators.map((c) => ({
      userId: c.id,
      fte: c.fte,
      caseload: counts.get(c.id) ?? 0,
      organisationType: c.organisation.type,
      earlierRelation: earlier.has(c.id),
    })),
    {
      normPerFte: signalSettings().normPerFte,
      dominantProblem,
      preferredUserId: preference.preferredUserId,
      notWantedUserIds: preference.notWantedUserIds,
    },
  );
  const byId = new Map(coordinators.map((c) => [c.id, c]));
  const assigners = await scope.tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(eq(users.regionId, scope.actor.regionId));
  const nameOf = (id: string) => assigners.find((u) => u.id === id)?.name ?? '';
  scope.audit({
    objectType: 'household_assignment',
    objectId: householdId,
    householdId,
    action: 'read',
    basis: TRIAGE_BASIS,
    role: 'process_manager',
  });
  return {
    household: { id: h.id, name: h.name, city: h.city, version: h.version },
    current: h.coordinatorId ? { id: h.coordinatorId, name: nameOf(h.coordinatorId) } : null,
    dominantProblem,
    preference,
    candidates: ranked.map((c) => {
      const co = byId.get(c.userId)!;
      return {
        user: { id: co.id, name: co.name },
        organisation: co.organisation,
        caseload: c.caseload,
        capacity: c.capacity,
        overNorm: c.overNorm,
        earlierRelation: c.earlierRelation,
        reasons: c.reasons,
        score: c.score,
      };
    }),
    history: history.map((x) => ({
      coordinator: { id: x.a.coordinatorId, name: x.name },
      from: x.a.fromAt.toISOString(),
      to: x.a.toAt?.toISOString() ?? null,
      reason: x.a.reason,
      overNormReason: x.a.overNormReason,
      assignedBy: { id: x.a.assignedBy, name: nameOf(x.a.assignedBy) },
    })),
  };
}
