import type { Role } from '../../contracts/roles.js';
import type { GlobalPermission } from '../../contracts/auth.js';
import type { HouseholdAction, HouseholdRelation } from '../../contracts/households.js';

/**
 * The permission catalogue: every rule of who may do what, in one place.
 *
 * Global permissions depend on the actor's roles. Household permissions depend on the actor's relation to the
 * household (coordinator, partner, or a role-based relation: auditor for privacy officers, administrator for
 * restoring removed records). A caller without any relation never learns the household exists (404).
 */
const GLOBAL: Record<GlobalPermission, readonly Role[]> = {
  'household.register': ['coordinator'],
  'organisation.manage': ['administrator'],
  'user.manage': ['administrator'],
  'audit.read': ['privacy_officer'],
  'record.restore': ['administrator'],
  /** The directory of services: an organisation's managers keep their own; administrators any. */
  'service.manage': ['partner_manager', 'administrator'],
  /** Signals, triage and assignment (issue 7): every professional may pass a signal on; process managers and intake coordinators triage; process managers assign. */
  'signal.submit': ['coordinator', 'partner_professional', 'partner_manager', 'process_manager'],
  'signal.triage': ['process_manager', 'intake_coordinator'],
  /** A signal passed on to an organisation on the regular route: read and acknowledged by its professionals. */
  'signal.passed_on': ['partner_manager', 'partner_professional'],
  'coordinator.assign': ['process_manager'],
  /** Stagnation (issue 6): coordinators work their worklist; process managers see the regional board; settings. */
  'stagnation.worklist': ['coordinator'],
  'stagnation.board': ['process_manager'],
  'stagnation.settings': ['process_manager', 'administrator'],
  /** Emergency access (noodknop): professionals open a household they are not involved with, for a stated reason. */
  'emergency.request': ['coordinator', 'partner_professional', 'partner_manager'],
  /** The privacy officer reviews emergency access and reads access per employee. */
  'emergency.review': ['privacy_officer'],
  /** Aggregated, anonymised figures of the region: the only thing a policy viewer sees (issue 5). */
  'insights.read': ['policy_viewer', 'process_manager'],
};

/** `view`: the household's header (name, address, coordinator); `read`: its members, network and involvements. */
export type HouseholdPermission = HouseholdAction | 'view' | 'read';

const HOUSEHOLD: Record<HouseholdPermission, readonly HouseholdRelation[]> = {
  /** Emergency access (noodknop) reads, never writes. */
  view: ['coordinator', 'partner', 'auditor', 'emergency'],
  read: ['coordinator', 'partner', 'emergency'],
  update: ['coordinator'],
  'member.write': ['coordinator'],
  'network.write': ['coordinator'],
  'involvement.manage': ['coordinator'],
  'audit.read': ['auditor'],
  'assessment.write': ['coordinator'],
  'safety.manage': ['coordinator'],
  'plan.write': ['coordinator'],
  'action.report': ['coordinator', 'partner'],
  'plan.acknowledge': ['coordinator', 'partner'],
  'meldcode.manage': ['coordinator'],
  /** The chain: everyone who works with the household refers, logs contacts and hands over. */
  'referral.write': ['coordinator', 'partner'],
  'contact.write': ['coordinator', 'partner'],
  'handover.write': ['coordinator', 'partner'],
  /** Stagnation: everyone who works with the household may report it; the coordinator works it. */
  'stagnation.report': ['coordinator', 'partner'],
  'stagnation.manage': ['coordinator'],
  /** Privacy (issue 5): the coordinator records consent and the case's basis; anyone involved may record a sharing without consent (meldrecht). */
  'consent.manage': ['coordinator'],
  'basis.share': ['coordinator', 'partner'],
  /** Who looked at the household's data (NEN 7513 client view): shown to the household through its coordinator; the privacy officer audits. */
  'access_log.read': ['coordinator', 'auditor'],
};

/** Roles that make up the professional directory (who can be attached to a household). */
export const PROFESSIONAL_ROLES: readonly Role[] = ['coordinator', 'partner_professional', 'partner_manager'];

export function globalPermissions(roles: readonly Role[]): GlobalPermission[] {
  return (Object.keys(GLOBAL) as GlobalPermission[]).filter((p) => GLOBAL[p].some((r) => roles.includes(r)));
}

export function hasGlobalPermission(roles: readonly Role[], permission: GlobalPermission): boolean {
  return GLOBAL[permission].some((r) => roles.includes(r));
}

export function householdPermissions(relation: HouseholdRelation): HouseholdAction[] {
  return (Object.keys(HOUSEHOLD) as HouseholdPermission[]).filter(
    (p): p is HouseholdAction => p !== 'read' && p !== 'view' && HOUSEHOLD[p].includes(relation),
  );
}

export function hasHouseholdPermission(
  relation: HouseholdRelation,
  permission: HouseholdPermission,
): boolean {
  return HOUSEHOLD[permission].includes(relation);
}

/**
 * Which role-based relation a caller without a care relation may take, for a given permission.
 * Privacy officers reach a household only to audit it; administrators only to restore removed records.
 */
export function roleRelationFor(
  roles: readonly Role[],
  permission: HouseholdPermission | 'restore',
): HouseholdRelation | null {
  if (permission === 'restore') return roles.includes('administrator') ? 'administrator' : null;
  if (roles.includes('privacy_officer')) return 'auditor';
  return null;
}

/** The legal/organisational basis recorded in the audit trail for an access through a relation. */
export function basisFor(relation: HouseholdRelation): string {
  switch (relation) {
    case 'coordinator':
      return 'care_relation:coordinator';
    case 'partner':
      return 'care_relation:partner';
    case 'auditor':
      return 'privacy_audit';
    case 'administrator':
      return 'administration';
    case 'emergency':
      return 'emergency_access';
  }
}
