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

/** A household of the actor's region (row-level security filters by region under purpose 'triage'), or 404. */
export async function triageHousehold(scope: Scope, id: string) {
  const [h] = await scope.tx.select().from(households).where(eq(households.id, id));
  if (!h) {
    scope.deny({
      objectType: 'household',
      objectId: id,
      householdId: null,
      action: 'read',
      basis: TRIAGE_BASIS,
    });
    throw notFound('household');
  }
  return h;
}
