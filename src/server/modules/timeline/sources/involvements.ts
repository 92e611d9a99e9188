import { and, eq, gte, lt, or } from 'drizzle-orm';
import { involvements, organisations, users } from '../../../db/schema/index.js';
import type { TimelineEvent } from '../../../../contracts/timeline.js';
import { type TimelineSource, eventId } from '../registry.js';

/** An organisation's trajectory starting and ending in the household. */
export const involvementSource: TimelineSource = {
  name: 'involvements',
  kind: 'involvement',
  async load(scope, { householdId, from, to }) {
    const rows = await scope.tx
      .select({ i: involvements, userName: users.name, orgName: organisations.name })
      .from(involvements)
      .innerJoin(users, eq(users.id, involvements.userId))
      .innerJoin(organisations, eq(organisations.id, involvements.organisationId))
      .where(
        and(
          eq(involvements.householdId, householdId),
          or(
            and(gte(involvements.startedAt, from), lt(involvements.startedAt, to)),
            and(gte(involvements.endedAt, from), lt(involvements.endedAt, to)),
          ),
        ),
      );
    const events: TimelineEvent[] = [];
    for (const { i, userName, orgName } of rows) {
      const base = {
        kind: 'involvement' as const,
        memberIds: i.memberId ? [i.memberId] : [],
        by: { id: i.userId, name: userName },
        summary: i.description,
        details: { organisation: orgName, professional: userName, relation: i.relation, reason: i.endReason },
      };
      if (i.startedAt >= from && i.startedAt < to) {
        events.push({
          ...base,
          id: eventId('involvement', i.id, 'started'),
          type: 'involvement.started',
          at: i.startedAt.toISOString(),
        });
      }
      if (i.endedAt && i.endedAt >= from && i.endedAt < to) {
        events.push({
          ...base,
          id: eventId('involvement', i.id, 'ended'),
          type: 'involvement.ended',
          at: i.endedAt.toISOString(),
        });
      }
    }
    return events;
  },
};
