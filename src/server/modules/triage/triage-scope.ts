import { eq } from 'drizzle-orm';
import type { GlobalPermission } from '../../../contracts/auth.js';
import { notFound } from '../../../domain/shared/errors.js';
import { requireAccess } from '../../access/require-access.js';
import { households } from '../../db/schema/households.js';
import type { Scope } from '../../db/scope.js';

/**
 * Triage and assignment run with purpose 'triage': row-level security then lets a process manager see the
 * signals and households of their own region (and nothing else it would not see anyway).
 */
export async function enterTriage(
  scope: Scope,
  permission: GlobalPermission = 'signal.triage',
): Promise<void> {
  requireAccess(scope, permission);
  await scope.setPurpose('triage');
}

export const TRIAGE_BASIS = 'triage:process_manager';

/**
 * The role in which the actor triages, for the audit trail: process manager, or intake coordinator (who triages but
 * does not assign). Process manager wins when someone has both.
 */
export function triageAs(scope: Scope): { role: 'process_manager' | 'intake_coordinator'; basis: string } {
  const role =
    !scope.actor.roles.includes('process_manager') && scope.actor.roles.includes('intake_coordinator')
      ? 'intake_coordinator'
      : 'process_manager';
  return { role, basis: `triage:${role}` };
}

/** A household of the actor's region (row-level security filters by region under purpose 'triage'), or 404. */
export async function triageHousehold(scope: Scope, id: string) {
  const [h] = await scope.tx.select().from(households).where(eq(households.id, id));
  if (!h) {
    scope.deny({
      objectType: 'household',
      objectId: id,
      householdId: null,
      action: 'read',
      basis: triageAs(scope).basis,
    });
    throw notFound('household');
  }
  return h;
}
