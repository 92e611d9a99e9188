import { and, eq, gt, sql } from 'drizzle-orm';
import type { LoginBody } from '../../../contracts/auth.js';
import { LOGIN_WINDOW_MS, loginBlocked } from '../../../domain/auth/session-rules.js';
import { DomainError } from '../../../domain/shared/errors.js';
import type { RequestMeta } from '../../access/actor.js';
import { appendAudit } from '../../audit/writer.js';
import type { Db } from '../../db/connect.js';
import type { Role } from '../../../contracts/roles.js';
import { sessionSecondFactorAtLogin } from '../../../domain/auth/totp.js';
import { loginAttempts, organisations, users } from '../../db/schema/index.js';
import { verifyPassword } from './passwords.js';
import { createSession, deleteSession } from './session-store.js';

/**
 * Logs a professional in. Throttled per account and per address over a window; the answer for an unknown
 * e-mail and a wrong password is the same; a disabled account is only reported after a correct password.
 * A new session id is issued at every login, and the session the browser had is ended.
 * The new session's second factor: `pending` when the user has TOTP, `enrol` when one is required (role or
 * organisation) but not set up yet, otherwise `none` (see domain/auth/totp.ts).
 */
export async function login(
  db: Db,
  input: LoginBody,
  meta: RequestMeta,
  previousToken: string | undefined,
  now = new Date(),
) {
  const email = input.email.toLowerCase();
  const address = meta.clientAddress ?? 'unknown';
  await assertNotThrottled(db, email, address, now);
  const found = await db
    .select({ user: users, organisationRequires: organisations.requireSecondFactor })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(sql`lower(${users.email}) = ${email}`)
    .limit(1);
  const user = found[0]?.user;
  const valid = await verifyPassword(user?.passwordHash ?? null, input.password);
  return db
    .transaction(async (tx) => {
      const audit = (outcome: 'success' | 'failed' | 'denied') =>
        appendAudit(
          tx,
          {
            regionId: user?.regionId ?? '',
            userId: user?.id ?? null,
            organisationId: user?.organisationId ?? null,
            clientAddress: meta.clientAddress,
            at: now,
          },
          [{ objectType: 'session', action: 'login', basis: 'authentication', outcome }],
        );
      if (!user || !valid) {
        await tx.insert(loginAttempts).values({ email, clientAddress: address, success: false, at: now });
        if (user) await audit('failed');
        return {
          ok: false as const,
          error: new DomainError('INVALID_CREDENTIALS', 'E-mail address or password is not correct.'),
        };
      }
      if (!user.active) {
        await audit('denied');
        return {
          ok: false as const,
          error: new DomainError(
            'ACCOUNT_DISABLED',
            'This account has been disabled. Contact your administrator.',
          ),
        };
      }
      await tx.insert(loginAttempts).values({ email, clientAddress: address, success: true, at: now });
      if (previousToken) await deleteSession(tx, previousToken);
      const secondFactor = sessionSecondFactorAtLogin(
        { totpEnabled: user.totpEnabledAt !== null, roles: user.roles as Role[] },
        found[0]!.organisationRequires,
      );
      const session = await createSession(tx, user.id, meta.clientAddress, now, secondFactor);
      await audit('success');
      return { ok: true as const, session, userId: user.id };
    })
    .then((r) => {
      if (!r.ok) throw r.error;
      return r;
    });
}

/** Failed attempts (password or second factor) over the window, per account and per address: 429 when too many. */
export async function assertNotThrottled(db: Db, email: string, address: string, now: Date): Promise<void> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const [failures] = await db
    .select({
      account: sql<number>`count(*) filter (where ${loginAttempts.email} = ${email})::int`,
      address: sql<number>`count(*) filter (where ${loginAttempts.clientAddress} = ${address})::int`,
    })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.success, false), gt(loginAttempts.at, since)));
  if (loginBlocked(failures ?? { account: 0, address: 0 })) {
    throw new DomainError('TOO_MANY_ATTEMPTS', 'Too many failed attempts. Wait 15 minutes and try again.', {
      retryAfterSeconds: Math.ceil(LOGIN_WINDOW_MS / 1000),
    });
  }
}
