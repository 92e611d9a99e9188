import { and, eq, gte, lt } from 'drizzle-orm';
import { users } from '../../../db/schema/core.js';
import { referralSteps, referrals, services } from '../../../db/schema/chain.js';
import { type TimelineSource, eventId } from '../registry.js';

/** Every step of every referral of the household (sent, accepted, waitlisted, started, …). */
export const referralSource: TimelineSource = {
  name: 'referrals',
  kind: 'referral',
  async load(scope, { householdId, from, to }) {
    const rows = await scope.tx
      .select({
        s: referralSteps,
        byName: users.name,
        memberId: referrals.memberId,
        clientName: referrals.clientName,
        serviceName: services.name,
        expectedStart: referrals.expectedStart,
      })
      .from(referralSteps)
      .innerJoin(referrals, eq(referrals.id, referralSteps.referralId))
      .innerJoin(services, eq(services.id, referrals.serviceId))
      .innerJoin(users, eq(users.id, referralSteps.byId))
      .where(
        and(
          eq(referralSteps.householdId, householdId),
          gte(referralSteps.at, from),
          lt(referralSteps.at, to),
        ),
      );
    return rows
      .filter(({ s }) => s.action !== 'create')
      .map(({ s, byName, memberId, clientName, serviceName, expectedStart }) => ({
        id: eventId('referral', s.id, s.action),
        kind: 'referral' as const,
        type: `referral.${s.action}`,
        at: s.at.toISOString(),
        memberIds: memberId ? [memberId] : [],
        by: { id: s.byId, name: byName },
        summary: s.note,
        details: { referralId: s.referralId, service: serviceName, client: clientName, expectedStart },
      }));
  },
};
