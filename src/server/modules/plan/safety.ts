import { desc, eq } from 'drizzle-orm';
import type { SafetyAssessment, SafetyAssessmentInput } from '../../../contracts/plan.js';
import { amsterdamDate } from '../../../domain/households/rules.js';
import { invalid } from '../../../domain/shared/errors.js';
import { requireCategory } from '../../access/categories.js';
import { requireAccess } from '../../access/require-access.js';
import type { Scope } from '../../db/scope.js';
import { users } from '../../db/schema/index.js';
import { safetyAssessments } from '../../db/schema/plan.js';
import { type People, loadPeople } from './people.js';

const toDto = (
  r: typeof safetyAssessments.$inferSelect,
  people: People,
  byName: string,
): SafetyAssessment => ({
  id: r.id,
  assessedOn: r.assessedOn,
  children: (r.childIds as string[]).map((id) => ({ id, name: people.members.get(id)?.name ?? '?' })),
  concerns: r.concerns,
  protectiveFactors: r.protectiveFactors,
  riskLevel: r.riskLevel as SafetyAssessment['riskLevel'],
  recordedBy: { id: r.createdBy, name: byName },
  recordedAt: r.createdAt.toISOString(),
});

/** The safety assessment for the children: concerns, what keeps them safe, risk level. Only the coordinator. */
export async function addSafetyAssessment(
  scope: Scope,
  householdId: string,
  input: Required<SafetyAssessmentInput>,
): Promise<SafetyAssessment> {
  const grant = await requireAccess(scope, 'safety.manage', { householdId, objectType: 'safety_assessment' });
  const people = await loadPeople(scope, householdId);
  const issues = input.childIds
    .map((id, i) => ({ id, i }))
    .filter(({ id }) => people.members.get(id)?.role !== 'child' || people.members.get(id)?.removed)
    .map(({ i }) => ({ path: `childIds.${i}`, message: 'Not a child in this household.' }));
  if (input.assessedOn > amsterdamDate(scope.now))
    issues.push({ path: 'assessedOn', message: 'An assessment cannot be dated in the future.' });
  if (issues.length > 0) throw invalid(issues);
  const [row] = await scope.tx
    .insert(safetyAssessments)
    .values({
      householdId,
      ...input,
      childIds: [...new Set(input.childIds)],
      createdBy: scope.actor.userId,
      createdAt: scope.now,
    })
    .returning();
  scope.audit({
    objectType: 'safety_assessment',
    objectId: row!.id,
    householdId,
    action: 'create',
    basis: grant.basis,
    role: grant.role,
  });
  return toDto(row!, people, scope.actor.name);
}

/** The coordinator's safety assessments; a partner reads them only with consent or a sharing basis for `safety`. */
export async function listSafetyAssessments(scope: Scope, householdId: string): Promise<SafetyAssessment[]> {
  const grant = await requireAccess(scope, 'read', { householdId, objectType: 'safety_assessment' });
  requireCategory(scope, grant, 'safety', 'safety_assessment');
  const people = await loadPeople(scope, householdId);
  const rows = await scope.tx
    .select({ s: safetyAssessments, byName: users.name })
    .from(safetyAssessments)
    .innerJoin(users, eq(users.id, safetyAssessments.createdBy))
    .where(eq(safetyAssessments.householdId, householdId))
    .orderBy(desc(safetyAssessments.assessedOn), desc(safetyAssessments.createdAt));
  scope.audit({
    objectType: 'safety_assessment_list',
    householdId,
    action: 'read',
    basis: grant.basis,
    role: grant.role,
  });
  return rows.map(({ s, byName }) => toDto(s, people, byName));
}
