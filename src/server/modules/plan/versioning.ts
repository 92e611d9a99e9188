import { and, desc, eq } from 'drizzle-orm';
import { ruleViolation } from '../../../domain/shared/errors.js';
import { type PlanSnapshot, samePlan } from '../../../domain/plan/versions.js';
import type { HouseholdGrant } from '../../access/require-access.js';
import type { Scope } from '../../db/scope.js';
import { planVersions, plans } from '../../db/schema/plan.js';
import { type PlanContent, loadContent, planRow, toSnapshot } from './content.js';

/** Locks the plan for a change (serialising concurrent writers) and refuses changes to a closed plan. */
export async function openPlanForChange(scope: Scope, householdId: string) {
  const row = await planRow(scope, householdId, true);
  if (row.closedAt) throw ruleViolation('The plan is closed. It can no longer be changed.');
  return row;
}

/**
 * Every change makes a new version: after a write, the plan's content is compared with the newest version and,
 * when it differs, kept as the next version. Call after the change, inside the same transaction.
 */
export async function recordVersion(
  scope: Scope,
  householdId: string,
  grant: HouseholdGrant,
): Promise<PlanContent> {
  await planRow(scope, householdId, true);
  const content = await loadContent(scope, householdId);
  const snapshot = toSnapshot(content);
  const [latest] = await scope.tx
    .select({ number: planVersions.number, snapshot: planVersions.snapshot })
    .from(planVersions)
    .where(eq(planVersions.householdId, householdId))
    .orderBy(desc(planVersions.number))
    .limit(1);
  if (latest && samePlan(latest.snapshot as PlanSnapshot, snapshot)) return content;
  const number = (latest?.number ?? 0) + 1;
  const [created] = await scope.tx
    .insert(planVersions)
    .values({ householdId, number, snapshot, createdBy: scope.actor.userId, createdAt: scope.now })
    .returning({ id: planVersions.id });
  await scope.tx
    .update(plans)
    .set({ currentVersion: number, updatedAt: scope.now })
    .where(eq(plans.householdId, householdId));
  scope.audit({
    objectType: 'plan_version',
    objectId: created!.id,
    householdId,
    action: 'create',
    basis: grant.basis,
    role: grant.role,
  });
  return content;
}

export async function versionRow(scope: Scope, householdId: string, number: number) {
  const [row] = await scope.tx
    .select()
    .from(planVersions)
    .where(and(eq(planVersions.householdId, householdId), eq(planVersions.number, number)));
  return row;
}
