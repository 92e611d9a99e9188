import { date, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './core.js';
import { households } from './households.js';
import { ts } from './columns.js';

/** The in-app inbox. A notification names a kind and a link, never case content. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    link: text('link').notNull(),
    params: jsonb('params').notNull().default({}),
    householdId: uuid('household_id').references(() => households.id),
    createdAt: ts('created_at').notNull(),
    readAt: ts('read_at'),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);

/**
 * E-mail waiting to be sent, written in the same transaction as the change it announces; a worker sends it
 * (FOR UPDATE SKIP LOCKED, safe with several instances). Bodies carry a link only, never case content.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: ts('created_at').notNull(),
    sentAt: ts('sent_at'),
  },
  (t) => [index('mail_outbox_pending_idx').on(t.status, t.createdAt)],
);

/**
 * How a professional wants notifications by e-mail: `off` (in the app only), `immediate` (one e-mail per
 * notification) or `daily_digest` (one e-mail a day with the number of new ones). No row means `immediate`.
 * `updated_at` is when the choice was last changed: a first digest counts notifications from then on.
 */
export const notificationPreferences = pgTable('notification_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  email: text('email').notNull().default('immediate'),
  version: integer('version').notNull().default(1),
  updatedAt: ts('updated_at').notNull(),
});

/**
 * One row per user and (Amsterdam) date a daily digest was made, written before its e-mail is queued in the same
 * transaction: the primary key makes a second digest for the same day impossible, also with several instances.
 * `covered_until` is the end of the counted window (the next digest counts from there); `count` may be 0 (then no
 * e-mail is sent).
 */
export const notificationDigests = pgTable(
  'notification_digests',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    digestDate: date('digest_date', { mode: 'string' }).notNull(),
    coveredUntil: ts('covered_until').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.digestDate] })],
);
