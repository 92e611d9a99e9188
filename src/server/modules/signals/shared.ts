import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { SignalStatus, SignalSummary, TriageOutcome, Urgency } from '../../../contracts/signals.js';
import { isOverdue } from '../../../domain/signals/deadline.js';
import { referenceCode } from '../../../domain/signals/reference-code.js';
import type { Tx } from '../../db/connect.js';
import { users } from '../../db/schema/core.js';
import { signalReceipts, signals } from '../../db/schema/signals.js';
import { enqueueMail } from '../../mail/outbox.js';
import { absoluteLink, mailSettings } from '../../mail/settings.js';
import { signallerMail } from '../../mail/templates.js';
import { notify } from '../notifications/notify.js';

export type SignalRow = typeof signals.$inferSelect;

export const codeHash = (code: string) => createHash('sha256').update(code.toUpperCase()).digest('hex');
export const newReferenceCode = () => referenceCode(randomBytes(8));
export const newId = () => randomUUID();

export function toSummary(r: SignalRow, now: Date): SignalSummary {
  return {
    id: r.id,
    referenceCode: r.referenceCode,
    source: r.source as SignalSummary['source'],
    subjectName: r.subjectName,
    urgency: r.urgency as Urgency,
    status: r.status as SignalStatus,
    receivedAt: r.receivedAt.toISOString(),
    dueAt: r.dueAt.toISOString(),
    overdue: isOverdue({ dueAt: r.dueAt, decidedAt: r.decidedAt }, now),
    outcome: (r.outcome as TriageOutcome | null) ?? null,
  };
}

/** The status page link in e-mails: without the code (the e-mail states the code separately). */
export const STATUS_PATH = '/melden/status';

/** Records the status the signaller sees, and e-mails them when they left an address. */
export async function publishStatus(
  tx: Tx,
  signal: { referenceCode: string; signallerEmail: string },
  status: SignalStatus,
  now: Date,
): Promise<void> {
  await tx
    .update(signalReceipts)
    .set({ status, updatedAt: now })
    .where(eq(signalReceipts.codeHash, codeHash(signal.referenceCode)));
  if (signal.signallerEmail) {
    await enqueueMail(
      tx,
      signal.signallerEmail,
      signallerMail(status, signal.referenceCode, absoluteLink(mailSettings(), STATUS_PATH)),
      now,
    );
  }
}

/** The region's active process managers and intake coordinators: who triages. */
export async function processManagersOf(tx: Tx, regionId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.regionId, regionId),
        eq(users.active, true),
        sql`${users.roles} && array['process_manager','intake_coordinator']::text[]`,
      ),
    );
  return rows.map((r) => r.id);
}

/** Tells the region's process managers a signal arrived (urgent ones by e-mail too). */
export async function announceSignal(
  tx: Tx,
  regionId: string,
  signal: { id: string; referenceCode: string; urgency: string },
  now: Date,
): Promise<void> {
  await notify(
    { tx, now },
    {
      recipients: await processManagersOf(tx, regionId),
      kind: 'signal.received',
      link: `/triage/${signal.id}`,
      params: { code: signal.referenceCode, urgency: signal.urgency },
      email: signal.urgency === 'urgent',
    },
  );
}

export { signals, signalReceipts };
