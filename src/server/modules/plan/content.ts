import { and, asc, eq, isNull } from 'drizzle-orm';
import type {
  Evaluation,
  Goal,
  HelpQuestion,
  LifeDomain,
  Plan,
  PlanAction,
} from '../../../contracts/plan.js';
import { partnerMayReport } from '../../../domain/plan/actions.js';
import { goalLimit } from '../../../domain/plan/goals.js';
import { type Viewer, shapePlan } from '../../../domain/privacy/shape.js';
import type { GoalStatus } from '../../../domain/plan/goals.js';
import type { PlanSnapshot, SnapshotItem } from '../../../domain/plan/versions.js';
import type { Scope } from '../../db/scope.js';
import { evaluations, goals, helpQuestions, planActions, plans } from '../../db/schema/plan.js';
import { type People, addFormerlyInvolved, describeAssignee, loadPeople } from './people.js';

export interface PlanContent {
  helpQuestions: HelpQuestion[];
  goals: Goal[];
  actions: (PlanAction & { assigneeUserId: string | null; assigneeOrganisationId: string | null })[];
  evaluations: Evaluation[];
  people: People;
}

type Decision = { goalId: string; progress: string; decision: Evaluation['decisions'][number]['decision'] };
type ParticipantRow = { kind: Evaluation['participants'][number]['kind']; id: string };

/** The plan as it is now, with every name resolved. */
export async function loadContent(scope: Scope, householdId: string): Promise<PlanContent> {
  const [people, hq, gs, as, es] = await Promise.all([
    loadPeople(scope, householdId),
    scope.tx
      .select()
      .from(helpQuestions)
      .where(and(eq(helpQuestions.householdId, householdId), isNull(helpQuestions.removedAt)))
      .orderBy(asc(helpQuestions.createdAt), asc(helpQuestions.id)),
    scope.tx
      .select()
      .from(goals)
      .where(eq(goals.householdId, householdId))
      .orderBy(asc(goals.createdAt), asc(goals.id)),
    scope.tx
      .select()
      .from(planActions)
      .where(eq(planActions.householdId, householdId))
      .orderBy(asc(planActions.dueDate), asc(planActions.createdAt), asc(planActions.id)),
    scope.tx
      .select()
      .from(evaluations)
      .where(eq(evaluations.householdId, householdId))
      .orderBy(asc(evaluations.plannedOn), asc(evaluations.createdAt)),
  ]);
  await addFormerlyInvolved(
    scope,
    people,
    as.filter((a) => a.assigneeKind === 'professional').map((a) => a.assigneeId),
    as.filter((a) => a.assigneeKind === 'organisation').map((a) => a.assigneeId),
  );
  const memberName = (id: string) => people.members.get(id)?.name ?? '?';
  const goalText = new Map(gs.map((g) => [g.id, g.text]));
  return {
    people,
    helpQuestions: hq.map((h) => ({
      id: h.id,
      memberId: h.memberId,
      memberName: h.memberId ? memberName(h.memberId) : null,
      domain: h.domain as LifeDomain,
      text: h.text,
      version: h.version,
    })),
    goals: gs.map((g) => ({
      id: g.id,
      text: g.text,
      members: g.memberIds.map((id) => ({ id, name: memberName(id) })),
      domains: g.domains as LifeDomain[],
      kind: g.kind as Goal['kind'],
      successCriterion: g.successCriterion,
      targetDate: g.targetDate,
      status: g.status as GoalStatus,
      version: g.version,
    })),
    actions: as.map((a) => ({
      id: a.id,
      goalId: a.goalId,
      what: a.what,
      assignee: describeAssignee(people, a.assigneeKind, a.assigneeId),
      dueDate: a.dueDate,
      status: a.status as PlanAction['status'],
      blockedReason: a.blockedReason,
      progressNote: a.progressNote,
      mine: partnerMayReport(a, { userId: scope.actor.userId, organisationId: scope.actor.organisationId }),
      version: a.version,
      assigneeUserId: a.assigneeUserId,
      assigneeOrganisationId: a.assigneeOrganisationId,
    })),
    evaluations: es.map((e) => ({
      id: e.id,
      plannedOn: e.plannedOn,
      participants: (e.participants as ParticipantRow[]).map((p) => ({
        ...p,
        name:
          p.kind === 'member'
            ? memberName(p.id)
            : p.kind === 'network_contact'
              ? (people.contacts.get(p.id)?.name ?? '?')
              : (people.professionals.get(p.id)?.name ?? '?'),
      })),
      status: e.status as Evaluation['status'],
      heldOn: e.heldOn,
      decisions: (e.decisions as Decision[]).map((d) => ({ ...d, goalText: goalText.get(d.goalId) ?? '?' })),
      notes: e.notes,
      closesPlan: e.closesPlan,
      version: e.version,
    })),
  };
}

type SnapHelpQuestion = SnapshotItem & { memberId: string | null; domain: LifeDomain };
type SnapGoal = SnapshotItem & { domains: LifeDomain[]; members: { id: string }[] };
type SnapAction = SnapshotItem & { goalId: string; assignee: { kind: string; id: string } };
type SnapEvaluation = SnapshotItem & { decisions: { goalId: string }[] };

/** A stored plan version as the viewer may see it (the same rules as the current plan). */
export function shapeSnapshot(viewer: Viewer, s: PlanSnapshot): PlanSnapshot {
  return shapePlan(viewer, {
    helpQuestions: s.helpQuestions as SnapHelpQuestion[],
    goals: s.goals as SnapGoal[],
    actions: s.actions as SnapAction[],
    evaluations: s.evaluations as SnapEvaluation[],
  });
}

const strip = <T extends { version: number }>({ version: _v, ...rest }: T) => rest;

/** The content of a plan version: what the plan says, without record versions or caller-specific flags. */
export function toSnapshot(c: PlanContent): PlanSnapshot {
  return {
    helpQuestions: c.helpQuestions.map(strip),
    goals: c.goals.map(strip),
    actions: c.actions.map(({ mine: _m, assigneeUserId: _u, assigneeOrganisationId: _o, ...a }) => strip(a)),
    evaluations: c.evaluations.map(strip),
  };
}

/**
 * The plan row. A write (`forUpdate`) creates it on first use and locks it; a read never writes (a reader may be
 * read-only, e.g. through emergency access) and sees an empty plan until one is written.
 */
export async function planRow(scope: Scope, householdId: string, forUpdate = false) {
  if (!forUpdate) {
    const [row] = await scope.tx.select().from(plans).where(eq(plans.householdId, householdId));
    return (
      row ?? {
        householdId,
        currentVersion: 0,
        proposedVersion: null,
        agreedVersion: null,
        closedAt: null,
        updatedAt: scope.now,
      }
    );
  }
  await scope.tx.insert(plans).values({ householdId, updatedAt: scope.now }).onConflictDoNothing();
  const [row] = await scope.tx.select().from(plans).where(eq(plans.householdId, householdId)).for('update');
  return row!;
}

/**
 * The plan as the API returns it, as far as the viewer may see it (src/domain/privacy/shape.ts): partners see the
 * main lines; evaluation notes and other people's progress stay with the coordinator.
 */
export function toPlanDto(
  householdId: string,
  c: PlanContent,
  row: {
    currentVersion: number;
    proposedVersion: number | null;
    agreedVersion: number | null;
    closedAt: Date | null;
  },
  viewer: Viewer,
): Plan {
  const lvb = new Set([...c.people.members.values()].filter((m) => m.lvb && !m.removed).map((m) => m.id));
  const limit = goalLimit(
    c.goals.map((g) => ({ id: g.id, status: g.status, memberIds: g.members.map((m) => m.id) })),
    lvb,
  );
  const shaped = shapePlan(viewer, {
    helpQuestions: c.helpQuestions,
    goals: c.goals,
    actions: c.actions.map(({ assigneeUserId: _u, assigneeOrganisationId: _o, ...a }) => a),
    evaluations: c.evaluations,
  });
  return {
    householdId,
    ...shaped,
    currentVersion: row.currentVersion,
    proposedVersion: row.proposedVersion,
    agreedVersion: row.agreedVersion,
    closed: row.closedAt !== null,
    goalLimit: {
      limit: limit.limit,
      open: limit.open,
      lvbMembers: limit.lvbMemberIds
        .filter((id) => viewer.access.allows('health', [id]))
        .map((id) => c.people.members.get(id)?.name ?? '?'),
    },
  };
}
