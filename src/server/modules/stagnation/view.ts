import { and, asc, eq, inArray, ne, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { EscalationStep, Outreach, Stagnation } from '../../../contracts/stagnation.js';
import { type LadderStep, ESCALATION_LEVELS } from '../../../domain/stagnation/settings.js';
import type { Tx } from '../../db/connect.js';
import { organisations, users } from '../../db/schema/core.js';
import { households, members } from '../../db/schema/households.js';
import {
  escalationSteps,
  stagnationOutreach,
  stagnationReports,
  stagnations,
} from '../../db/schema/stagnation.js';

const reporter = alias(users, 'reporter');

/** Stagnations with what the coordinator needs to see, filtered by `where` (row-level security filters again). */
export async function selectStagnations(tx: Tx, where: SQL | undefined) {
  return tx
    .select({
      s: stagnations,
      householdName: households.name,
      coordinatorId: households.coordinatorId,
      memberName: members.name,
      organisationName: organisations.name,
      reportReason: stagnationReports.reason,
      reportDescription: stagnationReports.description,
      reporterName: reporter.name,
    })
    .from(stagnations)
    .innerJoin(households, eq(households.id, stagnations.householdId))
    .leftJoin(members, eq(members.id, stagnations.memberId))
    .leftJoin(organisations, eq(organisations.id, stagnations.organisationId))
    .leftJoin(stagnationReports, eq(stagnationReports.id, stagnations.reportId))
    .leftJoin(reporter, eq(reporter.id, stagnationReports.reportedBy))
    .where(where);
}
export type StagnationSelection = Awaited<ReturnType<typeof selectStagnations>>[number];

export function toStagnation(
  r: StagnationSelection,
  ladder: readonly LadderStep[],
  actorId: string,
  now: Date,
): Stagnation {
  const s = r.s;
  const resolved = s.status === 'resolved';
  const coordinator = r.coordinatorId === actorId;
  const can: Stagnation['can'] = [];
  if (coordinator && !resolved) {
    if (s.status === 'open') can.push('acknowledge');
    can.push('outreach', 'resolve');
    if (s.level < ladder.length - 1) can.push('escalate');
  }
  return {
    id: s.id,
    household: { id: s.householdId, name: r.householdName },
    kind: s.kind as Stagnation['kind'],
    report:
      r.reportReason !== null
        ? {
            reason: r.reportReason as NonNullable<Stagnation['report']>['reason'],
            description: r.reportDescription ?? '',
            reportedBy: r.reporterName ?? '',
          }
        : null,
    member: s.memberId && r.memberName ? { id: s.memberId, name: r.memberName } : null,
    organisation:
      s.organisationId && r.organisationName ? { id: s.organisationId, name: r.organisationName } : null,
    subject: null,
    since: s.since.toISOString(),
    detectedAt: s.detectedAt.toISOString(),
    status: s.status as Stagnation['status'],
    level: s.level,
    levelKey: ladder[s.level]?.level ?? ESCALATION_LEVELS[Math.min(s.level, ESCALATION_LEVELS.length - 1)]!,
    nextDeadline: resolved || !s.stepDeadline ? null : s.stepDeadline.toISOString(),
    overdue: !resolved && s.stepDeadline !== null && s.stepDeadline < now,
    resolutionType: (s.resolutionType as Stagnation['resolutionType']) ?? null,
    resolutionNote: s.resolutionNote,
    autoResolvedReason: s.autoResolvedReason,
    resolvedAt: s.resolvedAt?.toISOString() ?? null,
    version: s.version,
    can,
  };
}

export async function stepsOf(tx: Tx, stagnationId: string): Promise<EscalationStep[]> {
  const rows = await tx
    .select({ st: escalationSteps, orgName: organisations.name })
    .from(escalationSteps)
    .leftJoin(organisations, eq(organisations.id, escalationSteps.organisationId))
    .where(eq(escalationSteps.stagnationId, stagnationId))
    .orderBy(asc(escalationSteps.level));
  return rows.map(({ st, orgName }) => ({
    id: st.id,
    level: st.level,
    levelKey: st.levelKey as EscalationStep['levelKey'],
    notified: { name: st.notifiedName, organisation: orgName },
    trigger: st.trigger as EscalationStep['trigger'],
    startedAt: st.startedAt.toISOString(),
    deadline: st.deadline?.toISOString() ?? null,
    acknowledgedAt: st.acknowledgedAt?.toISOString() ?? null,
    endedAt: st.endedAt?.toISOString() ?? null,
  }));
}

export async function outreachOf(tx: Tx, stagnationId: string): Promise<Outreach[]> {
  const rows = await tx
    .select({ o: stagnationOutreach, byName: users.name })
    .from(stagnationOutreach)
    .innerJoin(users, eq(users.id, stagnationOutreach.recordedBy))
    .where(eq(stagnationOutreach.stagnationId, stagnationId))
    .orderBy(asc(stagnationOutreach.recordedAt));
  return rows.map(({ o, byName }) => ({
    id: o.id,
    type: o.type as Outreach['type'],
    clientReasons: o.clientReasons,
    partnerReasons: o.partnerReasons,
    note: o.note,
    recordedBy: { id: o.recordedBy, name: byName },
    recordedAt: o.recordedAt.toISOString(),
  }));
}

export const openOnly = ne(stagnations.status, 'resolved');
export { and, eq, inArray };
