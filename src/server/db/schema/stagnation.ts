import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations, regions, users } from './core.js';
import { households, members } from './households.js';
import { ts } from './columns.js';

/** A region's stagnation thresholds and escalation ladder (defaults from the domain core when absent). */
export const stagnationSettings = pgTable('stagnation_settings', {
  regionId: uuid('region_id')
    .primaryKey()
    .references(() => regions.id),
  consecutiveNoShows: smallint('consecutive_no_shows').notNull(),
  noContactDays: smallint('no_contact_days').notNull(),
  actionOverdueDays: smallint('action_overdue_days').notNull(),
  referralAnswerWorkingDays: smallint('referral_answer_working_days').notNull(),
  waitlistMaxWeeks: smallint('waitlist_max_weeks').notNull(),
  evaluationOverdueDays: smallint('evaluation_overdue_days').notNull(),
  agreedPlanDays: smallint('agreed_plan_days').notNull(),
  /** [{ level, workingDays }] in ladder order. */
  ladder: jsonb('ladder').notNull(),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** A report by hand: a partner (or, later, the household itself) says the chain is stuck. Insert-only. */
export const stagnationReports = pgTable(
  'stagnation_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    reason: text('reason').notNull(),
    description: text('description').notNull(),
    memberId: uuid('member_id').references(() => members.id),
    /** 'professional' now; 'household' when the household portal arrives (then reported_by_member_id is set). */
    source: text('source').notNull().default('professional'),
    reportedBy: uuid('reported_by').references(() => users.id),
    reportedByMemberId: uuid('reported_by_member_id').references(() => members.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('stagnation_reports_household_idx').on(t.householdId)],
);

/**
 * One stagnation: a cause (at most one unresolved per cause key, guaranteed by a unique partial index), what it
 * concerns, its escalation position, and how it ended. Resolved rows are kept for ever.
 */
export const stagnations = pgTable(
  'stagnations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    causeKey: text('cause_key').notNull(),
    kind: text('kind').notNull(),
    memberId: uuid('member_id').references(() => members.id),
    /** The organisation the stagnation is about (the one that does not deliver, or where the client drops out). */
    organisationId: uuid('organisation_id').references(() => organisations.id),
    /** The person at level 1: the partner professional involved (or the coordinator when no partner is). */
    partnerUserId: uuid('partner_user_id').references(() => users.id),
    /** For overdue actions: the assignee key (`user:<id>`, `organisation:<id>`, `member:<id>`). */
    assignee: text('assignee'),
    referralId: uuid('referral_id'),
    evaluationId: uuid('evaluation_id'),
    reportId: uuid('report_id').references(() => stagnationReports.id),
    since: ts('since').notNull(),
    evidenceAt: ts('evidence_at').notNull(),
    detectedAt: ts('detected_at').notNull(),
    status: text('status').notNull().default('open'),
    acknowledgedAt: ts('acknowledged_at'),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
    /** Index into the ladder of the current escalation step (0: the partner professional). */
    level: smallint('level').notNull().default(0),
    stepStartedAt: ts('step_started_at').notNull(),
    stepDeadline: ts('step_deadline'),
    resolutionType: text('resolution_type'),
    resolutionNote: text('resolution_note').notNull().default(''),
    resolvedAt: ts('resolved_at'),
    resolvedBy: uuid('resolved_by').references(() => users.id),
    autoResolvedReason: text('auto_resolved_reason'),
    version: integer('version').notNull().default(1),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('stagnations_one_unresolved_uq')
      .on(t.causeKey)
      .where(sql`${t.status} <> 'resolved'`),
    index('stagnations_household_idx').on(t.householdId, t.status),
    index('stagnations_region_open_idx')
      .on(t.regionId, t.stepDeadline)
      .where(sql`${t.status} <> 'resolved'`),
    index('stagnations_organisation_idx').on(t.organisationId),
  ],
);

/** What the coordinator (or partner) did to get the chain moving: contact, joint conversation, home visit. Insert-only. */
export const stagnationOutreach = pgTable(
  'stagnation_outreach',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stagnationId: uuid('stagnation_id')
      .notNull()
      .references(() => stagnations.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    type: text('type').notNull(),
    clientReasons: text('client_reasons').notNull().default(''),
    partnerReasons: text('partner_reasons').notNull().default(''),
    note: text('note').notNull().default(''),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: ts('recorded_at').notNull(),
  },
  (t) => [index('stagnation_outreach_stagnation_idx').on(t.stagnationId)],
);

/**
 * Every step of an escalation: who was notified at which level, when, by when they must act, and whether they
 * acknowledged. Never deleted; resolving the stagnation ends the open step.
 */
export const escalationSteps = pgTable(
  'escalation_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stagnationId: uuid('stagnation_id')
      .notNull()
      .references(() => stagnations.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    level: smallint('level').notNull(),
    levelKey: text('level_key').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    notifiedUserId: uuid('notified_user_id').references(() => users.id),
    /** For a contact without an account (a director, the alderman's office): name and address from the organisation. */
    notifiedName: text('notified_name').notNull().default(''),
    notifiedEmail: text('notified_email').notNull().default(''),
    /** 'opened' (detection), 'auto' (deadline passed), 'manual' (escalated by the coordinator). */
    trigger: text('trigger').notNull(),
    triggeredBy: uuid('triggered_by').references(() => users.id),
    /** The briefing sent: what was agreed, what is not delivered, what was tried. No names. */
    briefing: jsonb('briefing').notNull(),
    startedAt: ts('started_at').notNull(),
    deadline: ts('deadline'),
    acknowledgedAt: ts('acknowledged_at'),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
    endedAt: ts('ended_at'),
  },
  (t) => [
    index('escalation_steps_stagnation_idx').on(t.stagnationId, t.level),
    index('escalation_steps_notified_idx').on(t.notifiedUserId),
    uniqueIndex('escalation_steps_level_uq').on(t.stagnationId, t.level),
  ],
);

/** Sweep bookkeeping per region and pass: the watermark of the fast path and the figures of the last run. */
export const stagnationSweeps = pgTable('stagnation_sweeps', {
  name: text('name').primaryKey(),
  regionId: uuid('region_id')
    .notNull()
    .references(() => regions.id),
  watermark: ts('watermark'),
  lastStartedAt: ts('last_started_at'),
  lastFinishedAt: ts('last_finished_at'),
  lastDurationMs: integer('last_duration_ms'),
  households: integer('households').notNull().default(0),
  opened: integer('opened').notNull().default(0),
  resolved: integer('resolved').notNull().default(0),
  escalated: integer('escalated').notNull().default(0),
  runs: integer('runs').notNull().default(0),
});
