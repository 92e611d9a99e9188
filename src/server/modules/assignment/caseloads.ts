import { and, eq, isNull, ne } from 'drizzle-orm';
import type { CaseloadBoard } from '../../../contracts/assignment.js';
import { hasGlobalPermission } from '../../../domain/access/catalogue.js';
import { capacityOf } from '../../../domain/assignment/ranking.js';
import { forbidden } from '../../../domain/shared/errors.js';
import { households } from '../../db/schema/households.js';
import { coordinatorAssignments } from '../../db/schema/signals.js';
import type { Scope } from '../../db/scope.js';
import { byName } from '../../db/order.js';
import { signalSettings } from '../signals/settings.js';
import { TRIAGE_BASIS, enterTriage } from '../triage/triage-scope.js';
import { coordinatorsOfRegion } from './load.js';

/**
 * Caseloads against the norm. A process manager sees every coordinator of the region, the households without a
 * coordinator and the assignments made over the norm; a coordinator sees their own row.
 */
export async function caseloadBoard(scope: Scope): Promise<CaseloadBoard> {
  const all = hasGlobalPermission(scope.actor.roles, 'coordinator.assign');
  if (all) await enterTriage(scope, 'coordinator.assign');
  else if (!scope.actor.roles.includes('coordinator')) throw forbidden();
  const norm = signalSettings().normPerFte;
  const coordinators = (await coordinatorsOfRegion(scope)).filter((c) => all || c.id === scope.actor.userId);
  const hs = await scope.tx
    .select({ id: households.id, name: households.name, coordinatorId: households.coordinatorId })
    .from(households)
    .where(all ? undefined : eq(households.coordinatorId, scope.actor.userId))
    .orderBy(byName(households.name));
  const over = await scope.tx
    .select()
    .from(coordinatorAssignments)
    .where(
      and(
        isNull(coordinatorAssignments.toAt),
        ne(coordinatorAssignments.overNormReason, ''),
        all ? undefined : eq(coordinatorAssignments.coordinatorId, scope.actor.userId),
      ),
    );
  for (const h of hs) {
    scope.audit({
      objectType: 'household_summary',
      objectId: h.id,
      householdId: h.id,
      action: 'read',
      basis: all ? TRIAGE_BASIS : 'care_relation:coordinator',
      role: all ? 'process_manager' : 'coordinator',
    });
  }
  const names = new Map(hs.map((h) => [h.id, h.name]));
  return {
    normPerFte: norm,
    rows: coordinators.map((c) => {
      const mine = hs.filter((h) => h.coordinatorId === c.id);
      const capacity = capacityOf(c.fte, norm);
      return {
        user: { id: c.id, name: c.name },
        organisation: c.organisation.name,
        fte: c.fte,
        capacity,
        caseload: mine.length,
        overNorm: mine.length > capacity,
        households: mine.map((h) => ({ id: h.id, name: h.name })),
        overNormAssignments: over
          .filter((o) => o.coordinatorId === c.id)
          .map((o) => ({
            household: { id: o.householdId, name: names.get(o.householdId) ?? '' },
            reason: o.overNormReason,
            at: o.fromAt.toISOString(),
          })),
      };
    }),
    unassigned: all
      ? hs.filter((h) => h.coordinatorId === null).map((h) => ({ id: h.id, name: h.name }))
      : [],
  };
}
