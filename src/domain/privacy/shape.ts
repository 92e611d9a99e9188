import type { LifeDomain } from '../plan/domains.js';
import type { CategoryAccess } from './access.js';
import { planDomainCategory, scoreCategory } from './categories.js';

/**
 * Leaving out what a caller may not see (issue 5). Pure functions over the shapes the API returns: items of a
 * category the caller may not see are left out, and fields are deleted, never blanked.
 */
export interface Viewer {
  userId: string;
  organisationId: string;
  access: CategoryAccess;
}

interface HelpQuestionLike {
  memberId: string | null;
  domain: LifeDomain;
}
interface GoalLike {
  id: string;
  domains: readonly LifeDomain[];
  members: readonly { id: string }[];
}
interface ActionLike {
  goalId: string;
  assignee: { kind: string; id: string };
  progressNote?: string;
}
interface EvaluationLike {
  notes?: string;
  decisions: { goalId: string; goalText?: string; progress?: string }[];
}
export interface PlanParts<H, G, A, E> {
  helpQuestions: H[];
  goals: G[];
  actions: A[];
  evaluations: E[];
}

export function helpQuestionVisible(v: Viewer, h: HelpQuestionLike): boolean {
  return v.access.allows(planDomainCategory(h.domain), h.memberId ? [h.memberId] : []);
}

/** A goal in a health or finance domain needs that category for one of its members. */
export function goalCategoriesAllowed(v: Viewer, g: GoalLike): boolean {
  const ids = g.members.map((m) => m.id);
  return g.domains.every((d) => v.access.allows(planDomainCategory(d), ids));
}

/** An action assigned to the caller or their organisation: their part, always visible to them. */
export function isOwnAction(v: Viewer, a: ActionLike): boolean {
  return (
    (a.assignee.kind === 'professional' && a.assignee.id === v.userId) ||
    (a.assignee.kind === 'organisation' && a.assignee.id === v.organisationId)
  );
}

/**
 * The plan as this viewer may see it. Everything for the coordinator (and emergency access); for a partner the
 * main lines: help questions and goals in health or finances only with that category, their own actions and
 * the actions of goals they see, no progress notes of other people's actions, no evaluation notes or progress.
 */
export function shapePlan<
  H extends HelpQuestionLike,
  G extends GoalLike,
  A extends ActionLike,
  E extends EvaluationLike,
>(v: Viewer, parts: PlanParts<H, G, A, E>): PlanParts<H, G, A, E> {
  if (v.access.all) return parts;
  const ownGoals = new Set(parts.actions.filter((a) => isOwnAction(v, a)).map((a) => a.goalId));
  const goals = parts.goals.filter((g) => ownGoals.has(g.id) || goalCategoriesAllowed(v, g));
  const seen = new Set(goals.map((g) => g.id));
  return {
    helpQuestions: parts.helpQuestions.filter((h) => helpQuestionVisible(v, h)),
    goals,
    actions: parts.actions
      .filter((a) => isOwnAction(v, a) || seen.has(a.goalId))
      .map((a) => {
        if (isOwnAction(v, a)) return a;
        const { progressNote: _p, ...rest } = a;
        return rest as A;
      }),
    evaluations: parts.evaluations.map((e) => {
      const { notes: _n, ...rest } = e;
      return {
        ...rest,
        decisions: e.decisions.filter((d) => seen.has(d.goalId)).map(({ progress: _p, ...d }) => d),
      } as E;
    }),
  };
}

interface AssessmentLike {
  memberId: string;
  note?: string;
  scores: { domain: LifeDomain }[];
}

/** An assessment needs `assessment` for its member; health and finance scores need their own category too. */
export function shapeAssessment<T extends AssessmentLike>(v: Viewer, a: T): T | null {
  if (v.access.all) return a;
  if (!v.access.allows('assessment', [a.memberId])) return null;
  return { ...a, scores: a.scores.filter((s) => v.access.allows(scoreCategory(s.domain), [a.memberId])) };
}

/** Contacts logged by the caller's own organisation are their part; others' need `contacts` for the member. */
export function contactVisible(
  v: Viewer,
  c: { organisationId: string; professionalId: string; memberId: string | null },
): boolean {
  return (
    c.organisationId === v.organisationId ||
    c.professionalId === v.userId ||
    v.access.allows('contacts', c.memberId ? [c.memberId] : [])
  );
}

/** A member's `lvb` flag (mild intellectual disability) is health data. */
export function shapeMember<T extends { id: string; lvb?: boolean }>(v: Viewer, m: T): T {
  if (v.access.allows('health', [m.id])) return m;
  const { lvb: _l, ...rest } = m;
  return rest as T;
}

/** A stored earlier version of a record, shaped like the record itself (a member's `lvb` is health data). */
export function shapeHistoryData(
  v: Viewer,
  recordType: string,
  recordId: string,
  data: Record<string, unknown>,
): Record<string, unknown> {
  if (recordType !== 'member' || v.access.allows('health', [recordId])) return data;
  const { lvb: _l, ...rest } = data;
  return rest;
}

interface ReferralLike {
  sender: { organisation: { id: string } };
  service: { organisation: { id: string } };
  question?: string;
  reason?: string;
  steps: { note?: string }[];
}

/**
 * A referral between two other organisations shows a partner its main lines only (which service, where it
 * stands): the question, the reason and the step notes are for the sending and receiving organisation.
 */
export function shapeReferral<T extends ReferralLike>(v: Viewer, r: T): T {
  if (
    v.access.all ||
    r.sender.organisation.id === v.organisationId ||
    r.service.organisation.id === v.organisationId
  )
    return r;
  const { question: _q, reason: _r, ...rest } = r;
  return { ...rest, steps: r.steps.map(({ note: _n, ...s }) => s) } as T;
}
