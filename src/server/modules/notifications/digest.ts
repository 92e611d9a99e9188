import { and, eq, gt, lte, max, sql } from 'drizzle-orm';
import { digestDecision } from '../../../domain/notifications/digest.js';
import type { Db } from '../../db/connect.js';
import { users } from '../../db/schema/core.js';
import {
  notificationDigests,
  notificationPreferences,
  notifications,
} from '../../db/schema/notifications.js';
import { enqueueMail } from '../../mail/outbox.js';
import { absoluteLink, mailSettings, type MailSettings } from '../../mail/settings.js';
import { digestMail } from '../../mail/templates.js';

/** Where the digest e-mail points: the inbox. */
export const INBOX_PATH = '/notifications';

/**
 * The daily digest job: for every active user who chose `daily_digest` and whose digest is due at `now` (07:00
 * Amsterdam, see `digestDecision`), one transaction as that user (row-level security shows only their own inbox)
 * that records the digest for the date and queues ONE e-mail with the number of new notifications and a link to
 * the inbox — no case content. The (user, date) primary key, inserted before the e-mail is queued, makes it safe
 * to run often and from several instances at once: a second run the same day sends nothing. Returns the number of
 * e-mails queued (a digest with 0 new notifications is recorded but not mailed).
 */
export async function runDailyDigests(
  db: Db,
  now: Date = new Date(),
  settings: MailSettings = mailSettings(),
): Promise<number> {
  const candidates = await db
    .select({ userId: users.id })
    .from(notificationPreferences)
    .innerJoin(users, eq(users.id, notificationPreferences.userId))
    .where(and(eq(notificationPreferences.email, 'daily_digest'), eq(users.active, true)));
  let queued = 0;
  for (const { userId } of candidates) {
    queued += await db.transaction(async (tx) => {
      await tx.execute(
        sql`select set_config('schakel.actor', ${userId}, true), set_config('schakel.purpose', 'care', true)`,
      );
      const [pref] = await tx
        .select({
          email: notificationPreferences.email,
          updatedAt: notificationPreferences.updatedAt,
          to: users.email,
        })
        .from(notificationPreferences)
        .innerJoin(users, eq(users.id, notificationPreferences.userId))
        .where(eq(notificationPreferences.userId, userId));
      if (!pref || pref.email !== 'daily_digest') return 0;
      const [last] = await tx
        .select({ until: max(notificationDigests.coveredUntil) })
        .from(notificationDigests)
        .where(eq(notificationDigests.userId, userId));
      const lastUntil = last?.until ? new Date(last.until) : null;
      const since = lastUntil && lastUntil > pref.updatedAt ? lastUntil : pref.updatedAt;
      const decision = digestDecision(now, since);
      if (!decision.due) return 0;
      const [counted] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(notifications)
        .where(
          and(
            eq(notifications.userId, userId),
            gt(notifications.createdAt, decision.from),
            lte(notifications.createdAt, now),
          ),
        );
      const count = counted?.n ?? 0;
      const recorded = await tx
        .insert(notificationDigests)
        .values({ userId, digestDate: decision.date, coveredUntil: now, count })
        .onConflictDoNothing()
        .returning({ userId: notificationDigests.userId });
      if (recorded.length === 0 || count === 0) return 0;
      await enqueueMail(tx, pref.to, digestMail(count, absoluteLink(settings, INBOX_PATH)), now);
      return 1;
    });
  }
  return queued;
}
