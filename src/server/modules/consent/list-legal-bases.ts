import type { LegalBasis } from '../../../contracts/consent.js';
import { requireAccess } from '../../access/require-access.js';
import type { Scope } from '../../db/scope.js';
import { basisRows, basisVisibility, toLegalBasis } from './queries.js';

/**
 * The case's legal basis and the sharing without consent: all of it for the coordinator; a partner sees the case's
 * basis, the sharing with their own organisation and what they recorded themselves.
 */
export async function listLegalBases(scope: Scope, householdId: string): Promise<LegalBasis[]> {
  const grant = await requireAccess(scope, 'read', { householdId, objectType: 'legal_basis' });
  const rows = await basisRows(scope, householdId, basisVisibility(scope, grant));
  scope.audit({
    objectType: 'legal_basis_list',
    householdId,
    action: 'read',
    basis: grant.basis,
    role: grant.role,
  });
  return rows.map((r) => toLegalBasis(r, scope.now));
}
