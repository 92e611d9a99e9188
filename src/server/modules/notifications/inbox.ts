import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Notification, NotificationKind } from '../../../contracts/notifications.js';
import { notFound } from '../../../domain/shared/errors.js';
import { notifications } from '../../db/schema/notifications.js';
import type { Scope } from '../../db/scope.js';

/** The caller's own inbox (row-level security shows no one else's): the latest 50 and the unread count. */
export async function listInbox(scope: Scope): Promise<{ items: Notification[]; unread: number }> {
  const rows = await scope.tx
    .select()
    .from(notifications)
    .where(eq(notifications.userId, scope.actor.userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(50);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind as NotificationKind,
      link: r.link,
      params: r.params as Record<string, string>,
      createdAt: r.createdAt.toISOString(),
      read: r.readAt !== null,
    })),
    unread: await unreadCount(scope),
  };
}

export async function unreadCount(scope: Scope): Promise<number> {
  const [row] = await scope.tx
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, scope.actor.userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

export async function markRead(scope: Scope, id: string): Promise<void> {
  const rows = await scope.tx
    .update(notifications)
    .set({ readAt: scope.now })
    .where(and(eq(notifications.id, id), eq(notifications.userId, scope.actor.userId)))
    .returning({ id: notifications.id });
  if (rows.length === 0) throw notFound('notification');
}

export async function markAllRead(scope: Scope): Promise<void> {
  await scope.tx
    .update(notifications)
    .set({ readAt: scope.now })
    .where(and(eq(notifications.userId, scope.actor.userId), isNull(notifications.readAt)));
}
