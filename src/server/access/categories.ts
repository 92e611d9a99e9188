import { and, eq, gt, isNull } from 'drizzle-orm';
import type { HouseholdRelation } from '../../contracts/households.js';
import { localDate } from '../../domain/calendar/working-days.js';
import { consentStatus } from '../../domain/privacy/consent.js';
import { basisActive } from '../../domain/privacy/legal-basis.js';
import { CategoryAccess, type CategorySource } from '../../domain/privacy/access.js';
import type { Viewer } from '../../domain/privacy/shape.js';
import type { DataCategory } from '../../domain/privacy/categories.js';
import { forbidden } from '../../domain/shared/errors.js';
import type { Scope } from '../db/scope.js';
import { consents, emergencyAccesses, legalBases } from '../db/schema/index.js';

/** The actor's active emergency access to a household, if any. */
export async function activeEmergency(
  scope: Scope,
  householdId: string,
): Promise<{ id: string; expiresAt: Date } | null> {
  const rows = await scope.tx
    .select({ id: emergencyAccesses.id, expiresAt: emergencyAccesses.expiresAt })
    .from(emergencyAccesses)
    .where(
      and(
        eq(emergencyAccesses.householdId, householdId),
        eq(emergencyAccesses.userId, scope.actor.userId),
        isNull(emergencyAccesses.endedAt),
        gt(emergencyAccesses.expiresAt, scope.now),
      ),
    )
    .limit(1);
  return rows[0] ?? null;
}

/**
 * What the actor may see of the household per data category, the consents and sharing bases that opens, and the
 * case's legal grounds. Read per request: a consent withdrawn a moment ago no longer counts.
 */
export async function loadCategoryAccess(
  scope: Scope,
  householdId: string,
  relation: HouseholdRelation,
): Promise<{ categories: CategoryAccess; reliedOn: string[]; caseGrounds: string[] }> {
  const today = localDate(scope.now);
  const bases = await scope.tx
    .select({
      id: legalBases.id,
      scope: legalBases.scope,
      ground: legalBases.ground,
      organisationId: legalBases.organisationId,
      memberId: legalBases.memberId,
      categories: legalBases.categories,
      validFrom: legalBases.validFrom,
      validUntil: legalBases.validUntil,
      endedAt: legalBases.endedAt,
    })
    .from(legalBases)
    .where(eq(legalBases.householdId, householdId));
  const activeBases = bases.filter((b) => basisActive(b, today));
  const caseGrounds = [...new Set(activeBases.filter((b) => b.scope === 'case').map((b) => b.ground))].sort();
  if (relation !== 'partner' && relation !== 'coordinator') {
    return {
      categories: relation === 'emergency' ? CategoryAccess.everything() : CategoryAccess.nothing(),
      reliedOn: [],
      caseGrounds,
    };
  }
  const own = await scope.tx
    .select({
      id: consents.id,
      memberId: consents.memberId,
      categories: consents.categories,
      givenOn: consents.givenOn,
      validUntil: consents.validUntil,
      withdrawnAt: consents.withdrawnAt,
    })
    .from(consents)
    .where(
      and(eq(consents.householdId, householdId), eq(consents.organisationId, scope.actor.organisationId)),
    );
  const sources: CategorySource[] = [
    ...own
      .filter((c) => consentStatus(c, today) === 'active')
      .map((c) => ({ ref: `consent:${c.id}`, memberId: c.memberId, categories: c.categories })),
    ...activeBases
      .filter((b) => b.scope === 'sharing' && b.organisationId === scope.actor.organisationId)
      .map((b) => ({ ref: `basis:${b.id}`, memberId: b.memberId, categories: b.categories })),
  ];
  const categories =
    relation === 'coordinator' ? CategoryAccess.everything() : CategoryAccess.partner(sources);
  return { categories, reliedOn: sources.map((s) => s.ref).sort(), caseGrounds };
}

/** The caller as the pure shaping rules need them (src/domain/privacy/shape.ts). */
export function viewerOf(scope: Scope, grant: { categories: CategoryAccess }): Viewer {
  return { userId: scope.actor.userId, organisationId: scope.actor.organisationId, access: grant.categories };
}

/**
 * For an endpoint that serves one data category only: 403 when the grant does not open it (the attempt is
 * audited as denied).
 */
export function requireCategory(
  scope: Scope,
  grant: { householdId: string; categories: CategoryAccess; basis: string },
  category: DataCategory,
  objectType: string,
): void {
  if (grant.categories.allows(category)) return;
  scope.deny({ objectType, householdId: grant.householdId, action: 'read', basis: grant.basis });
  throw forbidden();
}
