import { boolean, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations, users } from './core.js';
import { households, members } from './households.js';
import { ts } from './columns.js';

const day = (name: string) => date(name, { mode: 'string' });
const householdRef = () =>
  uuid('household_id')
    .notNull()
    .references(() => households.id);
const createdBy = () =>
  uuid('created_by')
    .notNull()
    .references(() => users.id);

/** One row per household with a plan: the version counter (a row lock serialises new versions) and the agreed version. */
export const plans = pgTable('plans', {
  householdId: uuid('household_id')
    .primaryKey()
    .references(() => households.id),
  currentVersion: integer('current_version').notNull().default(0),
  proposedVersion: integer('proposed_version'),
  agreedVersion: integer('agreed_version'),
  closedAt: ts('closed_at'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** A dated Zelfredzaamheid-Matrix assessment of one member; kept for ever (insert-only). Scores as JSON. */
export const assessments = pgTable(
  'assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: householdRef(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    assessedOn: day('assessed_on').notNull(),
    scores: jsonb('scores').notNull(),
    note: text('note').notNull().default(''),
    createdBy: createdBy(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('assessments_household_idx').on(t.householdId, t.assessedOn)],
);

/** The safety assessment for the children: seen only by the coordinator (row-level security too). Insert-only. */
export const safetyAssessments = pgTable(
  'safety_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: householdRef(),
    assessedOn: day('assessed_on').notNull(),
    childIds: jsonb('child_ids').notNull(),
    concerns: text('concerns').notNull(),
    protectiveFactors: text('protective_factors').notNull().default(''),
    riskLevel: text('risk_level').notNull(),
    createdBy: createdBy(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('safety_assessments_household_idx').on(t.householdId)],
);

export const helpQuestions = pgTable(
  'help_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: householdRef(),
    memberId: uuid('member_id').references(() => members.id),
    domain: text('domain').notNull(),
    text: text('text').notNull(),
    removedAt: ts('removed_at'),
    version: integer('version').notNull().default(1),
    createdBy: createdBy(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('help_questions_household_idx').on(t.householdId)],
);

export const goals = pgTable(
  'goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: householdRef(),
    text: text('text').notNull(),
    memberIds: jsonb('member_ids').$type<string[]>().notNull(),
    domains: jsonb('domains').$type<string[]>().notNull(),
    kind: text('kind').notNull(),
    successCriterion: text('success_criterion').notNull(),
    targetDate: day('target_date'),
    status: text('status').notNull(),
    version: integer('version').notNull().default(1),
    createdBy: createdBy(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('goals_household_idx').on(t.householdId)],
);

/**
 * An action under a goal. `assignee_user_id` / `assignee_organisation_id` are set for an assigned professional /
 * organisation, so that row-level security can let exactly them report on it.
 */
export const planActions = pgTable(
  'plan_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: householdRef(),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => goals.id),
    what: text('what').notNull(),
    assigneeKind: text('assignee_kind').notNull(),
    assigneeId: uuid('assignee_id').notNull(),
    assigneeUserId: uuid('assignee_user_id').references(() => users.id),
    assigneeOrganisationId: uuid('assignee_organisation_id').references(() => organisations.id),
    dueDate: day('due_date').notNull(),
    status: text('status').notNull(),
    blockedReason: text('blocked_reason').notNull().default(''),
    progressNote: text('progress_note').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdBy: createdBy(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('plan_actions_household_idx').on(t.householdId),
    index('plan_actions_assignee_user_idx').on(t.assigneeUserId),
    index('plan_actions_assignee_org_idx').on(t.assigneeOrganisationId),
  ],
);

export const evaluations = pgTable(
  'evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: householdRef(),
    plannedOn: day('planned_on').notNull(),
    participants: jsonb('participants').notNull(),
    status: text('status').notNull().default('planned'),
    heldOn: day('held_on'),
    decisions: jsonb('decisions').notNull().default([]),
    notes: text('notes').notNull().default(''),
    closesPlan: boolean('closes_plan').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdBy: createdBy(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('evaluations_household_idx').on(t.householdId, t.plannedOn)],
);

/** Every change of the plan makes a version: a snapshot of its content. Kept for ever. */
export const planVersions = pgTable(
  'plan_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: householdRef(),
    number: integer('number').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    createdBy: createdBy(),
    createdAt: ts('created_at').notNull().defaultNow(),
    proposedAt: ts('proposed_at'),
    agreedAt: ts('agreed_at'),
  },
  (t) => [uniqueIndex('plan_versions_household_number_uq').on(t.householdId, t.number)],
);

/** A member's agreement (in the app, or signed on paper) or an organisation's acknowledgement of a version. */
export const planAgreements = pgTable(
  'plan_agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: householdRef(),
    planVersionId: uuid('plan_version_id')
      .notNull()
      .references(() => planVersions.id),
    memberId: uuid('member_id').references(() => members.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    method: text('method').notNull(),
    signedOn: day('signed_on').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: ts('recorded_at').notNull().defaultNow(),
  },
  (t) => [
    index('plan_agreements_version_idx').on(t.planVersionId),
    uniqueIndex('plan_agreements_member_uq').on(t.planVersionId, t.memberId),
    uniqueIndex('plan_agreements_org_uq').on(t.planVersionId, t.organisationId),
  ],
);
