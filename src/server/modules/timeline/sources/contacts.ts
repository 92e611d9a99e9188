import { and, eq, gte, lt } from 'drizzle-orm';
import { organisations, users } from '../../../db/schema/core.js';
import { contacts } from '../../../db/schema/chain.js';
import { contactVisible } from '../../../../domain/privacy/shape.js';
import { type TimelineSource, eventId } from '../registry.js';

/** Appointments and contacts, at their (planned) time, with their outcome. */
export const contactSource: TimelineSource = {
  name: 'contacts',
  kind: 'contact',
  async load(scope, { householdId, from, to, viewer }) {
    const rows = await scope.tx
      .select({ c: contacts, proName: users.name, orgName: organisations.name })
      .from(contacts)
      .innerJoin(users, eq(users.id, contacts.professionalId))
      .innerJoin(organisations, eq(organisations.id, contacts.organisationId))
      .where(
        and(eq(contacts.householdId, householdId), gte(contacts.plannedAt, from), lt(contacts.plannedAt, to)),
      );
    return rows
      .filter(({ c }) => contactVisible(viewer, c))
      .map(({ c, proName, orgName }) => ({
        id: eventId('contact', c.id, c.status),
        kind: 'contact' as const,
        type: `contact.${c.status}`,
        at: c.plannedAt.toISOString(),
        memberIds: c.memberId ? [c.memberId] : [],
        by: { id: c.professionalId, name: proName },
        summary: c.note,
        details: { organisation: orgName, professional: proName },
      }));
  },
};
