import { z } from 'zod';
import { Email, Id } from './common.js';
import { Role } from './roles.js';

export const LoginBody = z.strictObject({
  email: Email,
  password: z.string().min(1).max(256),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const GLOBAL_PERMISSIONS = [
  'household.register',
  'organisation.manage',
  'user.manage',
  'audit.read',
  'record.restore',
  'service.manage',
  'signal.submit',
  'signal.triage',
  'signal.passed_on',
  'coordinator.assign',
  'stagnation.worklist',
  'stagnation.board',
  'stagnation.settings',
  'emergency.request',
  'emergency.review',
] as const;
export const GlobalPermission = z.enum(GLOBAL_PERMISSIONS);
export type GlobalPermission = z.infer<typeof GlobalPermission>;

export const Me = z.object({
  id: Id,
  name: z.string(),
  email: z.string(),
  roles: z.array(Role),
  organisation: z.object({ id: Id, name: z.string() }),
  permissions: z.array(GlobalPermission),
});
export type Me = z.infer<typeof Me>;

export const SessionInfo = z.object({
  user: Me,
  csrfToken: z.string(),
  idleTimeoutSeconds: z.number().int(),
  expiresAt: z.string(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().max(256),
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;
