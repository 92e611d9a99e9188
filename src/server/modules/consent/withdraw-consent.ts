import { and, eq } from 'drizzle-orm';
import type { Consent, ConsentWithdrawal } from '../../../contracts/consent.js';
import { DomainError, notFound } from '../../../domain/shared/errors.js';
import { requireAccess } from '../../access/require-access.js';
import type { Scope } from '../../db/scope.js';
import { consents } from '../../db/schema/index.js';
import { assertVersion } from '../../http/etag.js';
import { notify } from '../notifications/notify.js';
import { consentRows, involvedProfessionals, toConsent } from './queries.js';

/**
 * The coordinator withdraws a consent. Access is computed per request, so from the very next request the
 * organisation no longer sees what this consent opened. Its professionals on the case are told (without content).
 */
export async function withdrawConsent(
  scope: Scope,
  householdId: string,
  consentId: string,
  expectedVersion: number,
  body: ConsentWithdrawal,
): Promise<Consent> {
  const grant = await requireAccess(scope, 'consent.manage', { householdId, objectType: 'consent' });
  const [current] = await consentRows(scope, householdId, eq(consents.id, consentId));
  if (!current) throw notFound('consent');
  assertVersion(expectedVersion, current.c.version, toConsent(current, scope.now));
  if (current.c.withdrawnAt) throw new DomainError('CONFLICT', 'This consent has already been withdrawn.');
  const [row] = await scope.tx
    .update(consents)
    .set({
      withdrawnAt: scope.now,
      withdrawnBy: scope.actor.userId,
      withdrawalNote: body.note,
      version: current.c.version + 1,
      updatedAt: scope.now,
    })
    .where(and(eq(consents.id, consentId), eq(consents.version, expectedVersion)))
    .returning({ id: consents.id });
  if (!row) throw new DomainError('STALE_VERSION', 'Someone else changed this in the meantime.');
  scope.audit({
    objectType: 'consent',
    objectId: consentId,
    memberId: current.c.memberId,
    householdId,
    action: 'update',
    basis: grant.basis,
    role: grant.role,
  });
  const recipients = (await involvedProfessionals(scope, householdId, current.c.organisationId)).filter(
    (id) => id !== scope.actor.userId,
  );
  await notify(scope, {
    recipients,
    kind: 'consent.withdrawn',
    link: `/households/${householdId}/consent`,
    householdId,
  });
  const [updated] = await consentRows(scope, householdId, eq(consents.id, consentId));
  return toConsent(updated!, scope.now);
}
