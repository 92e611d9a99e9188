import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './core.js';
import { households } from './households.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

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
