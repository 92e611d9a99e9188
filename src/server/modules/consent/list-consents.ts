import type { Consent } from '../../../contracts/consent.js';
import { requireAccess } from '../../access/require-access.js';
import type { Scope } from '../../db/scope.js';
import { consentRows, consentVisibility, toConsent } from './queries.js';

/** The household's consents: all of them for the coordinator, a partner only those given to their organisation. */
export async function listConsents(scope: Scope, householdId: string): Promise<Consent[]> {
  const grant = await requireAccess(scope, 'read', { householdId, objectType: 'consent' });
  const rows = await consentRows(scope, householdId, consentVisibility(scope, grant));
  scope.audit({
    objectType: 'consent_list',
    householdId,
    action: 'read',
    basis: grant.basis,
    role: grant.role,
  });
  return rows.map((r) => toConsent(r, scope.now));
}
