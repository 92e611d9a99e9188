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
  'insights.read',
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
  /** Whether the user logs in with a second factor (TOTP). */
  totpEnabled: z.boolean(),
  /** Whether a second factor is required for this user (by role, or by the organisation's setting). */
  secondFactorRequired: z.boolean(),
});
export type Me = z.infer<typeof Me>;

/**
 * The second factor of this session: `none` (not needed), `required` (code still to enter), `enrol` (must set up a
 * second factor first), `verified`. In `required` and `enrol` only the auth endpoints answer; the rest is 403.
 */
export const SecondFactorState = z.enum(['none', 'required', 'enrol', 'verified']);
export type SecondFactorState = z.infer<typeof SecondFactorState>;

export const SessionInfo = z.object({
  user: Me,
  secondFactor: SecondFactorState,
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

/** A six-digit code from the authenticator app (spaces allowed, as apps show "123 456"). */
export const TotpCode = z.string().trim().min(6).max(12);
/** A one-time recovery code like `k7m2-9xqf`. */
export const RecoveryCode = z.string().trim().min(8).max(20);

export const SecondFactorBody = z.union([
  z.strictObject({ code: TotpCode }),
  z.strictObject({ recoveryCode: RecoveryCode }),
]);
export type SecondFactorBody = z.infer<typeof SecondFactorBody>;

export const TotpCodeBody = z.strictObject({ code: TotpCode });
export type TotpCodeBody = z.infer<typeof TotpCodeBody>;

/** A new, unconfirmed secret: shown once, while setting up; never returned again. */
export const TotpSetup = z.object({ secret: z.string(), otpauthUri: z.string() });
export type TotpSetup = z.infer<typeof TotpSetup>;

/** Ten one-time recovery codes, shown once; only their hashes are stored. */
export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof RecoveryCodes>;

export const TotpConfirmed = z.object({ recoveryCodes: z.array(z.string()), session: SessionInfo });
export type TotpConfirmed = z.infer<typeof TotpConfirmed>;

export const SecondFactorStatus = z.object({
  enabled: z.boolean(),
  enabledAt: z.string().nullable(),
  required: z.boolean(),
  recoveryCodesLeft: z.number().int(),
});
export type SecondFactorStatus = z.infer<typeof SecondFactorStatus>;
