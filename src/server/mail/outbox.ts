import { and, asc, eq, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { Db, Tx } from '../db/connect.js';
import { mailOutbox } from '../db/schema/notifications.js';
import type { MailSettings } from './settings.js';
import type { MailText } from './templates.js';

export const MAX_ATTEMPTS = 5;

/** Queues an e-mail in the caller's transaction: it is sent only if the change it announces commits. */
export async function enqueueMail(tx: Tx, to: string, text: MailText, now: Date): Promise<void> {
  if (!to) return;
  await tx
    .insert(mailOutbox)
    .values({ toAddress: to, subject: text.subject, body: text.body, createdAt: now });
}

/**
 * Sends queued e-mail. Rows are claimed with FOR UPDATE SKIP LOCKED, so several app instances can run this at
 * once without sending twice. Without SMTP_URL, queued mail is marked `skipped` (logged once per mailer).
 */
export class Mailer {
  private transport: Transporter | null = null;
  private warned = false;

  constructor(
    private readonly db: Db,
    private readonly settings: MailSettings,
    private readonly log: Pick<FastifyBaseLogger, 'info' | 'warn'>,
  ) {
    if (settings.smtpUrl) this.transport = nodemailer.createTransport(settings.smtpUrl);
  }

  async deliverPending(
    now = new Date(),
    batch = 20,
  ): Promise<{ sent: number; failed: number; skipped: number }> {
    const result = { sent: 0, failed: 0, skipped: 0 };
    if (!this.transport) {
      const skipped = await this.db
        .update(mailOutbox)
        .set({ status: 'skipped' })
        .where(eq(mailOutbox.status, 'pending'))
        .returning({ id: mailOutbox.id });
      result.skipped = skipped.length;
      if (!this.warned && skipped.length > 0) {
        this.warned = true;
        this.log.warn('SMTP_URL is not set: e-mail is not sent (notifications stay in the app)');
      }
      return result;
    }
    await this.db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(mailOutbox)
        .where(eq(mailOutbox.status, 'pending'))
        .orderBy(asc(mailOutbox.createdAt))
        .limit(batch)
        .for('update', { skipLocked: true });
      for (const row of rows) {
        try {
          await this.transport!.sendMail({
            from: this.settings.from,
            to: row.toAddress,
            subject: row.subject,
            text: row.body,
          });
          await tx
            .update(mailOutbox)
            .set({ status: 'sent', sentAt: now, attempts: row.attempts + 1 })
            .where(eq(mailOutbox.id, row.id));
          result.sent += 1;
        } catch (err) {
          const attempts = row.attempts + 1;
          await tx
            .update(mailOutbox)
            .set({
              attempts,
              status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
              lastError: String(err).slice(0, 500),
            })
            .where(and(eq(mailOutbox.id, row.id)));
          result.failed += 1;
          this.log.warn({ mailId: row.id, attempts }, 'sending e-mail failed');
        }
      }
    });
    return result;
  }

  /** Queued e-mail not yet sent (for health checks and tests). */
  async pendingCount(): Promise<number> {
    const [row] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(mailOutbox)
      .where(eq(mailOutbox.status, 'pending'));
    return row?.n ?? 0;
  }

  close(): void {
    this.transport?.close();
  }
}
