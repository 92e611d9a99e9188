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
  'consent.withdrawn',
  'emergency.started',
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

/** E-mail about notifications: none (in the app only), one per notification, or one a day with the number. */
export const EMAIL_CHOICES = ['off', 'immediate', 'daily_digest'] as const;
export const NotificationEmailChoice = z.enum(EMAIL_CHOICES);
export type NotificationEmailChoice = z.infer<typeof NotificationEmailChoice>;
/** Your own choice; `version` 0 until you first save (the default is `immediate`). Also sent as the ETag. */
export const NotificationPreferences = z.object({
  email: NotificationEmailChoice,
  version: z.number().int(),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;
export const NotificationPreferencesPatch = z.strictObject({ email: NotificationEmailChoice });
export type NotificationPreferencesPatch = z.infer<typeof NotificationPreferencesPatch>;
