import { desc, eq } from 'drizzle-orm';
import type { Evaluation, Goal, HelpQuestion, PlanAction } from '../../../contracts/plan.js';
import { amsterdamDate } from '../../../domain/households/rules.js';
import { notFound } from '../../../domain/shared/errors.js';
import { requireAccess } from '../../access/require-access.js';
import type { Scope } from '../../db/scope.js';
import { households } from '../../db/schema/index.js';
import { planVersions } from '../../db/schema/plan.js';
import { loadContent, shapeSnapshot, toSnapshot } from './content.js';
import { viewerOf } from '../../access/categories.js';
import type { PlanSnapshot } from '../../../domain/plan/versions.js';
import { loadPeople } from './people.js';
import { type PaperPlan, renderPlanPdf } from './pdf.js';
import { PDF_TEXT } from './pdf-text.js';
import { agreementOf } from './versions.js';
import { versionRow } from './versioning.js';

type Snap = {
  helpQuestions: Omit<HelpQuestion, 'version'>[];
  goals: Omit<Goal, 'version'>[];
  actions: Omit<PlanAction, 'version' | 'mine'>[];
  evaluations: Omit<Evaluation, 'version'>[];
};

/** The plan on paper: a version (the newest unless one is asked for), in Dutch or English. */
export async function exportPlanPdf(
  scope: Scope,
  householdId: string,
  lang: 'nl' | 'en',
  number?: number,
): Promise<{ pdf: Buffer; filename: string }> {
  const grant = await requireAccess(scope, 'read', { householdId, objectType: 'plan' });
  const version = number
    ? await versionRow(scope, householdId, number)
    : (
        await scope.tx
          .select()
          .from(planVersions)
          .where(eq(planVersions.householdId, householdId))
          .orderBy(desc(planVersions.number))
          .limit(1)
      )[0];
  if (number && !version) throw notFound('plan version');
  const [household] = await scope.tx.select().from(households).where(eq(households.id, householdId));
  const people = await loadPeople(scope, householdId);
  const snapshot = shapeSnapshot(
    viewerOf(scope, grant),
    (version ? version.snapshot : toSnapshot(await loadContent(scope, householdId))) as PlanSnapshot,
  ) as unknown as Snap;
  const agreement = version?.proposedAt ? await agreementOf(scope, version, people) : null;
  const t = PDF_TEXT[lang];
  const address = [
    [household!.street, household!.houseNumber].filter(Boolean).join(' '),
    [household!.postcode, household!.city].filter(Boolean).join(' '),
  ]
    .filter(Boolean)
    .join(', ');
  const professionals = [...people.professionals.values()].filter((p) => p.relation !== 'former');
  const paper: PaperPlan = {
    lang,
    household: {
      name: household!.name,
      address,
      members: [...people.members.values()].filter((m) => !m.removed).map((m) => m.name),
    },
    version: version
      ? { number: version.number, agreedOn: version.agreedAt ? amsterdamDate(version.agreedAt) : null }
      : null,
    madeOn: amsterdamDate(scope.now),
    helpQuestions: snapshot.helpQuestions.map((q) => ({ who: q.memberName, domain: q.domain, text: q.text })),
    goals: snapshot.goals.map((g) => ({
      text: g.text,
      members: g.members.map((m) => m.name),
      kind: g.kind,
      successCriterion: g.successCriterion,
      targetDate: g.targetDate,
      status: g.status,
      actions: snapshot.actions
        .filter((a) => a.goalId === g.id && a.status !== 'cancelled')
        .map((a) => ({
          what: a.what,
          who: a.assignee.organisation ? `${a.assignee.name} (${a.assignee.organisation})` : a.assignee.name,
          dueDate: a.dueDate,
          status: a.status,
        })),
    })),
    evaluations: snapshot.evaluations
      .filter((e) => e.status === 'planned')
      .map((e) => ({ date: e.plannedOn, participants: e.participants.map((p) => p.name) })),
    contacts: [
      ...professionals
        .filter((p) => p.relation === 'coordinator')
        .map((p) => ({
          role: t.coordinator,
          name: p.name,
          organisation: p.organisation,
          phone: p.phone,
          email: p.email,
        })),
      ...professionals
        .filter((p) => p.relation !== 'coordinator')
        .map((p) => ({
          role: '',
          name: p.name,
          organisation: p.organisation,
          phone: p.phone,
          email: p.email,
        })),
    ],
    agreement,
  };
  const pdf = await renderPlanPdf(paper);
  scope.audit({
    objectType: 'plan_pdf',
    objectId: version?.id ?? householdId,
    householdId,
    action: 'export',
    basis: grant.basis,
    role: grant.role,
  });
  const slug = household!.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return {
    pdf,
    filename: `${lang === 'nl' ? 'plan' : 'plan'}-${slug}${version ? `-v${version.number}` : ''}.pdf`,
  };
}
