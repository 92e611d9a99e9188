import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { organisations, regions, users } from './core.js';
import { households, involvements, members } from './households.js';
import { ts } from './columns.js';

/** The directory of services: what each organisation offers, maintained by its managers. Not household data. */
export const services = pgTable(
  'services',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    description: text('description').notNull().default(''),
    eligibility: text('eligibility').notNull().default(''),
    capacity: integer('capacity'),
    waitingDays: integer('waiting_days'),
    contactName: text('contact_name').notNull().default(''),
    contactEmail: text('contact_email').notNull().default(''),
    contactPhone: text('contact_phone').notNull().default(''),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('services_organisation_idx').on(t.organisationId),
    uniqueIndex('services_org_name_uq').on(t.organisationId, sql`lower(${t.name})`),
  ],
);

/**
 * A referral of a member (or the whole household) to a service, in a closed loop. The client_* columns are the
 * only household information the receiving organisation sees before the client has arrived.
 */
export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    memberId: uuid('member_id').references(() => members.id),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    receivingOrganisationId: uuid('receiving_organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The household's coordinator when the referral was made (household_access rows carry it). */
    coordinatorId: uuid('coordinator_id')
      .notNull()
      .references(() => users.id),
    senderId: uuid('sender_id')
      .notNull()
      .references(() => users.id),
    senderOrganisationId: uuid('sender_organisation_id')
      .notNull()
      .references(() => organisations.id),
    status: text('status').notNull(),
    question: text('question').notNull(),
    clientName: text('client_name').notNull(),
    clientDateOfBirth: date('client_date_of_birth', { mode: 'string' }),
    clientPhone: text('client_phone').notNull().default(''),
    receiverId: uuid('receiver_id').references(() => users.id),
    involvementId: uuid('involvement_id').references(() => involvements.id),
    expectedStart: date('expected_start', { mode: 'string' }),
    reason: text('reason').notNull().default(''),
    sentAt: ts('sent_at'),
    startedAt: ts('started_at'),
    closedAt: ts('closed_at'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('referrals_household_idx').on(t.householdId),
    index('referrals_receiving_idx').on(t.receivingOrganisationId, t.status),
    uniqueIndex('referrals_one_open_uq')
      .on(
        t.householdId,
        sql`coalesce(${t.memberId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
        t.serviceId,
      )
      .where(sql`${t.status} in ('draft', 'sent', 'received', 'accepted', 'waitlisted', 'started')`),
  ],
);

/** Every step of every referral: who moved it from which status to which, when, and why. Insert-only. */
export const referralSteps = pgTable(
  'referral_steps',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    receivingOrganisationId: uuid('receiving_organisation_id')
      .notNull()
      .references(() => organisations.id),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    note: text('note').notNull().default(''),
    byId: uuid('by_id')
      .notNull()
      .references(() => users.id),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [
    index('referral_steps_referral_idx').on(t.referralId, t.id),
    index('referral_steps_household_idx').on(t.householdId, t.at),
  ],
);

/** Contacts with household members: appointments and what became of them. */
export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    memberId: uuid('member_id').references(() => members.id),
    professionalId: uuid('professional_id')
      .notNull()
      .references(() => users.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    referralId: uuid('referral_id').references(() => referrals.id),
    plannedAt: ts('planned_at').notNull(),
    status: text('status').notNull(),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('contacts_household_idx').on(t.householdId, t.plannedAt)],
);

/** A warm handover from one involvement to the next: joint meeting, handover letter, early-warning plan. */
export const handovers = pgTable(
  'handovers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    fromInvolvementId: uuid('from_involvement_id')
      .notNull()
      .references(() => involvements.id),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    meetingAt: ts('meeting_at'),
    meetingPlace: text('meeting_place').notNull().default(''),
    meetingHeld: boolean('meeting_held').notNull().default(false),
    summary: text('summary').notNull().default(''),
    warningSigns: text('warning_signs').notNull().default(''),
    whatToDo: text('what_to_do').notNull().default(''),
    whomToCall: text('whom_to_call').notNull().default(''),
    crisisAgreements: text('crisis_agreements').notNull().default(''),
    status: text('status').notNull(),
    endReason: text('end_reason').notNull().default(''),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    completedAt: ts('completed_at'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('handovers_household_idx').on(t.householdId)],
);

/**
 * Verwijsindex-style notices: "organisation X is now also involved with this member; reach them at …".
 * Only the fact of involvement and how to reach each other, never case content.
 */
export const involvementNotices = pgTable(
  'involvement_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    memberId: uuid('member_id').references(() => members.id),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => users.id),
    /** The other party's involvement the notice is about. */
    involvementId: uuid('involvement_id')
      .notNull()
      .references(() => involvements.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    readAt: ts('read_at'),
  },
  (t) => [index('involvement_notices_recipient_idx').on(t.recipientId, t.readAt)],
);
