import { and, eq } from 'drizzle-orm';
import type { GlobalPermission } from '../../contracts/auth.js';
import type { HouseholdAction, HouseholdRelation } from '../../contracts/households.js';
import type { Role } from '../../contracts/roles.js';
import {
  type HouseholdPermission,
  basisFor,
  hasGlobalPermission,
  hasHouseholdPermission,
  householdPermissions,
  roleRelationFor,
} from '../../domain/access/catalogue.js';
import { DomainError, forbidden, notFound } from '../../domain/shared/errors.js';
import type { CategoryAccess } from '../../domain/privacy/access.js';
import type { Scope } from '../db/scope.js';
import { householdAccess, households } from '../db/schema/index.js';
import { activeEmergency, loadCategoryAccess } from './categories.js';

export interface HouseholdGrant {
  householdId: string;
  regionId: string;
  relation: HouseholdRelation;
  /** The role the actor acts in, recorded in the audit trail. */
  role: Role;
  /** The relation's basis plus the case's legal grounds, e.g. `care_relation:partner;jeugdwet`. */
  basis: string;
  can: HouseholdAction[];
  /** What the actor may see per data category (issue 5); fields outside it are left out of responses. */
  categories: CategoryAccess;
  /** The consents and sharing bases in force for the actor (`consent:<id>`, `basis:<id>`), for the audit trail. */
  consent: string | null;
  /** Set while the actor reads through emergency access (noodknop). */
  emergency: { id: string; expiresAt: Date } | null;
}

function actingRole(relation: HouseholdRelation, roles: readonly Role[]): Role {
  if (relation === 'coordinator') return 'coordinator';
  if (relation === 'emergency')
    return (
      roles.find((r) => r === 'coordinator' || r === 'partner_professional' || r === 'partner_manager') ??
      roles[0]!
    );
  if (relation === 'auditor') return 'privacy_officer';
  if (relation === 'administrator') return 'administrator';
  return (
    roles.find((r) => r === 'partner_professional' || r === 'partner_manager' || r === 'coordinator') ??
    roles[0]!
  );
}

/** Global permission check: 403 when the actor's roles do not allow it. */
export function requireAccess(scope: Scope, permission: GlobalPermission): void;
/** Household permission check: 404 when the actor has no relation to the household, 403 when the relation does not allow it. */
export function requireAccess(
  scope: Scope,
  permission: HouseholdPermission | 'restore',
  resource: { householdId: string; objectType?: string },
): Promise<HouseholdGrant>;
export function requireAccess(
  scope: Scope,
  permission: GlobalPermission | HouseholdPermission | 'restore',
  resource?: { householdId: string; objectType?: string },
): void | Promise<HouseholdGrant> {
  if (!resource) {
    if (!hasGlobalPermission(scope.actor.roles, permission as GlobalPermission)) throw forbidden();
    // The audit trail only after a second factor (issue 5); system actors (no session) carry no state.
    if (
      permission === 'audit.read' &&
      scope.actor.secondFactor !== undefined &&
      scope.actor.secondFactor !== 'verified'
    )
      throw new DomainError('SECOND_FACTOR_REQUIRED', 'Log in with a second factor to see the audit trail.');
    return;
  }
  return requireHousehold(scope, permission as HouseholdPermission | 'restore', resource);
}

async function requireHousehold(
  scope: Scope,
  permission: HouseholdPermission | 'restore',
  resource: { householdId: string; objectType?: string },
): Promise<HouseholdGrant> {
  const { actor, tx } = scope;
  const denied = (basis: string) =>
    scope.deny({
      objectType: resource.objectType ?? 'household',
      objectId: resource.householdId,
      householdId: resource.householdId,
      action: permission === 'read' || permission === 'view' ? 'read' : 'update',
      basis,
    });
  const own = await tx
    .select({ relation: householdAccess.relation })
    .from(householdAccess)
    .where(
      and(eq(householdAccess.householdId, resource.householdId), eq(householdAccess.userId, actor.userId)),
    )
    .limit(1);
  let relation = own[0]?.relation as HouseholdRelation | undefined;
  const emergency = relation ? null : await activeEmergency(scope, resource.householdId);
  if (emergency) relation = 'emergency';
  if (!relation) {
    const byRole = roleRelationFor(actor.roles, permission);
    if (byRole) {
      await scope.setPurpose(byRole === 'auditor' ? 'audit' : 'restore');
      relation = byRole;
    }
  }
  const found = relation
    ? await tx
        .select({ regionId: households.regionId })
        .from(households)
        .where(eq(households.id, resource.householdId))
        .limit(1)
    : [];
  if (!relation || !found[0]) {
    denied('none');
    throw notFound('household');
  }
  const checked = permission === 'restore' ? 'read' : permission;
  if (permission !== 'restore' && !hasHouseholdPermission(relation, checked)) {
    denied(basisFor(relation));
    throw forbidden();
  }
  const { categories, reliedOn, caseGrounds } = await loadCategoryAccess(
    scope,
    resource.householdId,
    relation,
  );
  const relationBasis = emergency ? `emergency_access:${emergency.id}` : basisFor(relation);
  const grant: HouseholdGrant = {
    householdId: resource.householdId,
    regionId: found[0].regionId,
    relation,
    role: actingRole(relation, actor.roles),
    basis: [relationBasis, ...caseGrounds].join(';'),
    can: householdPermissions(relation),
    categories,
    consent: reliedOn.length > 0 ? reliedOn.join(',') : null,
    emergency,
  };
  scope.useGrant(grant);
  return grant;
}
