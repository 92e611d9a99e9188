import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations, regions, users } from './core.js';
import { ts } from './columns.js';

export const households = pgTable(
  'households',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    name: text('name').notNull(),
    street: text('street').notNull().default(''),
    houseNumber: text('house_number').notNull().default(''),
    postcode: text('postcode').notNull().default(''),
    city: text('city').notNull().default(''),
    pyramidCategory: smallint('pyramid_category'),
    coordinatorId: uuid('coordinator_id').references(() => users.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('households_coordinator_idx').on(t.coordinatorId)],
);

/**
 * The access index row-level security is built on: one row per professional with a relation to a household.
 * `coordinator_id` is denormalised so that the table's own policy needs no sub-query (no policy cycles).
 */
export const householdAccess = pgTable(
  'household_access',
  {
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    relation: text('relation').notNull(),
    coordinatorId: uuid('coordinator_id').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.householdId, t.userId] }),
    index('household_access_user_idx').on(t.userId),
    index('household_access_coordinator_idx').on(t.coordinatorId),
  ],
);

export const involvements = pgTable(
  'involvements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    relation: text('relation').notNull(),
    description: text('description').notNull().default(''),
    startedAt: ts('started_at').notNull().defaultNow(),
    endedAt: ts('ended_at'),
    /** Chain: the service (trajectory) and member this involvement is for, and why it ended. */
    serviceId: uuid('service_id'),
    memberId: uuid('member_id'),
    status: text('status').notNull().default('active'),
    endReason: text('end_reason').notNull().default(''),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('involvements_household_idx').on(t.householdId)],
);

export const members = pgTable(
  'members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    name: text('name').notNull(),
    dateOfBirth: date('date_of_birth', { mode: 'string' }),
    role: text('role').notNull(),
    lvb: boolean('lvb').notNull().default(false),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    preferredLanguage: text('preferred_language').notNull().default('nl'),
    removedAt: ts('removed_at'),
    removedBy: uuid('removed_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('members_household_idx').on(t.householdId)],
);

export const networkContacts = pgTable(
  'network_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    name: text('name').notNull(),
    relation: text('relation').notNull(),
    quality: text('quality').notNull(),
    phone: text('phone').notNull().default(''),
    note: text('note').notNull().default(''),
    removedAt: ts('removed_at'),
    removedBy: uuid('removed_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('network_contacts_household_idx').on(t.householdId)],
);

/** Every earlier version of a household record: nothing is lost by an edit or a removal. Insert-only. */
export const recordHistory = pgTable(
  'record_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    recordType: text('record_type').notNull(),
    recordId: uuid('record_id').notNull(),
    version: integer('version').notNull(),
    change: text('change').notNull(),
    data: jsonb('data').notNull(),
    changedBy: uuid('changed_by')
      .notNull()
      .references(() => users.id),
    changedAt: ts('changed_at').notNull().defaultNow(),
  },
  (t) => [index('record_history_household_idx').on(t.householdId, t.changedAt)],
);
