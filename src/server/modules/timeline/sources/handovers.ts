import { and, eq, gte, lt, or } from 'drizzle-orm';
import { users } from '../../../db/schema/core.js';
import { handovers, referrals, services } from '../../../db/schema/chain.js';
import type { TimelineEvent } from '../../../../contracts/timeline.js';
import { type TimelineSource, eventId } from '../registry.js';

/** Warm handovers: planned, the joint meeting, and completed. */
export const handoverSource: TimelineSource = {
  name: 'handovers',
  kind: 'handover',
  async load(scope, { householdId, from, to }) {
    const inWindow = (d: Date | null): d is Date => !!d && d >= from && d < to;
    const rows = await scope.tx
      .select({ h: handovers, byName: users.name, serviceName: services.name, memberId: referrals.memberId })
      .from(handovers)
      .innerJoin(referrals, eq(referrals.id, handovers.referralId))
      .innerJoin(services, eq(services.id, referrals.serviceId))
      .innerJoin(users, eq(users.id, handovers.createdBy))
      .where(
        and(
          eq(handovers.householdId, householdId),
          or(
            and(gte(handovers.createdAt, from), lt(handovers.createdAt, to)),
            and(gte(handovers.meetingAt, from), lt(handovers.meetingAt, to)),
            and(gte(handovers.completedAt, from), lt(handovers.completedAt, to)),
          ),
        ),
      );
    const events: TimelineEvent[] = [];
    for (const { h, byName, serviceName, memberId } of rows) {
      const base = {
        kind: 'handover' as const,
        memberIds: memberId ? [memberId] : [],
        by: { id: h.createdBy, name: byName },
        details: { service: serviceName, handoverId: h.id },
      };
      if (inWindow(h.createdAt))
        events.push({
          ...base,
          id: eventId('handover', h.id, 'planned'),
          type: 'handover.planned',
          at: h.createdAt.toISOString(),
          summary: '',
        });
      if (inWindow(h.meetingAt))
        events.push({
          ...base,
          id: eventId('handover', h.id, 'meeting'),
          type: 'handover.meeting',
          at: h.meetingAt.toISOString(),
          summary: h.meetingPlace,
        });
      if (inWindow(h.completedAt))
        events.push({
          ...base,
          id: eventId('handover', h.id, 'completed'),
          type: 'handover.completed',
          at: h.completedAt.toISOString(),
          summary: h.endReason,
        });
    }
    return events;
  },
};
