import { and, eq } from 'drizzle-orm';
import type { Agreement, MemberAgreementInput } from '../../../contracts/plan.js';
import { amsterdamDate } from '../../../domain/households/rules.js';
import { DomainError, invalid, notFound, ruleViolation } from '../../../domain/shared/errors.js';
import { type HouseholdGrant, requireAccess } from '../../access/require-access.js';
import type { Scope } from '../../db/scope.js';
import { planAgreements, planVersions, plans } from '../../db/schema/plan.js';
import { planRow } from './content.js';
import { loadPeople } from './people.js';
import { agreementOf } from './versions.js';
import { versionRow } from './versioning.js';

async function proposedVersion(scope: Scope, householdId: string, number: number) {
  await planRow(scope, householdId, true);
  const v = await versionRow(scope, householdId, number);
  if (!v) throw notFound('plan version');
  if (!v.proposedAt) throw ruleViolation('This version has not been proposed for agreement.');
  return v;
}

/** When everyone agreed, the version becomes the agreed plan (and stays visible as such). */
async function settle(
  scope: Scope,
  householdId: string,
  v: typeof planVersions.$inferSelect,
  grant: HouseholdGrant,
): Promise<Agreement> {
  const people = await loadPeople(scope, householdId);
  const agreement = await agreementOf(scope, v, people);
  if (agreement.complete && !v.agreedAt) {
    await scope.tx.update(planVersions).set({ agreedAt: scope.now }).where(eq(planVersions.id, v.id));
    await scope.tx
      .update(plans)
      .set({ agreedVersion: v.number, updatedAt: scope.now })
      .where(eq(plans.householdId, householdId));
    scope.audit({
      objectType: 'plan_version',
      objectId: v.id,
      householdId,
      action: 'update',
      basis: grant.basis,
      role: grant.role,
    });
  }
  return agreement;
}

const duplicate = (err: unknown) =>
  (err as { code?: string; cause?: { code?: string } })?.code === '23505' ||
  (err as { cause?: { code?: string } })?.cause?.code === '23505';

/** A household member agrees with the proposed version: in the app, or signed on paper (with the date). */
export async function recordMemberAgreement(
  scope: Scope,
  householdId: string,
  number: number,
  input: MemberAgreementInput,
): Promise<Agreement> {
  const grant = await requireAccess(scope, 'plan.write', { householdId, objectType: 'plan_agreement' });
  const v = await proposedVersion(scope, householdId, number);
  const people = await loadPeople(scope, householdId);
  const m = people.members.get(input.memberId);
  const issues = [];
  if (!m || m.removed) issues.push({ path: 'memberId', message: 'Not a member of this household.' });
  if (input.signedOn > amsterdamDate(scope.now))
    issues.push({ path: 'signedOn', message: 'An agreement cannot be dated in the future.' });
  if (input.signedOn < v.proposedAt!.toISOString().slice(0, 10))
    issues.push({ path: 'signedOn', message: 'This date lies before the version was proposed.' });
  if (issues.length > 0) throw invalid(issues);
  const [already] = await scope.tx
    .select({ id: planAgreements.id })
    .from(planAgreements)
    .where(and(eq(planAgreements.planVersionId, v.id), eq(planAgreements.memberId, input.memberId)));
  if (already) throw new DomainError('CONFLICT', 'This member has already agreed with this version.');
  const [row] = await scope.tx
    .insert(planAgreements)
    .values({
      householdId,
      planVersionId: v.id,
      memberId: input.memberId,
      method: input.method,
      signedOn: input.signedOn,
      recordedBy: scope.actor.userId,
      recordedAt: scope.now,
    })
    .returning({ id: planAgreements.id })
    .catch((err: unknown) => {
      if (duplicate(err))
        throw new DomainError('CONFLICT', 'This member has already agreed with this version.');
      throw err;
    });
  scope.audit({
    objectType: 'plan_agreement',
    objectId: row!.id,
    householdId,
    memberId: input.memberId,
    action: 'create',
    basis: grant.basis,
    role: grant.role,
  });
  return settle(scope, householdId, v, grant);
}

/** An involved organisation acknowledges the proposed version (any of its professionals involved here). */
export async function acknowledgeVersion(
  scope: Scope,
  householdId: string,
  number: number,
): Promise<Agreement> {
  const grant = await requireAccess(scope, 'plan.acknowledge', { householdId, objectType: 'plan_agreement' });
  const v = await proposedVersion(scope, householdId, number);
  const people = await loadPeople(scope, householdId);
  const organisationId = scope.actor.organisationId;
  if (
    ![...people.professionals.values()].some(
      (p) => p.organisationId === organisationId && p.relation !== 'former',
    )
  ) {
    throw ruleViolation('Your organisation is not involved in this household.');
  }
  const [already] = await scope.tx
    .select({ id: planAgreements.id })
    .from(planAgreements)
    .where(and(eq(planAgreements.planVersionId, v.id), eq(planAgreements.organisationId, organisationId)));
  if (already) throw new DomainError('CONFLICT', 'Your organisation has already acknowledged this version.');
  const [row] = await scope.tx
    .insert(planAgreements)
    .values({
      householdId,
      planVersionId: v.id,
      organisationId,
      method: 'app',
      signedOn: amsterdamDate(scope.now),
      recordedBy: scope.actor.userId,
      recordedAt: scope.now,
    })
    .returning({ id: planAgreements.id });
  scope.audit({
    objectType: 'plan_agreement',
    objectId: row!.id,
    householdId,
    action: 'create',
    basis: grant.basis,
    role: grant.role,
  });
  return settle(scope, householdId, v, grant);
}
