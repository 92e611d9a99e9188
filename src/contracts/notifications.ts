import { z } from 'zod';
import { Id } from './common.js';

/** What a notification is about. The text comes from the kind; notifications never carry case content. */
export const NOTIFICATION_KINDS = [
  'signal.received',
  'signal.overdue',
  'signal.passed_on',
  'household.assigned',
  'household.unassigned',
  'meldcode.opened',
  'stagnation.alert',
] as const;
export const NotificationKind = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const Notification = z.object({
  id: Id,
  kind: NotificationKind,
  link: z.string(),
  /** Short labels safe to show (a reference code, a household name for someone who may see it). */
  params: z.record(z.string(), z.string()),
  createdAt: z.string(),
  read: z.boolean(),
});
export type Notification = z.infer<typeof Notification>;
export const NotificationList = z.object({ items: z.array(Notification), unread: z.number().int() });
export const UnreadCount = z.object({ unread: z.number().int() });
