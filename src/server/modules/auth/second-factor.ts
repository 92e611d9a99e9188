import { createHmac, randomBytes } from 'node:crypto';
import { and, count, eq, isNull, lt, or } from 'drizzle-orm';
import type {
  RecoveryCodes,
  SecondFactorBody,
  SecondFactorStatus,
  TotpCodeBody,
  TotpSetup,
} from '../../../contracts/auth.js';
import {
  RECOVERY_CODE_BYTES,
  RECOVERY_CODE_COUNT,
  TOTP_SECRET_BYTES,
  normaliseRecoveryCode,
  otpauthUri,
  recoveryCodesFrom,
  totpSecretFrom,
  verifyTotp,
} from '../../../domain/auth/totp.js';
import { DomainError, ruleViolation } from '../../../domain/shared/errors.js';
import type { RequestMeta } from '../../access/actor.js';
import { type AuditEvent, appendAudit } from '../../audit/writer.js';
import type { Db, Tx } from '../../db/connect.js';
import { loginAttempts, recoveryCodes, sessions, users } from '../../db/schema/index.js';
import { assertNotThrottled } from './login.js';
import { type LoadedSession, createSession } from './session-store.js';

/**
 * The second factor (TOTP, RFC 6238) of the logged-in user: completing a login, setting it up, recovery codes,
 * switching it off. Every code check is throttled together with password attempts (login_attempts, per account
 * and per address), and every failed check is recorded there and in the audit trail (object `second_factor`,
 * basis `authentication`), in a transaction that commits before the error is answered.
 */

const wrongCode = () =>
  new DomainError('INVALID_SECOND_FACTOR', 'The code is not correct, or has been used already.');

/** Recovery codes are stored as an HMAC keyed by the user: equal codes of two users never share a hash. */
export const recoveryCodeHash = (userId: string, normalised: string) =>
  createHmac('sha256', userId).update(normalised).digest('hex');

type Outcome<T> = { ok: true; value: T } | { ok: false; error: DomainError };

/** Runs `fn` in a transaction that also commits when the step fails (to keep the failed attempt), then throws. */
async function attempt<T>(
  db: Db,
  session: LoadedSession,
  meta: RequestMeta,
  now: Date,
  fn: (tx: Tx, audit: (events: AuditEvent[]) => Promise<void>) => Promise<Outcome<T>>,
): Promise<T> {
  const { actor } = session;
  const result = await db.transaction((tx) =>
    fn(tx, (events) =>
      appendAudit(
        tx,
        {
          regionId: actor.regionId,
          userId: actor.userId,
          organisationId: actor.organisationId,
          clientAddress: meta.clientAddress,
          at: now,
        },
        events.map((e) => ({ role: actor.roles[0] ?? null, ...e })),
      ),
    ),
  );
  if (!result.ok) throw result.error;
  return result.value;
}

const event = (
  userId: string,
  objectType: 'second_factor' | 'recovery_code' | 'recovery_codes',
  action: 'login' | 'create' | 'remove',
  outcome: 'success' | 'failed' = 'success',
): AuditEvent => ({ objectType, objectId: userId, action, basis: 'authentication', outcome });

async function loadUser(tx: Tx, userId: string) {
  const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
  if (!user) throw new DomainError('UNAUTHENTICATED', 'Log in to continue.');
  return user;
}

/**
 * Checks a TOTP code for the user and, when right, claims its time step: the update only succeeds when the step is
 * later than the last one accepted, so a code works once even when two requests race.
 */
async function claimTotp(tx: Tx, user: typeof users.$inferSelect, code: string, now: Date): Promise<boolean> {
  if (!user.totpSecret) return false;
  const check = verifyTotp(user.totpSecret, code, now, user.totpLastStep);
  if (!check.ok) return false;
  const claimed = await tx
    .update(users)
    .set({ totpLastStep: check.step })
    .where(and(eq(users.id, user.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, check.step))))
    .returning({ id: users.id });
  return claimed.length === 1;
}

async function recordFailure(
  tx: Tx,
  session: LoadedSession,
  meta: RequestMeta,
  now: Date,
  audit: (events: AuditEvent[]) => Promise<void>,
): Promise<{ ok: false; error: DomainError }> {
  await tx.insert(loginAttempts).values({
    email: session.actor.email.toLowerCase(),
    clientAddress: meta.clientAddress ?? 'unknown',
    success: false,
    at: now,
  });
  await audit([event(session.actor.userId, 'second_factor', 'login', 'failed')]);
  return { ok: false, error: wrongCode() };
}

async function replaceRecoveryCodes(tx: Tx, userId: string, now: Date): Promise<string[]> {
  const codes = recoveryCodesFrom(randomBytes(RECOVERY_CODE_COUNT * RECOVERY_CODE_BYTES));
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(
    codes.map((c) => ({
      userId,
      codeHash: recoveryCodeHash(userId, normaliseRecoveryCode(c)!),
      createdAt: now,
    })),
  );
  return codes;
}

/** Ends the current session and starts a new one with the second factor given (a new id after the elevation). */
async function rotateToVerified(tx: Tx, session: LoadedSession, meta: RequestMeta, now: Date) {
  await tx.delete(sessions).where(eq(sessions.id, session.id));
  return createSession(tx, session.actor.userId, meta.clientAddress, now, 'verified');
}

/** Completes a login whose session waits for the second factor, with a TOTP code or a one-time recovery code. */
export async function completeSecondFactor(
  db: Db,
  session: LoadedSession,
  input: SecondFactorBody,
  meta: RequestMeta,
  now = new Date(),
) {
  await assertNotThrottled(db, session.actor.email.toLowerCase(), meta.clientAddress ?? 'unknown', now);
  return attempt(db, session, meta, now, async (tx, audit) => {
    const user = await loadUser(tx, session.actor.userId);
    if (!user.totpEnabledAt) return { ok: false, error: wrongCode() };
    if ('code' in input) {
      if (!(await claimTotp(tx, user, input.code, now))) return recordFailure(tx, session, meta, now, audit);
      await audit([event(user.id, 'second_factor', 'login')]);
    } else {
      const normalised = normaliseRecoveryCode(input.recoveryCode);
      const used = normalised
        ? await tx
            .update(recoveryCodes)
            .set({ usedAt: now })
            .where(
              and(
                eq(recoveryCodes.userId, user.id),
                eq(recoveryCodes.codeHash, recoveryCodeHash(user.id, normalised)),
                isNull(recoveryCodes.usedAt),
              ),
            )
            .returning({ id: recoveryCodes.id })
        : [];
      if (used.length !== 1) return recordFailure(tx, session, meta, now, audit);
      await audit([event(user.id, 'recovery_code', 'login')]);
    }
    return { ok: true, value: await rotateToVerified(tx, session, meta, now) };
  });
}

/** Starts setting up TOTP: a new secret, stored unconfirmed and shown this once. Refused when TOTP is on already. */
export async function setupTotp(db: Db, session: LoadedSession, now = new Date()): Promise<TotpSetup> {
  return db.transaction(async (tx) => {
    const user = await loadUser(tx, session.actor.userId);
    if (user.totpEnabledAt)
      throw new DomainError(
        'CONFLICT',
        'A second factor is set up already. Switch it off first to replace it.',
      );
    const secret = totpSecretFrom(randomBytes(TOTP_SECRET_BYTES));
    await tx
      .update(users)
      .set({ totpSecret: secret, totpLastStep: null, updatedAt: now })
      .where(eq(users.id, user.id));
    return { secret, otpauthUri: otpauthUri(secret, user.email) };
  });
}

/**
 * Confirms the secret with a code from the app: TOTP is on from now, the session counts as verified (with a new
 * id) and ten recovery codes are returned, this once.
 */
export async function confirmTotp(
  db: Db,
  session: LoadedSession,
  input: TotpCodeBody,
  meta: RequestMeta,
  now = new Date(),
) {
  await assertNotThrottled(db, session.actor.email.toLowerCase(), meta.clientAddress ?? 'unknown', now);
  return attempt(db, session, meta, now, async (tx, audit) => {
    const user = await loadUser(tx, session.actor.userId);
    if (user.totpEnabledAt)
      return { ok: false, error: new DomainError('CONFLICT', 'A second factor is set up already.') };
    if (!user.totpSecret)
      return { ok: false, error: ruleViolation('Start setting up the second factor first.') };
    if (!(await claimTotp(tx, user, input.code, now))) return recordFailure(tx, session, meta, now, audit);
    await tx.update(users).set({ totpEnabledAt: now, updatedAt: now }).where(eq(users.id, user.id));
    const codes = await replaceRecoveryCodes(tx, user.id, now);
    await audit([event(user.id, 'second_factor', 'create'), event(user.id, 'recovery_codes', 'create')]);
    return {
      ok: true,
      value: { recoveryCodes: codes, session: await rotateToVerified(tx, session, meta, now) },
    };
  });
}

/** New recovery codes (the old ones stop working), with a current code from the app. */
export async function regenerateRecoveryCodes(
  db: Db,
  session: LoadedSession,
  input: TotpCodeBody,
  meta: RequestMeta,
  now = new Date(),
): Promise<RecoveryCodes> {
  await assertNotThrottled(db, session.actor.email.toLowerCase(), meta.clientAddress ?? 'unknown', now);
  return attempt(db, session, meta, now, async (tx, audit) => {
    const user = await loadUser(tx, session.actor.userId);
    if (!user.totpEnabledAt)
      return { ok: false, error: ruleViolation('Set up a second factor before making recovery codes.') };
    if (!(await claimTotp(tx, user, input.code, now))) return recordFailure(tx, session, meta, now, audit);
    const codes = await replaceRecoveryCodes(tx, user.id, now);
    await audit([event(user.id, 'recovery_codes', 'create')]);
    return { ok: true, value: { recoveryCodes: codes } };
  });
}

/** Switches TOTP off, with a current code; refused for users who must use a second factor. */
export async function disableTotp(
  db: Db,
  session: LoadedSession,
  input: TotpCodeBody,
  meta: RequestMeta,
  now = new Date(),
): Promise<void> {
  if (session.secondFactorRequired)
    throw ruleViolation(
      'A second factor is required for your role or organisation; it cannot be switched off.',
    );
  await assertNotThrottled(db, session.actor.email.toLowerCase(), meta.clientAddress ?? 'unknown', now);
  return attempt(db, session, meta, now, async (tx, audit) => {
    const user = await loadUser(tx, session.actor.userId);
    if (!user.totpEnabledAt) return { ok: false, error: ruleViolation('No second factor is set up.') };
    if (!(await claimTotp(tx, user, input.code, now))) return recordFailure(tx, session, meta, now, audit);
    await tx
      .update(users)
      .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null, updatedAt: now })
      .where(eq(users.id, user.id));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    await tx.update(sessions).set({ secondFactor: 'none' }).where(eq(sessions.id, session.id));
    await audit([event(user.id, 'second_factor', 'remove')]);
    return { ok: true, value: undefined };
  });
}

export async function secondFactorStatus(db: Db, session: LoadedSession): Promise<SecondFactorStatus> {
  const [user] = await db
    .select({ enabledAt: users.totpEnabledAt })
    .from(users)
    .where(eq(users.id, session.actor.userId));
  const [left] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, session.actor.userId), isNull(recoveryCodes.usedAt)));
  return {
    enabled: Boolean(user?.enabledAt),
    enabledAt: user?.enabledAt?.toISOString() ?? null,
    required: session.secondFactorRequired,
    recoveryCodesLeft: left?.n ?? 0,
  };
}
