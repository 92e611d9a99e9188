import { and, eq, inArray } from 'drizzle-orm';
import type { Evaluation, EvaluationInput, EvaluationRecordInput } from '../../../contracts/plan.js';
import { amsterdamDate } from '../../../domain/households/rules.js';
import { STATUS_AFTER, checkEvaluationRecord } from '../../../domain/plan/evaluations.js';
import { checkNotPast, isOpenGoal, type GoalStatus } from '../../../domain/plan/goals.js';
import { invalid, notFound, ruleViolation } from '../../../domain/shared/errors.js';
import { requireAccess } from '../../access/require-access.js';
import type { Scope } from '../../db/scope.js';
import { assertVersion } from '../../http/etag.js';
import { evaluations, goals, plans } from '../../db/schema/plan.js';
import { loadContent } from './content.js';
import { checkParticipants, loadPeople } from './people.js';
import { openPlanForChange, recordVersion } from './versioning.js';

/** Schedules an evaluation moment: a date and who takes part. */
export async function scheduleEvaluation(
  scope: Scope,
  householdId: string,
  input: EvaluationInput,
): Promise<Evaluation> {
  const grant = await requireAccess(scope, 'plan.write', { householdId, objectType: 'evaluation' });
  await openPlanForChange(scope, householdId);
  const issues = checkNotPast(input.plannedOn, amsterdamDate(scope.now), 'plannedOn');
  if (issues.length > 0) throw invalid(issues);
  checkParticipants(await loadPeople(scope, householdId), input.participants);
  const [row] = await scope.tx
    .insert(evaluations)
    .values({
      householdId,
      plannedOn: input.plannedOn,
      participants: input.participants,
      createdBy: scope.actor.userId,
      createdAt: scope.now,
      updatedAt: scope.now,
    })
    .returning({ id: evaluations.id });
  scope.audit({
    objectType: 'evaluation',
    objectId: row!.id,
    householdId,
    action: 'create',
    basis: grant.basis,
    role: grant.role,
  });
  const content = await recordVersion(scope, householdId, grant);
  return content.evaluations.find((e) => e.id === row!.id)!;
}

async function loadPlanned(scope: Scope, householdId: string, id: string, version: number) {
  const [row] = await scope.tx
    .select()
    .from(evaluations)
    .where(and(eq(evaluations.id, id), eq(evaluations.householdId, householdId)));
  if (!row) throw notFound('evaluation');
  if (row.version !== version)
    assertVersion(
      version,
      row.version,
      (await loadContent(scope, householdId)).evaluations.find((e) => e.id === id),
    );
  if (row.status !== 'planned') throw ruleViolation('This evaluation has already been recorded.');
  return row;
}

/** Moves a planned evaluation or changes who takes part. */
export async function rescheduleEvaluation(
  scope: Scope,
  householdId: string,
  id: string,
  version: number,
  input: EvaluationInput,
): Promise<Evaluation> {
  const grant = await requireAccess(scope, 'plan.write', { householdId, objectType: 'evaluation' });
  await openPlanForChange(scope, householdId);
  const row = await loadPlanned(scope, householdId, id, version);
  const issues =
    input.plannedOn !== row.plannedOn
      ? checkNotPast(input.plannedOn, amsterdamDate(scope.now), 'plannedOn')
      : [];
  if (issues.length > 0) throw invalid(issues);
  checkParticipants(await loadPeople(scope, householdId), input.participants);
  await scope.tx
    .update(evaluations)
    .set({
      plannedOn: input.plannedOn,
      participants: input.participants,
      version: row.version + 1,
      updatedAt: scope.now,
    })
    .where(eq(evaluations.id, id));
  scope.audit({
    objectType: 'evaluation',
    objectId: id,
    householdId,
    action: 'update',
    basis: grant.basis,
    role: grant.role,
  });
  const content = await recordVersion(scope, householdId, grant);
  return content.evaluations.find((e) => e.id === id)!;
}

/**
 * Records an evaluation: progress and a decision per open goal, notes. Goals take the status the decision leads to.
 * Without the date of the next evaluation it cannot be closed, unless it closes the plan; the next one is planned
 * with the same participants.
 */
export async function recordEvaluation(
  scope: Scope,
  householdId: string,
  id: string,
  version: number,
  input: Required<EvaluationRecordInput>,
): Promise<Evaluation> {
  const grant = await requireAccess(scope, 'plan.write', { householdId, objectType: 'evaluation' });
  await openPlanForChange(scope, householdId);
  const row = await loadPlanned(scope, householdId, id, version);
  const all = await scope.tx
    .select({ id: goals.id, status: goals.status, version: goals.version })
    .from(goals)
    .where(eq(goals.householdId, householdId));
  const open = all.filter((g) => isOpenGoal(g.status as GoalStatus));
  const issues = checkEvaluationRecord(
    input,
    open.map((g) => g.id),
    amsterdamDate(scope.now),
  );
  if (issues.length > 0) throw invalid(issues);
  for (const d of input.decisions) {
    const goal = open.find((g) => g.id === d.goalId)!;
    const status = STATUS_AFTER[d.decision];
    if (status !== goal.status) {
      await scope.tx
        .update(goals)
        .set({ status, version: goal.version + 1, updatedAt: scope.now })
        .where(eq(goals.id, goal.id));
      scope.audit({
        objectType: 'goal',
        objectId: goal.id,
        householdId,
        action: 'update',
        basis: grant.basis,
        role: grant.role,
      });
    }
  }
  await scope.tx
    .update(evaluations)
    .set({
      status: 'held',
      heldOn: input.heldOn,
      decisions: input.decisions,
      notes: input.notes,
      closesPlan: input.closesPlan,
      version: row.version + 1,
      updatedAt: scope.now,
    })
    .where(eq(evaluations.id, id));
  scope.audit({
    objectType: 'evaluation',
    objectId: id,
    householdId,
    action: 'update',
    basis: grant.basis,
    role: grant.role,
  });
  if (input.nextEvaluationOn) {
    const [next] = await scope.tx
      .insert(evaluations)
      .values({
        householdId,
        plannedOn: input.nextEvaluationOn,
        participants: row.participants,
        createdBy: scope.actor.userId,
        createdAt: scope.now,
        updatedAt: scope.now,
      })
      .returning({ id: evaluations.id });
    scope.audit({
      objectType: 'evaluation',
      objectId: next!.id,
      householdId,
      action: 'create',
      basis: grant.basis,
      role: grant.role,
    });
  }
  if (input.closesPlan) {
    // Planned moments after this one lapse with the plan.
    const planned = await scope.tx
      .select({ id: evaluations.id })
      .from(evaluations)
      .where(and(eq(evaluations.householdId, householdId), eq(evaluations.status, 'planned')));
    if (planned.length > 0) {
      await scope.tx
        .update(evaluations)
        .set({ status: 'cancelled', updatedAt: scope.now })
        .where(
          inArray(
            evaluations.id,
            planned.map((p) => p.id),
          ),
        );
    }
  }
  const content = await recordVersion(scope, householdId, grant);
  if (input.closesPlan) {
    await scope.tx
      .update(plans)
      .set({ closedAt: scope.now, updatedAt: scope.now })
      .where(eq(plans.householdId, householdId));
    scope.audit({
      objectType: 'plan',
      objectId: householdId,
      householdId,
      action: 'update',
      basis: grant.basis,
      role: grant.role,
    });
  }
  return content.evaluations.find((e) => e.id === id)!;
}
