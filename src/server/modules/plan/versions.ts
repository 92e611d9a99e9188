import { and, asc, eq } from 'drizzle-orm';
import type {
  Agreement,
  PlanComparison,
  PlanVersionDetail,
  PlanVersionSummary,
} from '../../../contracts/plan.js';
import { agreementState, needsAgreement } from '../../../domain/plan/agreement.js';
import { type PlanSnapshot, comparePlans } from '../../../domain/plan/versions.js';
import { notFound, ruleViolation } from '../../../domain/shared/errors.js';
import { viewerOf } from '../../access/categories.js';
import { requireAccess } from '../../access/require-access.js';
import type { Scope } from '../../db/scope.js';
import { organisations, users } from '../../db/schema/index.js';
import { planAgreements, planVersions, plans } from '../../db/schema/plan.js';
import { planRow, shapeSnapshot } from './content.js';
import { type People, loadPeople } from './people.js';
import { versionRow } from './versioning.js';

type VersionRow = typeof planVersions.$inferSelect;

function statusOf(v: VersionRow, plan: { agreedVersion: number | null }): PlanVersionSummary['status'] {
  if (v.agreedAt) return plan.agreedVersion === v.number ? 'agreed' : 'superseded';
  if (v.proposedAt) return 'proposed';
  return 'draft';
}

export async function listVersions(scope: Scope, householdId: string): Promise<PlanVersionSummary[]> {
  const grant = await requireAccess(scope, 'read', { householdId, objectType: 'plan_version' });
  const plan = await planRow(scope, householdId);
  const rows = await scope.tx
    .select({ v: planVersions, byName: users.name })
    .from(planVersions)
    .innerJoin(users, eq(users.id, planVersions.createdBy))
    .where(eq(planVersions.householdId, householdId))
    .orderBy(asc(planVersions.number));
  scope.audit({
    objectType: 'plan_version_list',
    householdId,
    action: 'read',
    basis: grant.basis,
    role: grant.role,
  });
  return rows
    .map(({ v, byName }) => ({
      number: v.number,
      createdAt: v.createdAt.toISOString(),
      createdBy: { id: v.createdBy, name: byName },
      status: statusOf(v, plan),
      proposedAt: v.proposedAt?.toISOString() ?? null,
      agreedAt: v.agreedAt?.toISOString() ?? null,
    }))
    .reverse();
}

/** Who must agree now: the adult members, and every organisation involved. */
export function requiredParties(people: People) {
  const orgs = new Map<string, string>();
  for (const p of people.professionals.values())
    if (p.relation !== 'former') orgs.set(p.organisationId, p.organisation);
  return {
    members: [...people.members.values()]
      .filter((m) => !m.removed && needsAgreement(m.role))
      .map((m) => ({ id: m.id, name: m.name })),
    organisations: [...orgs].map(([id, name]) => ({ id, name })),
  };
}

export async function agreementOf(scope: Scope, version: VersionRow, people: People): Promise<Agreement> {
  const rows = await scope.tx
    .select({ a: planAgreements, byName: users.name, orgName: organisations.name })
    .from(planAgreements)
    .innerJoin(users, eq(users.id, planAgreements.recordedBy))
    .leftJoin(organisations, eq(organisations.id, planAgreements.organisationId))
    .where(eq(planAgreements.planVersionId, version.id))
    .orderBy(asc(planAgreements.recordedAt));
  const required = requiredParties(people);
  const memberRows = rows.filter((r) => r.a.memberId);
  const orgRows = rows.filter((r) => r.a.organisationId);
  const state = agreementState({
    requiredMemberIds: required.members.map((m) => m.id),
    requiredOrganisationIds: required.organisations.map((o) => o.id),
    memberAgreements: memberRows.map((r) => ({ memberId: r.a.memberId! })),
    organisationAcknowledgements: orgRows.map((r) => ({ organisationId: r.a.organisationId! })),
  });
  return {
    required,
    members: memberRows.map((r) => ({
      memberId: r.a.memberId!,
      name: people.members.get(r.a.memberId!)?.name ?? '?',
      method: r.a.method as 'app' | 'paper',
      signedOn: r.a.signedOn,
      recordedBy: r.byName,
    })),
    organisations: orgRows.map((r) => ({
      organisationId: r.a.organisationId!,
      name: r.orgName ?? '?',
      acknowledgedOn: r.a.signedOn,
      by: r.byName,
    })),
    complete: version.agreedAt !== null || state.complete,
  };
}

export async function getVersion(
  scope: Scope,
  householdId: string,
  number: number,
): Promise<PlanVersionDetail> {
  const grant = await requireAccess(scope, 'read', { householdId, objectType: 'plan_version' });
  const plan = await planRow(scope, householdId);
  const v = await versionRow(scope, householdId, number);
  if (!v) throw notFound('plan version');
  const [by] = await scope.tx.select({ name: users.name }).from(users).where(eq(users.id, v.createdBy));
  const agreement = await agreementOf(scope, v, await loadPeople(scope, householdId));
  scope.audit({
    objectType: 'plan_version',
    objectId: v.id,
    householdId,
    action: 'read',
    basis: grant.basis,
    role: grant.role,
  });
  const snapshot = v.snapshot as PlanSnapshot;
  return {
    number: v.number,
    createdAt: v.createdAt.toISOString(),
    createdBy: { id: v.createdBy, name: by?.name ?? '?' },
    status: statusOf(v, plan),
    proposedAt: v.proposedAt?.toISOString() ?? null,
    agreedAt: v.agreedAt?.toISOString() ?? null,
    snapshot: { ...shapeSnapshot(viewerOf(scope, grant), snapshot) },
    agreement,
  };
}

/** What changed between two versions (in either order: `from` is the older view). */
export async function compareVersions(
  scope: Scope,
  householdId: string,
  from: number,
  to: number,
): Promise<PlanComparison> {
  const grant = await requireAccess(scope, 'read', { householdId, objectType: 'plan_version' });
  const [a, b] = await Promise.all([
    versionRow(scope, householdId, from),
    versionRow(scope, householdId, to),
  ]);
  if (!a || !b) throw notFound('plan version');
  scope.audit({
    objectType: 'plan_version_comparison',
    objectId: b.id,
    householdId,
    action: 'read',
    basis: grant.basis,
    role: grant.role,
  });
  const viewer = viewerOf(scope, grant);
  const changes = comparePlans(
    shapeSnapshot(viewer, a.snapshot as PlanSnapshot),
    shapeSnapshot(viewer, b.snapshot as PlanSnapshot),
  );
  return { from, to, changes };
}

/** The coordinator proposes the newest version for agreement. */
export async function proposeVersion(
  scope: Scope,
  householdId: string,
  number: number,
): Promise<PlanVersionSummary> {
  const grant = await requireAccess(scope, 'plan.write', { householdId, objectType: 'plan_version' });
  const plan = await planRow(scope, householdId, true);
  if (plan.closedAt) throw ruleViolation('The plan is closed.');
  const v = await versionRow(scope, householdId, number);
  if (!v) throw notFound('plan version');
  if (number !== plan.currentVersion)
    throw ruleViolation('Only the newest version can be proposed: the plan changed since this version.');
  if (v.proposedAt) throw ruleViolation('This version has already been proposed.');
  const [goalCount] = [(v.snapshot as PlanSnapshot).goals.length];
  if (goalCount === 0) throw ruleViolation('A plan without goals cannot be proposed.');
  await scope.tx
    .update(planVersions)
    .set({ proposedAt: scope.now })
    .where(and(eq(planVersions.id, v.id)));
  await scope.tx
    .update(plans)
    .set({ proposedVersion: number, updatedAt: scope.now })
    .where(eq(plans.householdId, householdId));
  scope.audit({
    objectType: 'plan_version',
    objectId: v.id,
    householdId,
    action: 'update',
    basis: grant.basis,
    role: grant.role,
  });
  const [by] = await scope.tx.select({ name: users.name }).from(users).where(eq(users.id, v.createdBy));
  return {
    number,
    createdAt: v.createdAt.toISOString(),
    createdBy: { id: v.createdBy, name: by?.name ?? '?' },
    status: 'proposed',
    proposedAt: scope.now.toISOString(),
    agreedAt: null,
  };
}
