import { and, desc, eq } from 'drizzle-orm';
import type { EscalationBriefing } from '../../../contracts/stagnation.js';
import { notFound } from '../../../domain/shared/errors.js';
import { organisations } from '../../db/schema/core.js';
import { escalationSteps } from '../../db/schema/stagnation.js';
import type { Scope } from '../../db/scope.js';

/**
 * What a person addressed at a level of the ladder sees: the briefing of the steps addressed to them, without the
 * household's identity (row-level security shows a step to its addressee; the household itself stays hidden).
 */
export async function myEscalations(scope: Scope): Promise<EscalationBriefing[]> {
  const rows = await scope.tx
    .select({ st: escalationSteps, orgName: organisations.name })
    .from(escalationSteps)
    .leftJoin(organisations, eq(organisations.id, escalationSteps.organisationId))
    .where(eq(escalationSteps.notifiedUserId, scope.actor.userId))
    .orderBy(desc(escalationSteps.startedAt))
    .limit(100);
  return rows.map(({ st, orgName }) => {
    const b = st.briefing as {
      kind: string;
      since: string;
      agreed: string;
      notDelivered: string;
      tried: string[];
    };
    return {
      id: st.id,
      levelKey: st.levelKey as EscalationBriefing['levelKey'],
      organisation: orgName,
      kind: b.kind as EscalationBriefing['kind'],
      since: b.since,
      agreed: b.agreed,
      notDelivered: b.notDelivered,
      tried: b.tried,
      deadline: st.deadline?.toISOString() ?? null,
      acknowledgedAt: st.acknowledgedAt?.toISOString() ?? null,
      resolved: st.endedAt !== null,
    };
  });
}

/** The addressee confirms they have seen the escalation and will act. */
export async function acknowledgeStep(scope: Scope, stepId: string): Promise<void> {
  const [st] = await scope.tx
    .select()
    .from(escalationSteps)
    .where(and(eq(escalationSteps.id, stepId), eq(escalationSteps.notifiedUserId, scope.actor.userId)));
  if (!st) throw notFound('escalation');
  if (!st.acknowledgedAt)
    await scope.tx
      .update(escalationSteps)
      .set({ acknowledgedAt: scope.now, acknowledgedBy: scope.actor.userId })
      .where(eq(escalationSteps.id, stepId));
  scope.audit({
    objectType: 'escalation_step',
    objectId: stepId,
    householdId: st.householdId,
    action: 'update',
    basis: 'escalation_addressee',
    role: scope.actor.roles[0] ?? null,
  });
}
