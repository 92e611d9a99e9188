import { and, eq, gte, isNotNull, lt, or } from 'drizzle-orm';
import type { TimelineEvent } from '../../../contracts/timeline.js';
import type { Scope } from '../../db/scope.js';
import { users } from '../../db/schema/index.js';
import { assessments, evaluations, planVersions } from '../../db/schema/plan.js';
import { type TimelineSource, eventId } from '../timeline/registry.js';

const inWindow = (at: Date | null, from: Date, to: Date) => at !== null && at >= from && at < to;

async function names(scope: Scope, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await scope.tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(or(...unique.map((id) => eq(users.id, id))));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A self-reliance assessment was recorded (the scores stay in the Zelfredzaamheid tab). */
export const assessmentSource: TimelineSource = {
  name: 'assessments',
  kind: 'assessment',
  async load(scope, { householdId, from, to, viewer }) {
    const rows = await scope.tx
      .select({
        id: assessments.id,
        memberId: assessments.memberId,
        assessedOn: assessments.assessedOn,
        scores: assessments.scores,
        by: assessments.createdBy,
        at: assessments.createdAt,
        byName: users.name,
      })
      .from(assessments)
      .innerJoin(users, eq(users.id, assessments.createdBy))
      .where(
        and(
          eq(assessments.householdId, householdId),
          gte(assessments.createdAt, from),
          lt(assessments.createdAt, to),
        ),
      );
    return rows
      .filter((r) => viewer.access.allows('assessment', [r.memberId]))
      .map((r): TimelineEvent => ({
        id: eventId('assessment', r.id, 'recorded'),
        kind: 'assessment',
        type: 'assessment.recorded',
        at: r.at.toISOString(),
        memberIds: [r.memberId],
        by: { id: r.by, name: r.byName },
        summary: '',
        details: { assessedOn: r.assessedOn, domains: (r.scores as unknown[]).length },
      }));
  },
};

/** A plan version was made, proposed for agreement, or agreed by everyone. */
export const planVersionSource: TimelineSource = {
  name: 'plan_versions',
  kind: 'plan_version',
  async load(scope, { householdId, from, to }) {
    const rows = await scope.tx
      .select()
      .from(planVersions)
      .where(
        and(
          eq(planVersions.householdId, householdId),
          or(
            and(gte(planVersions.createdAt, from), lt(planVersions.createdAt, to)),
            and(
              isNotNull(planVersions.proposedAt),
              gte(planVersions.proposedAt, from),
              lt(planVersions.proposedAt, to),
            ),
            and(
              isNotNull(planVersions.agreedAt),
              gte(planVersions.agreedAt, from),
              lt(planVersions.agreedAt, to),
            ),
          ),
        ),
      );
    const who = await names(
      scope,
      rows.map((r) => r.createdBy),
    );
    const events: TimelineEvent[] = [];
    for (const r of rows) {
      const base = {
        kind: 'plan_version' as const,
        memberIds: [],
        summary: '',
        details: { number: r.number },
      };
      if (inWindow(r.createdAt, from, to)) {
        events.push({
          ...base,
          id: eventId('plan_version', r.id, 'made'),
          type: 'plan_version.made',
          at: r.createdAt.toISOString(),
          by: { id: r.createdBy, name: who.get(r.createdBy) ?? '?' },
        });
      }
      if (inWindow(r.proposedAt, from, to)) {
        events.push({
          ...base,
          id: eventId('plan_version', r.id, 'proposed'),
          type: 'plan_version.proposed',
          at: r.proposedAt!.toISOString(),
          by: null,
        });
      }
      if (inWindow(r.agreedAt, from, to)) {
        events.push({
          ...base,
          id: eventId('plan_version', r.id, 'agreed'),
          type: 'plan_version.agreed',
          at: r.agreedAt!.toISOString(),
          by: null,
        });
      }
    }
    return events;
  },
};

/** An evaluation was planned or held (the decisions stay in the plan). */
export const evaluationSource: TimelineSource = {
  name: 'evaluations',
  kind: 'evaluation',
  async load(scope, { householdId, from, to }) {
    const rows = await scope.tx
      .select()
      .from(evaluations)
      .where(
        and(
          eq(evaluations.householdId, householdId),
          or(
            and(gte(evaluations.createdAt, from), lt(evaluations.createdAt, to)),
            and(
              eq(evaluations.status, 'held'),
              gte(evaluations.updatedAt, from),
              lt(evaluations.updatedAt, to),
            ),
          ),
        ),
      );
    const who = await names(
      scope,
      rows.map((r) => r.createdBy),
    );
    const events: TimelineEvent[] = [];
    for (const r of rows) {
      const by = { id: r.createdBy, name: who.get(r.createdBy) ?? '?' };
      if (inWindow(r.createdAt, from, to)) {
        events.push({
          id: eventId('evaluation', r.id, 'planned'),
          kind: 'evaluation',
          type: 'evaluation.planned',
          at: r.createdAt.toISOString(),
          memberIds: [],
          by,
          summary: '',
          details: { date: r.plannedOn },
        });
      }
      if (r.status === 'held' && inWindow(r.updatedAt, from, to)) {
        events.push({
          id: eventId('evaluation', r.id, 'held'),
          kind: 'evaluation',
          type: 'evaluation.held',
          at: r.updatedAt.toISOString(),
          memberIds: [],
          by: null,
          summary: '',
          details: { date: r.heldOn, closesPlan: r.closesPlan },
        });
      }
    }
    return events;
  },
};
