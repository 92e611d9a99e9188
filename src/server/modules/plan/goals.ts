import { and, eq } from 'drizzle-orm';
import type { Goal, GoalInput, GoalPatch } from '../../../contracts/plan.js';
import { amsterdamDate } from '../../../domain/households/rules.js';
import { type GoalStatus, checkGoalLimit, checkNotPast } from '../../../domain/plan/goals.js';
import { DomainError, invalid, notFound } from '../../../domain/shared/errors.js';
import { requireAccess } from '../../access/require-access.js';
import type { Scope } from '../../db/scope.js';
import { assertVersion } from '../../http/etag.js';
import { goals } from '../../db/schema/plan.js';
import { loadContent } from './content.js';
import { type People, checkMembers, loadPeople } from './people.js';
import { openPlanForChange, recordVersion } from './versioning.js';

/** Refuses a change that would take the household over its goal limit, with the reason spelled out. */
async function enforceLimit(
  scope: Scope,
  householdId: string,
  people: People,
  after: { id: string; status: GoalStatus; memberIds: string[] },
) {
  const current = await scope.tx
    .select({ id: goals.id, status: goals.status, memberIds: goals.memberIds })
    .from(goals)
    .where(eq(goals.householdId, householdId));
  const lvb = new Set([...people.members.values()].filter((m) => m.lvb && !m.removed).map((m) => m.id));
  const result = checkGoalLimit(
    current.map((g) => ({ ...g, status: g.status as GoalStatus })),
    after,
    lvb,
  );
  if (result.ok) return;
  const { limit, lvbMemberIds } = result.limit;
  const names = lvbMemberIds.map((id) => people.members.get(id)?.name ?? '?').join(', ');
  const why =
    limit === 3
      ? `At most 3 goals can be open at the same time, because the goals concern someone with a mild intellectual disability (${names}).`
      : 'At most 5 goals can be open at the same time: few, small goals work best.';
  throw new DomainError('RULE_VIOLATION', `${why} Close or combine a goal first.`, {
    fields: [{ path: 'status', message: `Goal limit reached (${limit}).` }],
  });
}

/** A goal in the household's own words: who it concerns, which life domains, how we know it is reached. */
export async function addGoal(scope: Scope, householdId: string, input: Required<GoalInput>): Promise<Goal> {
  const grant = await requireAccess(scope, 'plan.write', { householdId, objectType: 'goal' });
  await openPlanForChange(scope, householdId);
  const people = await loadPeople(scope, householdId);
  const issues = checkNotPast(input.targetDate, amsterdamDate(scope.now), 'targetDate');
  if (issues.length > 0) throw invalid(issues);
  checkMembers(people, input.memberIds, 'memberIds');
  const memberIds = [...new Set(input.memberIds)];
  const domains = [...new Set(input.domains)];
  await enforceLimit(scope, householdId, people, { id: 'new', status: input.status, memberIds });
  const [row] = await scope.tx
    .insert(goals)
    .values({
      householdId,
      ...input,
      memberIds,
      domains,
      createdBy: scope.actor.userId,
      createdAt: scope.now,
      updatedAt: scope.now,
    })
    .returning({ id: goals.id });
  scope.audit({
    objectType: 'goal',
    objectId: row!.id,
    householdId,
    action: 'create',
    basis: grant.basis,
    role: grant.role,
  });
  const content = await recordVersion(scope, householdId, grant);
  return content.goals.find((g) => g.id === row!.id)!;
}

export async function updateGoal(
  scope: Scope,
  householdId: string,
  id: string,
  version: number,
  patch: GoalPatch,
): Promise<Goal> {
  const grant = await requireAccess(scope, 'plan.write', { householdId, objectType: 'goal' });
  await openPlanForChange(scope, householdId);
  const [row] = await scope.tx
    .select()
    .from(goals)
    .where(and(eq(goals.id, id), eq(goals.householdId, householdId)));
  if (!row) throw notFound('goal');
  if (row.version !== version) {
    assertVersion(
      version,
      row.version,
      (await loadContent(scope, householdId)).goals.find((g) => g.id === id),
    );
  }
  const people = await loadPeople(scope, householdId);
  if (patch.targetDate !== undefined && patch.targetDate !== row.targetDate) {
    const issues = checkNotPast(patch.targetDate, amsterdamDate(scope.now), 'targetDate');
    if (issues.length > 0) throw invalid(issues);
  }
  if (patch.memberIds) checkMembers(people, patch.memberIds, 'memberIds');
  const memberIds = patch.memberIds ? [...new Set(patch.memberIds)] : row.memberIds;
  const status = (patch.status ?? row.status) as GoalStatus;
  await enforceLimit(scope, householdId, people, { id, status, memberIds });
  await scope.tx
    .update(goals)
    .set({
      ...(patch.text !== undefined ? { text: patch.text } : {}),
      ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
      ...(patch.successCriterion !== undefined ? { successCriterion: patch.successCriterion } : {}),
      ...(patch.targetDate !== undefined ? { targetDate: patch.targetDate } : {}),
      ...(patch.domains !== undefined ? { domains: [...new Set(patch.domains)] } : {}),
      memberIds,
      status,
      version: row.version + 1,
      updatedAt: scope.now,
    })
    .where(eq(goals.id, id));
  scope.audit({
    objectType: 'goal',
    objectId: id,
    householdId,
    action: 'update',
    basis: grant.basis,
    role: grant.role,
  });
  const content = await recordVersion(scope, householdId, grant);
  return content.goals.find((g) => g.id === id)!;
}
