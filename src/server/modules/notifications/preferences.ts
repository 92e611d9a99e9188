import { eq } from 'drizzle-orm';
import type {
  NotificationEmailChoice,
  NotificationPreferences,
  NotificationPreferencesPatch,
} from '../../../contracts/notifications.js';
import { notificationPreferences } from '../../db/schema/notifications.js';
import type { Scope } from '../../db/scope.js';
import { assertVersion } from '../../http/etag.js';

/** The caller's own e-mail choice; without a saved row it is `immediate` at version 0. */
export async function getPreferences(scope: Scope): Promise<NotificationPreferences> {
  const [row] = await scope.tx
    .select()
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, scope.actor.userId));
  return row
    ? { email: row.email as NotificationEmailChoice, version: row.version }
    : { email: 'immediate', version: 0 };
}

/**
 * Saves the caller's choice (If-Match: the version they saw). `updated_at` moves only when the choice changes:
 * a first daily digest counts notifications from that moment.
 */
export async function updatePreferences(
  scope: Scope,
  version: number,
  patch: NotificationPreferencesPatch,
): Promise<NotificationPreferences> {
  const current = await getPreferences(scope);
  assertVersion(version, current.version, current);
  if (current.version === 0) {
    const created = await scope.tx
      .insert(notificationPreferences)
      .values({ userId: scope.actor.userId, email: patch.email, version: 1, updatedAt: scope.now })
      .onConflictDoNothing()
      .returning({ userId: notificationPreferences.userId });
    // Saved at the same moment from another tab: the same 412 as any other stale version.
    if (created.length === 0) assertVersion(version, version + 1, await getPreferences(scope));
    return { email: patch.email, version: 1 };
  }
  const [row] = await scope.tx
    .update(notificationPreferences)
    .set({
      email: patch.email,
      version: current.version + 1,
      ...(patch.email !== current.email ? { updatedAt: scope.now } : {}),
    })
    .where(eq(notificationPreferences.userId, scope.actor.userId))
    .returning();
  return { email: row!.email as NotificationEmailChoice, version: row!.version };
}
