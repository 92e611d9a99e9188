import { and, eq, gte, lt, or } from 'drizzle-orm';
import type { TimelineEvent } from '../../../contracts/timeline.js';
import { signals } from '../../db/schema/signals.js';
import { type TimelineSource, eventId } from '../timeline/registry.js';

/**
 * Signals about the household on its timeline: received and decided. Row-level security shows them to the
 * household's coordinator only (partners see nothing from this source). No content: the reference code and
 * urgency or outcome only.
 */
export const signalSource: TimelineSource = {
  name: 'signals',
  kind: 'signal',
  async load(scope, { householdId, from, to }) {
    const rows = await scope.tx
      .select()
      .from(signals)
      .where(
        and(
          eq(signals.householdId, householdId),
          or(
            and(gte(signals.receivedAt, from), lt(signals.receivedAt, to)),
            and(gte(signals.decidedAt, from), lt(signals.decidedAt, to)),
          ),
        ),
      );
    const events: TimelineEvent[] = [];
    for (const r of rows) {
      if (r.receivedAt >= from && r.receivedAt < to) {
        events.push({
          id: eventId('signals', r.id, 'received'),
          kind: 'signal',
          type: 'signal.received',
          at: r.receivedAt.toISOString(),
          memberIds: [],
          by: null,
          summary: r.referenceCode,
          details: { code: r.referenceCode, urgency: r.urgency },
        });
      }
      if (r.decidedAt && r.decidedAt >= from && r.decidedAt < to) {
        events.push({
          id: eventId('signals', r.id, 'decided'),
          kind: 'signal',
          type: 'signal.decided',
          at: r.decidedAt.toISOString(),
          memberIds: [],
          by: null,
          summary: r.referenceCode,
          details: { code: r.referenceCode, outcome: r.outcome },
        });
      }
    }
    return events;
  },
};
