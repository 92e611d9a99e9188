import { bigserial, boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** NEN 7513 audit trail. Append-only (the app role may only SELECT and INSERT), hash-chained per region. */
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    regionId: uuid('region_id').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    userId: uuid('user_id'),
    onBehalfOf: uuid('on_behalf_of'),
    organisationId: uuid('organisation_id'),
    role: text('role'),
    householdId: uuid('household_id'),
    memberId: uuid('member_id'),
    objectType: text('object_type').notNull(),
    objectId: text('object_id'),
    action: text('action').notNull(),
    basis: text('basis').notNull(),
    emergency: boolean('emergency').notNull().default(false),
    /** The consents and sharing bases the access relied on (ids, comma separated), or null when none applied. */
    consent: text('consent'),
    outcome: text('outcome').notNull(),
    clientAddress: text('client_address'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_region_seq_idx').on(t.regionId, t.seq),
    index('audit_household_idx').on(t.householdId, t.seq),
    index('audit_user_idx').on(t.userId, t.seq),
  ],
);
