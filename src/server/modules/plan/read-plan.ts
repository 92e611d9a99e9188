import type { Plan } from '../../../contracts/plan.js';
import { viewerOf } from '../../access/categories.js';
import { requireAccess } from '../../access/require-access.js';
import type { Scope } from '../../db/scope.js';
import { loadContent, planRow, toPlanDto } from './content.js';

/** The plan: help questions, goals, actions, evaluations, and where it stands (versions, agreement). */
export async function getPlan(scope: Scope, householdId: string): Promise<Plan> {
  const grant = await requireAccess(scope, 'read', { householdId, objectType: 'plan' });
  const row = await planRow(scope, householdId);
  const content = await loadContent(scope, householdId);
  scope.audit({
    objectType: 'plan',
    objectId: householdId,
    householdId,
    action: 'read',
    basis: grant.basis,
    role: grant.role,
  });
  return toPlanDto(householdId, content, row, viewerOf(scope, grant));
}
