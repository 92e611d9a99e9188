import { and, eq, gte, lt } from 'drizzle-orm';
import { recordHistory, users } from '../../../db/schema/index.js';
import { type TimelineSource, eventId } from '../registry.js';

/** Changes to the household's own records (household, members, network contacts), from record_history. */
export const recordHistorySource: TimelineSource = {
  name: 'record_history',
  kind: 'record',
  async load(scope, { householdId, from, to }) {
    const rows = await scope.tx
      .select({ h: recordHistory, byName: users.name })
      .from(recordHistory)
      .innerJoin(users, eq(users.id, recordHistory.changedBy))
      .where(
        and(
          eq(recordHistory.householdId, householdId),
          gte(recordHistory.changedAt, from),
          lt(recordHistory.changedAt, to),
        ),
      );
    return rows.map(({ h, byName }) => {
      const data = h.data as Record<string, unknown>;
      const name = typeof data.name === 'string' ? data.name : '';
      return {
        id: eventId('record', h.id, `${h.recordType}.${h.change}`),
        kind: 'record' as const,
        type: `${h.recordType}.${h.change}`,
        at: h.changedAt.toISOString(),
        memberIds: h.recordType === 'member' ? [h.recordId] : [],
        by: { id: h.changedBy, name: byName },
        summary: name,
        details: { recordId: h.recordId, version: h.version },
      };
    });
  },
};
