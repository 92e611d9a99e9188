import { and, eq } from 'drizzle-orm';
import type { ActionInput, ActionPatch, ActionReport, PlanAction } from '../../../contracts/plan.js';
import { amsterdamDate } from '../../../domain/households/rules.js';
import { type ActionStatus, checkActionStatus, partnerMayReport } from '../../../domain/plan/actions.js';
import { checkNotPast } from '../../../domain/plan/goals.js';
import { forbidden, invalid, notFound } from '../../../domain/shared/errors.js';
import { requireAccess } from '../../access/require-access.js';
import type { Scope } from '../../db/scope.js';
import { assertVersion } from '../../http/etag.js';
import { goals, planActions } from '../../db/schema/plan.js';
import { type PlanContent, loadContent } from './content.js';
import { loadPeople, resolveAssignee } from './people.js';
import { openPlanForChange, recordVersion } from './versioning.js';

const dto = (content: PlanContent, id: string): PlanAction => {
  const { assigneeUserId: _u, assigneeOrganisationId: _o, ...a } = content.actions.find((x) => x.id === id)!;
  return a;
};

/** An action under a goal: what, who (involved now), by when. */
export async function addAction(
  scope: Scope,
  householdId: string,
  input: Required<ActionInput>,
): Promise<PlanAction> {
  const grant = await requireAccess(scope, 'plan.write', { householdId, objectType: 'action' });
  await openPlanForChange(scope, householdId);
  const [goal] = await scope.tx
    .select({ id: goals.id })
    .from(goals)
    .where(and(eq(goals.id, input.goalId), eq(goals.householdId, householdId)));
  const issues = [
    ...(goal ? [] : [{ path: 'goalId', message: 'Not a goal of this plan.' }]),
    ...checkNotPast(input.dueDate, amsterdamDate(scope.now), 'dueDate'),
    ...checkActionStatus(input.status, input.blockedReason),
  ];
  if (issues.length > 0) throw invalid(issues);
  const who = resolveAssignee(await loadPeople(scope, householdId), input.assignee);
  const [row] = await scope.tx
    .insert(planActions)
    .values({
      householdId,
      goalId: input.goalId,
      what: input.what,
      assigneeKind: input.assignee.kind,
      assigneeId: input.assignee.id,
      assigneeUserId: who.userId,
      assigneeOrganisationId: who.organisationId,
      dueDate: input.dueDate,
      status: input.status,
      blockedReason: input.status === 'blocked' ? input.blockedReason : '',
      createdBy: scope.actor.userId,
      createdAt: scope.now,
      updatedAt: scope.now,
    })
    .returning({ id: planActions.id });
  scope.audit({
    objectType: 'action',
    objectId: row!.id,
    householdId,
    action: 'create',
    basis: grant.basis,
    role: grant.role,
  });
  return dto(await recordVersion(scope, householdId, grant), row!.id);
}

async function loadAction(scope: Scope, householdId: string, id: string, version: number) {
  const [row] = await scope.tx
    .select()
    .from(planActions)
    .where(and(eq(planActions.id, id), eq(planActions.householdId, householdId)));
  if (!row) throw notFound('action');
  if (row.version !== version)
    assertVersion(version, row.version, dto(await loadContent(scope, householdId), id));
  return row;
}

/** The coordinator changes an action: what, who, by when, status. */
export async function updateAction(
  scope: Scope,
  householdId: string,
  id: string,
  version: number,
  patch: ActionPatch,
): Promise<PlanAction> {
  const grant = await requireAccess(scope, 'plan.write', { householdId, objectType: 'action' });
  await openPlanForChange(scope, householdId);
  const row = await loadAction(scope, householdId, id, version);
  const status = (patch.status ?? row.status) as ActionStatus;
  const blockedReason = status === 'blocked' ? (patch.blockedReason ?? row.blockedReason) : '';
  const issues = [
    ...(patch.dueDate !== undefined && patch.dueDate !== row.dueDate
      ? checkNotPast(patch.dueDate, amsterdamDate(scope.now), 'dueDate')
      : []),
    ...checkActionStatus(status, blockedReason),
  ];
  if (issues.length > 0) throw invalid(issues);
  const who = patch.assignee ? resolveAssignee(await loadPeople(scope, householdId), patch.assignee) : null;
  await scope.tx
    .update(planActions)
    .set({
      ...(patch.what !== undefined ? { what: patch.what } : {}),
      ...(patch.dueDate !== undefined ? { dueDate: patch.dueDate } : {}),
      ...(who && patch.assignee
        ? {
            assigneeKind: patch.assignee.kind,
            assigneeId: patch.assignee.id,
            assigneeUserId: who.userId,
            assigneeOrganisationId: who.organisationId,
          }
        : {}),
      status,
      blockedReason,
      version: row.version + 1,
      updatedAt: scope.now,
    })
    .where(eq(planActions.id, id));
  scope.audit({
    objectType: 'action',
    objectId: id,
    householdId,
    action: 'update',
    basis: grant.basis,
    role: grant.role,
  });
  return dto(await recordVersion(scope, householdId, grant), id);
}

/** A partner reports on an action assigned to them or their organisation: status, what blocks it, progress. */
export async function reportOnAction(
  scope: Scope,
  householdId: string,
  id: string,
  version: number,
  report: Required<ActionReport>,
): Promise<PlanAction> {
  const grant = await requireAccess(scope, 'action.report', { householdId, objectType: 'action' });
  await openPlanForChange(scope, householdId);
  const row = await loadAction(scope, householdId, id, version);
  if (
    grant.relation !== 'coordinator' &&
    !partnerMayReport(row, { userId: scope.actor.userId, organisationId: scope.actor.organisationId })
  ) {
    scope.deny({ objectType: 'action', objectId: id, householdId, action: 'update', basis: grant.basis });
    throw forbidden('This action is not assigned to you or your organisation.');
  }
  const issues = checkActionStatus(report.status, report.blockedReason);
  if (issues.length > 0) throw invalid(issues);
  await scope.tx
    .update(planActions)
    .set({
      status: report.status,
      blockedReason: report.status === 'blocked' ? report.blockedReason : '',
      progressNote: report.progressNote,
      version: row.version + 1,
      updatedAt: scope.now,
    })
    .where(eq(planActions.id, id));
  scope.audit({
    objectType: 'action',
    objectId: id,
    householdId,
    action: 'update',
    basis: grant.basis,
    role: grant.role,
  });
  return dto(await recordVersion(scope, householdId, grant), id);
}
