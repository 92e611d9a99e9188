import { and, eq } from 'drizzle-orm';
import type { LegalBasis } from '../../../contracts/consent.js';
import { DomainError, forbidden, notFound } from '../../../domain/shared/errors.js';
import { requireAccess } from '../../access/require-access.js';
import type { Scope } from '../../db/scope.js';
import { legalBases } from '../../db/schema/index.js';
import { assertVersion } from '../../http/etag.js';
import { basisRows, basisVisibility, toLegalBasis } from './queries.js';

/**
 * Ends a legal basis now: the coordinator any; a partner only a sharing they recorded themselves. The record stays
 * (with who ended it and when) so the audit trail keeps what was relied on.
 */
export async function endLegalBasis(
  scope: Scope,
  householdId: string,
  basisId: string,
  expectedVersion: number,
): Promise<LegalBasis> {
  const grant = await requireAccess(scope, 'basis.share', { householdId, objectType: 'legal_basis' });
  const [current] = await basisRows(
    scope,
    householdId,
    and(eq(legalBases.id, basisId), basisVisibility(scope, grant)),
  );
  if (!current) throw notFound('legal basis');
  if (grant.relation !== 'coordinator' && current.b.recordedBy !== scope.actor.userId) {
    scope.deny({
      objectType: 'legal_basis',
      objectId: basisId,
      householdId,
      action: 'update',
      basis: grant.basis,
      role: grant.role,
    });
    throw forbidden();
  }
  assertVersion(expectedVersion, current.b.version, toLegalBasis(current, scope.now));
  if (current.b.endedAt) throw new DomainError('CONFLICT', 'This basis has already been ended.');
  const [row] = await scope.tx
    .update(legalBases)
    .set({
      endedAt: scope.now,
      endedBy: scope.actor.userId,
      version: current.b.version + 1,
      updatedAt: scope.now,
    })
    .where(and(eq(legalBases.id, basisId), eq(legalBases.version, expectedVersion)))
    .returning({ id: legalBases.id });
  if (!row) throw new DomainError('STALE_VERSION', 'Someone else changed this in the meantime.');
  scope.audit({
    objectType: 'legal_basis',
    objectId: basisId,
    memberId: current.b.memberId,
    householdId,
    action: 'update',
    basis: grant.basis,
    role: grant.role,
  });
  const [updated] = await basisRows(scope, householdId, eq(legalBases.id, basisId));
  return toLegalBasis(updated!, scope.now);
}
