import { inArray } from 'drizzle-orm';
import type { NotificationKind } from '../../../contracts/notifications.js';
import { users } from '../../db/schema/core.js';
import { notificationPreferences, notifications } from '../../db/schema/notifications.js';
import type { Tx } from '../../db/connect.js';
import { enqueueMail } from '../../mail/outbox.js';
import { absoluteLink, mailSettings } from '../../mail/settings.js';
import { professionalMail } from '../../mail/templates.js';

export interface NotifyInput {
  /** User ids; duplicates and inactive accounts are skipped. */
  recipients: readonly string[];
  kind: NotificationKind;
  /** An app path such as `/triage/<id>`; the e-mail carries it as an absolute link. */
  link: string;
  /** Short labels for the in-app text (e.g. a reference code). Never case content: they may be shown in lists. */
  params?: Record<string, string>;
  householdId?: string | null;
  /** Also e-mail each recipient (default true), as far as their own choice allows (off / immediate / daily digest). The e-mail holds the link only. */
  email?: boolean;
}

/**
 * Notifies professionals: one inbox row each (the bell in the header) and, unless `email: false`, an e-mail with
 * only a link, queued in the same transaction (sent by the mail worker after commit). Reusable by any capability,
 * e.g. stagnation alerts: `await notify(scope, { recipients: [coordinatorId], kind: 'stagnation.alert', link: `/households/${id}` })`.
 * Call it after your own `requireAccess`; it does not check permissions itself. Takes a `Scope` (or, for the
 * public form, which has no actor, a transaction and "now").
 */
export async function notify(scope: { tx: Tx; now: Date }, input: NotifyInput): Promise<number> {
  const ids = [...new Set(input.recipients)];
  if (ids.length === 0) return 0;
  const people = await scope.tx
    .select({ id: users.id, email: users.email, active: users.active })
    .from(users)
    .where(inArray(users.id, ids));
  const active = people.filter((p) => p.active);
  if (active.length === 0) return 0;
  await scope.tx.insert(notifications).values(
    active.map((p) => ({
      userId: p.id,
      kind: input.kind,
      link: input.link,
      params: input.params ?? {},
      householdId: input.householdId ?? null,
      createdAt: scope.now,
    })),
  );
  if (input.email !== false) {
    // Each recipient's choice: `off` and `daily_digest` get no e-mail now (the digest job counts the inbox rows).
    const choices = await scope.tx
      .select({ userId: notificationPreferences.userId, email: notificationPreferences.email })
      .from(notificationPreferences)
      .where(
        inArray(
          notificationPreferences.userId,
          active.map((p) => p.id),
        ),
      );
    const choice = new Map(choices.map((c) => [c.userId, c.email]));
    const text = professionalMail(input.kind, absoluteLink(mailSettings(), input.link));
    for (const p of active) {
      if ((choice.get(p.id) ?? 'immediate') !== 'immediate') continue;
      await enqueueMail(scope.tx, p.email, text, scope.now);
    }
  }
  return active.length;
}
