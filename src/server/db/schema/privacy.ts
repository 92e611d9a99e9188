import { date, index, jsonb, pgTable, text, uuid, integer } from 'drizzle-orm/pg-core';
import { organisations, regions, users } from './core.js';
import { households, members } from './households.js';
import { services } from './chain.js';
import { ts } from './columns.js';

/**
 * Consent (instemming) of one household member for one organisation: which data categories, for which purpose,
 * given by whom (the member, and/or a parent or guardian), in which form, until when. Withdrawal is a column,
 * never a delete: the record of what was relied on stays readable.
 */
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    categories: jsonb('categories').$type<string[]>().notNull(),
    purpose: text('purpose').notNull(),
    serviceId: uuid('service_id').references(() => services.id),
    givenBy: jsonb('given_by').$type<{ kind: string; name: string }[]>().notNull(),
    givenOn: date('given_on', { mode: 'string' }).notNull(),
    form: text('form').notNull(),
    witness: text('witness').notNull().default(''),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    withdrawnAt: ts('withdrawn_at'),
    withdrawnBy: uuid('withdrawn_by').references(() => users.id),
    withdrawalNote: text('withdrawal_note').notNull().default(''),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('consents_household_idx').on(t.householdId),
    index('consents_org_idx').on(t.organisationId, t.householdId),
  ],
);

/**
 * The legal basis of a case (`scope = 'case'`: Wmo 2015, Jeugdwet, the coordination task) or of one sharing
 * without consent (`scope = 'sharing'`: meldrecht, a child's safety) with the recipient organisation, the data
 * categories shared and the written justification.
 */
export const legalBases = pgTable(
  'legal_bases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    scope: text('scope').notNull(),
    ground: text('ground').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    memberId: uuid('member_id').references(() => members.id),
    categories: jsonb('categories').$type<string[]>().notNull().default([]),
    justification: text('justification').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }),
    endedAt: ts('ended_at'),
    endedBy: uuid('ended_by').references(() => users.id),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('legal_bases_household_idx').on(t.householdId),
    index('legal_bases_org_idx').on(t.organisationId, t.householdId),
  ],
);

/** Emergency access (noodknop): time-limited, with a reason, reviewed by the privacy officer. */
export const emergencyAccesses = pgTable(
  'emergency_accesses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    reason: text('reason').notNull(),
    startedAt: ts('started_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    endedAt: ts('ended_at'),
    reviewStatus: text('review_status').notNull().default('pending'),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: ts('reviewed_at'),
    reviewNote: text('review_note').notNull().default(''),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('emergency_accesses_actor_idx').on(t.userId, t.householdId, t.expiresAt),
    index('emergency_accesses_review_idx').on(t.regionId, t.reviewStatus, t.startedAt),
    index('emergency_accesses_household_idx').on(t.householdId, t.startedAt),
  ],
);

/** One-time recovery codes for the second factor; only a hash is stored. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    codeHash: text('code_hash').notNull(),
    usedAt: ts('used_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);
