import { sql } from 'drizzle-orm';
import {
  bigserial,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations, regions, users } from './core.js';
import { households } from './households.js';
import { ts } from './columns.js';

/** A signal (melding, aanmelding) about a person or household, from a professional or from anyone through the public form. */
export const signals = pgTable(
  'signals',
  {
    id: uuid('id').primaryKey(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    referenceCode: text('reference_code').notNull(),
    source: text('source').notNull(),
    submittedBy: uuid('submitted_by').references(() => users.id),
    signallerName: text('signaller_name').notNull(),
    signallerEmail: text('signaller_email').notNull().default(''),
    signallerPhone: text('signaller_phone').notNull().default(''),
    subjectName: text('subject_name').notNull(),
    subjectDateOfBirth: date('subject_date_of_birth', { mode: 'string' }),
    subjectStreet: text('subject_street').notNull().default(''),
    subjectHouseNumber: text('subject_house_number').notNull().default(''),
    subjectPostcode: text('subject_postcode').notNull().default(''),
    subjectCity: text('subject_city').notNull().default(''),
    concern: text('concern').notNull(),
    urgency: text('urgency').notNull(),
    householdId: uuid('household_id').references(() => households.id),
    status: text('status').notNull().default('received'),
    receivedAt: ts('received_at').notNull(),
    dueAt: ts('due_at').notNull(),
    outcome: text('outcome'),
    pyramidCategory: smallint('pyramid_category'),
    reasons: text('reasons').notNull().default(''),
    referredOrganisationId: uuid('referred_organisation_id').references(() => organisations.id),
    dominantProblem: text('dominant_problem'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: ts('decided_at'),
    overdueNotifiedAt: ts('overdue_notified_at'),
    /** The referred organisation (regular route) acknowledged it picked the signal up. */
    pickedUpAt: ts('picked_up_at'),
    pickedUpBy: uuid('picked_up_by').references(() => users.id),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('signals_reference_code_uq').on(t.referenceCode),
    index('signals_queue_idx').on(t.regionId, t.decidedAt, t.dueAt),
    index('signals_household_idx').on(t.householdId),
    index('signals_referred_idx').on(t.referredOrganisationId),
  ],
);

/**
 * What the signaller may look up with their reference code: only the status. Kept apart from `signals` (no
 * household data, keyed by a hash of the code) so a lookup without an account never touches case data.
 */
export const signalReceipts = pgTable('signal_receipts', {
  codeHash: text('code_hash').primaryKey(),
  status: text('status').notNull(),
  receivedAt: ts('received_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

/** Submissions through the public form per client address, for its rate limit (purged after a day). */
export const publicSignalAttempts = pgTable(
  'public_signal_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    clientAddress: text('client_address').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [index('public_signal_attempts_addr_idx').on(t.clientAddress, t.at)],
);

/** Every coordinator a household had: assigned, switched (with the reason), over the norm (with the reason). */
export const coordinatorAssignments = pgTable(
  'coordinator_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    coordinatorId: uuid('coordinator_id')
      .notNull()
      .references(() => users.id),
    fromAt: ts('from_at').notNull(),
    toAt: ts('to_at'),
    reason: text('reason').notNull().default(''),
    overNormReason: text('over_norm_reason').notNull().default(''),
    assignedBy: uuid('assigned_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    index('coordinator_assignments_household_idx').on(t.householdId, t.fromAt),
    index('coordinator_assignments_coordinator_idx').on(t.coordinatorId),
  ],
);

/** The household's voice in who coordinates (001 §3.4): a preferred coordinator, people they do not want (000). */
export const householdPreferences = pgTable('household_preferences', {
  householdId: uuid('household_id')
    .primaryKey()
    .references(() => households.id),
  preferredUserId: uuid('preferred_user_id').references(() => users.id),
  notWantedUserIds: uuid('not_wanted_user_ids')
    .array()
    .notNull()
    .default(sql`'{}'::uuid[]`),
  note: text('note').notNull().default(''),
  updatedBy: uuid('updated_by')
    .notNull()
    .references(() => users.id),
  updatedAt: ts('updated_at').notNull(),
});

/** A meldcode path (domestic violence and child abuse) for a household. */
export const meldcodeCases = pgTable(
  'meldcode_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    signalId: uuid('signal_id').references(() => signals.id),
    status: text('status').notNull().default('open'),
    openedBy: uuid('opened_by')
      .notNull()
      .references(() => users.id),
    openedAt: ts('opened_at').notNull(),
    closedAt: ts('closed_at'),
    reportedOn: date('reported_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('meldcode_cases_household_idx').on(t.householdId)],
);

/** Each recording of a meldcode step. Insert-only: a step recorded again adds a row, the earlier one stays. */
export const meldcodeSteps = pgTable(
  'meldcode_steps',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => meldcodeCases.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    step: smallint('step').notNull(),
    data: jsonb('data').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: ts('recorded_at').notNull(),
  },
  (t) => [index('meldcode_steps_case_idx').on(t.caseId, t.id)],
);
