import { asc, eq } from 'drizzle-orm';
import type { Assessment, AssessmentInput, DomainScore } from '../../../contracts/plan.js';
import { amsterdamDate } from '../../../domain/households/rules.js';
import { invalid } from '../../../domain/shared/errors.js';
import type { FieldIssue } from '../../../domain/shared/errors.js';
import { shapeAssessment } from '../../../domain/privacy/shape.js';
import { viewerOf } from '../../access/categories.js';
import { requireAccess } from '../../access/require-access.js';
import type { Scope } from '../../db/scope.js';
import { users } from '../../db/schema/index.js';
import { assessments } from '../../db/schema/plan.js';
import { checkMembers, loadPeople } from './people.js';

type Input = AssessmentInput & { scores: Required<AssessmentInput['scores'][number]>[] };

/** Records a dated Zelfredzaamheid-Matrix assessment for one member: only the relevant domains are scored. */
export async function addAssessment(scope: Scope, householdId: string, input: Input): Promise<Assessment> {
  const grant = await requireAccess(scope, 'assessment.write', { householdId, objectType: 'assessment' });
  const people = await loadPeople(scope, householdId);
  const issues: FieldIssue[] = [];
  if (input.assessedOn > amsterdamDate(scope.now))
    issues.push({ path: 'assessedOn', message: 'An assessment cannot be dated in the future.' });
  const seen = new Set<string>();
  input.scores.forEach((s, i) => {
    if (seen.has(s.domain))
      issues.push({ path: `scores.${i}.domain`, message: 'This domain is scored twice.' });
    seen.add(s.domain);
  });
  if (issues.length > 0) throw invalid(issues);
  checkMembers(people, [input.memberId], 'memberId');
  const [row] = await scope.tx
    .insert(assessments)
    .values({
      householdId,
      memberId: input.memberId,
      assessedOn: input.assessedOn,
      scores: input.scores.map((s) => ({
        domain: s.domain,
        score: s.score,
        note: s.note ?? '',
        strengths: s.strengths ?? '',
        reliesOn: [...new Set(s.reliesOn ?? [])],
      })),
      note: input.note ?? '',
      createdBy: scope.actor.userId,
      createdAt: scope.now,
    })
    .returning();
  scope.audit({
    objectType: 'assessment',
    objectId: row!.id,
    householdId,
    memberId: input.memberId,
    action: 'create',
    basis: grant.basis,
    role: grant.role,
  });
  return toAssessment(row!, people.members.get(input.memberId)!.name, {
    id: scope.actor.userId,
    name: scope.actor.name,
  });
}

function toAssessment(
  r: typeof assessments.$inferSelect,
  memberName: string,
  by: { id: string; name: string },
): Assessment {
  return {
    id: r.id,
    memberId: r.memberId,
    memberName,
    assessedOn: r.assessedOn,
    scores: r.scores as DomainScore[],
    note: r.note,
    recordedBy: by,
    recordedAt: r.createdAt.toISOString(),
  };
}

/**
 * Every assessment, oldest first (for the trend), as far as the caller may see it: a partner needs the member's
 * consent (or a sharing basis) for `assessment`, and for `health` / `financial` to see those domains' scores.
 */
export async function listAssessments(scope: Scope, householdId: string): Promise<Assessment[]> {
  const grant = await requireAccess(scope, 'read', { householdId, objectType: 'assessment' });
  const people = await loadPeople(scope, householdId);
  const rows = await scope.tx
    .select({ a: assessments, byName: users.name })
    .from(assessments)
    .innerJoin(users, eq(users.id, assessments.createdBy))
    .where(eq(assessments.householdId, householdId))
    .orderBy(asc(assessments.assessedOn), asc(assessments.createdAt))
    .limit(1000);
  scope.audit({
    objectType: 'assessment_list',
    householdId,
    action: 'read',
    basis: grant.basis,
    role: grant.role,
  });
  const viewer = viewerOf(scope, grant);
  return rows.flatMap(({ a, byName }) => {
    const shaped = shapeAssessment(
      viewer,
      toAssessment(a, people.members.get(a.memberId)?.name ?? '?', { id: a.createdBy, name: byName }),
    );
    return shaped ? [shaped] : [];
  });
}
