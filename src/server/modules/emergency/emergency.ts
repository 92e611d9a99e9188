import { and, desc, eq, sql } from 'drizzle-orm';
import type { EmergencyAccess, EmergencyRequest, EmergencyStarted } from '../../../contracts/emergency.js';
import type { Role } from '../../../contracts/roles.js';
import { hasGlobalPermission } from '../../../domain/access/catalogue.js';
import {
  emergencyExpiry,
  emergencyState,
  normaliseHouseNumber,
  normalisePostcode,
  type ReviewStatus,
} from '../../../domain/privacy/emergency.js';
import { DomainError, notFound } from '../../../domain/shared/errors.js';
import { activeEmergency } from '../../access/categories.js';
import { requireAccess } from '../../access/require-access.js';
import type { Scope } from '../../db/scope.js';
import { emergencyAccesses, householdAccess, households, users } from '../../db/schema/index.js';
import { notify } from '../notifications/notify.js';

type Row = typeof emergencyAccesses.$inferSelect;

/** The role an emergency access is used in (the audit trail's role). */
export function emergencyRole(roles: readonly Role[]): Role {
  return (
    roles.find((r) => r === 'coordinator' || r === 'partner_professional' || r === 'partner_manager') ??
    roles[0]!
  );
}

export function toAccess(r: Row, householdName: string | null, now: Date): EmergencyAccess {
  const state = emergencyState(r, now);
  return {
    id: r.id,
    household: { id: r.householdId, name: householdName },
    reason: r.reason,
    startedAt: r.startedAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    endedAt: r.endedAt ? r.endedAt.toISOString() : null,
    state,
    reviewStatus: r.reviewStatus as ReviewStatus,
    reviewNote: r.reviewNote,
    version: r.version,
  };
}

/**
 * The noodknop: finds the household at an address in the actor's region (only under the purpose 'emergency', which
 * row-level security requires to see household headers outside one's own caseload) and opens a read-only,
 * time-limited access to it. Unknown address: 404, audited as a denied lookup. Already involved: 409. An access
 * that is still active is returned as it is (`created: false`) instead of starting a second one.
 */
export async function startEmergency(
  scope: Scope,
  input: EmergencyRequest,
): Promise<{ started: EmergencyStarted; created: boolean }> {
  requireAccess(scope, 'emergency.request');
  const { actor } = scope;
  const role = emergencyRole(actor.roles);
  await scope.setPurpose('emergency');
  const postcode = normalisePostcode(input.postcode);
  const houseNumber = normaliseHouseNumber(input.houseNumber);
  const matches = await scope.tx
    .select({ id: households.id })
    .from(households)
    .where(
      and(
        eq(households.regionId, actor.regionId),
        sql`upper(replace(${households.postcode}, ' ', '')) = ${postcode}`,
        sql`lower(regexp_replace(${households.houseNumber}, '[[:space:]-]+', '', 'g')) = ${houseNumber}`,
      ),
    )
    .limit(2);
  if (matches.length === 0) {
    scope.deny({
      objectType: 'emergency_access',
      action: 'read',
      basis: 'emergency_lookup',
      role,
    });
    throw notFound('household at this address in your region');
  }
  if (matches.length > 1)
    throw new DomainError(
      'CONFLICT',
      'More than one household lives at this address. Ask the privacy officer or the coordinator for help.',
    );
  const householdId = matches[0]!.id;
  const involved = await scope.tx
    .select({ relation: householdAccess.relation })
    .from(householdAccess)
    .where(and(eq(householdAccess.householdId, householdId), eq(householdAccess.userId, actor.userId)))
    .limit(1);
  if (involved.length > 0)
    throw new DomainError(
      'CONFLICT',
      'You already work with this household; you do not need emergency access.',
    );

  const current = await activeEmergency(scope, householdId);
  if (current) {
    const [row] = await scope.tx.select().from(emergencyAccesses).where(eq(emergencyAccesses.id, current.id));
    await scope.setPurpose('care');
    return {
      started: { id: row!.id, householdId, expiresAt: row!.expiresAt.toISOString(), version: row!.version },
      created: false,
    };
  }

  const [row] = await scope.tx
    .insert(emergencyAccesses)
    .values({
      regionId: actor.regionId,
      householdId,
      userId: actor.userId,
      organisationId: actor.organisationId,
      reason: input.reason,
      startedAt: scope.now,
      expiresAt: emergencyExpiry(scope.now),
    })
    .returning();
  await scope.setPurpose('care');
  scope.audit({
    objectType: 'emergency_access',
    objectId: row!.id,
    householdId,
    action: 'create',
    basis: `emergency_access:${row!.id}`,
    role,
    emergency: true,
  });
  const officers = await scope.tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.regionId, actor.regionId),
        eq(users.active, true),
        sql`'privacy_officer' = ANY(${users.roles})`,
      ),
    );
  await notify(scope, {
    recipients: officers.map((o) => o.id),
    kind: 'emergency.started',
    link: '/privacy/emergency',
  });
  return {
    started: { id: row!.id, householdId, expiresAt: row!.expiresAt.toISOString(), version: row!.version },
    created: true,
  };
}

/** The actor's own emergency accesses, newest first (the household's name only while the access is active). */
export async function myEmergencies(scope: Scope): Promise<EmergencyAccess[]> {
  requireAccess(scope, 'emergency.request');
  const rows = await scope.tx
    .select({ e: emergencyAccesses, name: households.name })
    .from(emergencyAccesses)
    .leftJoin(households, eq(households.id, emergencyAccesses.householdId))
    .where(eq(emergencyAccesses.userId, scope.actor.userId))
    .orderBy(desc(emergencyAccesses.startedAt))
    .limit(100);
  return rows.map((r) =>
    toAccess(r.e, emergencyState(r.e, scope.now) === 'active' ? r.name : null, scope.now),
  );
}

/**
 * Ends an active emergency access early: by its user, or by the region's privacy officer. Audited; from the next
 * request on the household is out of reach again.
 */
export async function endEmergency(scope: Scope, id: string): Promise<EmergencyAccess> {
  const officer = hasGlobalPermission(scope.actor.roles, 'emergency.review');
  if (officer) await scope.setPurpose('audit');
  const [row] = await scope.tx.select().from(emergencyAccesses).where(eq(emergencyAccesses.id, id));
  const own = row?.userId === scope.actor.userId;
  if (!row || (!own && !(officer && row.regionId === scope.actor.regionId)))
    throw notFound('emergency access');
  if (emergencyState(row, scope.now) !== 'active')
    throw new DomainError('CONFLICT', 'This emergency access has already ended.');
  const [updated] = await scope.tx
    .update(emergencyAccesses)
    .set({ endedAt: scope.now, version: row.version + 1 })
    .where(and(eq(emergencyAccesses.id, id), eq(emergencyAccesses.version, row.version)))
    .returning();
  if (!updated) throw new DomainError('STALE_VERSION', 'Someone else changed this in the meantime.');
  scope.audit({
    objectType: 'emergency_access',
    objectId: id,
    householdId: row.householdId,
    action: 'update',
    basis: own ? `emergency_access:${id}` : 'privacy_audit',
    role: own ? emergencyRole(scope.actor.roles) : 'privacy_officer',
    emergency: own,
  });
  return toAccess(updated, null, scope.now);
}
