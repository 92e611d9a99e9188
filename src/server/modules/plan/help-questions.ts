import { and, eq, isNull } from 'drizzle-orm';
import type { HelpQuestion, HelpQuestionInput, HelpQuestionPatch } from '../../../contracts/plan.js';
import { notFound } from '../../../domain/shared/errors.js';
import { requireAccess } from '../../access/require-access.js';
import type { Scope } from '../../db/scope.js';
import { assertVersion } from '../../http/etag.js';
import { helpQuestions } from '../../db/schema/plan.js';
import { loadContent } from './content.js';
import { checkMembers, loadPeople } from './people.js';
import { openPlanForChange, recordVersion } from './versioning.js';

/** A help question (hulpvraag) per life domain, and per member where it is someone's own question, in their own words. */
export async function addHelpQuestion(
  scope: Scope,
  householdId: string,
  input: Required<HelpQuestionInput>,
): Promise<HelpQuestion> {
  const grant = await requireAccess(scope, 'plan.write', { householdId, objectType: 'help_question' });
  await openPlanForChange(scope, householdId);
  if (input.memberId) checkMembers(await loadPeople(scope, householdId), [input.memberId], 'memberId');
  const [row] = await scope.tx
    .insert(helpQuestions)
    .values({
      householdId,
      memberId: input.memberId,
      domain: input.domain,
      text: input.text,
      createdBy: scope.actor.userId,
      createdAt: scope.now,
      updatedAt: scope.now,
    })
    .returning({ id: helpQuestions.id });
  scope.audit({
    objectType: 'help_question',
    objectId: row!.id,
    householdId,
    action: 'create',
    basis: grant.basis,
    role: grant.role,
  });
  const content = await recordVersion(scope, householdId, grant);
  return content.helpQuestions.find((h) => h.id === row!.id)!;
}

/** Edits a help question, or removes it (`remove`); a removed question stays in the earlier plan versions. */
export async function updateHelpQuestion(
  scope: Scope,
  householdId: string,
  id: string,
  version: number,
  patch: HelpQuestionPatch & { remove?: true },
): Promise<HelpQuestion | null> {
  const grant = await requireAccess(scope, 'plan.write', { householdId, objectType: 'help_question' });
  await openPlanForChange(scope, householdId);
  const [row] = await scope.tx
    .select()
    .from(helpQuestions)
    .where(
      and(
        eq(helpQuestions.id, id),
        eq(helpQuestions.householdId, householdId),
        isNull(helpQuestions.removedAt),
      ),
    );
  if (!row) throw notFound('help question');
  if (row.version !== version) {
    assertVersion(
      version,
      row.version,
      (await loadContent(scope, householdId)).helpQuestions.find((h) => h.id === id),
    );
  }
  if (patch.memberId) checkMembers(await loadPeople(scope, householdId), [patch.memberId], 'memberId');
  await scope.tx
    .update(helpQuestions)
    .set({
      ...(patch.memberId !== undefined ? { memberId: patch.memberId } : {}),
      ...(patch.domain !== undefined ? { domain: patch.domain } : {}),
      ...(patch.text !== undefined ? { text: patch.text } : {}),
      ...(patch.remove ? { removedAt: scope.now } : {}),
      version: row.version + 1,
      updatedAt: scope.now,
    })
    .where(eq(helpQuestions.id, id));
  scope.audit({
    objectType: 'help_question',
    objectId: id,
    householdId,
    action: patch.remove ? 'remove' : 'update',
    basis: grant.basis,
    role: grant.role,
  });
  const content = await recordVersion(scope, householdId, grant);
  return content.helpQuestions.find((h) => h.id === id) ?? null;
}
