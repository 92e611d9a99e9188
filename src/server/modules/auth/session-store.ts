import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Role } from '../../../contracts/roles.js';
import { SESSION_ABSOLUTE_TIMEOUT_MS, needsTouch, sessionState } from '../../../domain/auth/session-rules.js';
import { secondFactorRequired } from '../../../domain/auth/totp.js';
import type { Actor } from '../../access/actor.js';
import type { Db, Tx } from '../../db/connect.js';
import { organisations, sessions, users } from '../../db/schema/index.js';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** `sessions.second_factor`: see the schema. */
export type SessionSecondFactor = 'none' | 'pending' | 'enrol' | 'verified';

export interface LoadedSession {
  id: string;
  csrfToken: string;
  expiresAt: Date;
  actor: Actor;
  secondFactor: SessionSecondFactor;
  totpEnabled: boolean;
  secondFactorRequired: boolean;
}

export async function createSession(
  tx: Tx | Db,
  userId: string,
  clientAddress: string | null,
  now: Date,
  secondFactor: SessionSecondFactor = 'none',
) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_TIMEOUT_MS);
  await tx.insert(sessions).values({
    id: hashToken(token),
    userId,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
    clientAddress,
    secondFactor,
  });
  return { token, csrfToken, expiresAt };
}

export async function deleteSession(db: Tx | Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, hashToken(token)));
}

export async function deleteSessionsOfUser(db: Tx | Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export type SessionLookup =
  { state: 'valid'; session: LoadedSession } | { state: 'expired' | 'missing' | 'disabled' };

/**
 * Loads a session with its user; ends it when expired (idle or absolute) or when the account is disabled.
 * A session without a second factor (`none`) whose user now needs one — the organisation started requiring it, or
 * the user got a role that requires it — moves to `enrol` (or `pending` when TOTP is already set up) at this very
 * request, so the change takes effect on the next request, not only at the next login.
 */
export async function loadSession(db: Db, token: string, now: Date): Promise<SessionLookup> {
  const id = hashToken(token);
  const rows = await db
    .select({
      id: sessions.id,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      userId: users.id,
      regionId: users.regionId,
      organisationId: users.organisationId,
      organisationName: organisations.name,
      name: users.name,
      email: users.email,
      roles: users.roles,
      active: users.active,
      secondFactor: sessions.secondFactor,
      totpEnabledAt: users.totpEnabledAt,
      organisationRequires: organisations.requireSecondFactor,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(sessions.id, id))
    .limit(1);
  const row = rows[0];
  if (!row) return { state: 'missing' };
  if (!row.active) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return { state: 'disabled' };
  }
  if (sessionState(row, now) === 'expired') {
    await db.delete(sessions).where(eq(sessions.id, id));
    return { state: 'expired' };
  }
  if (needsTouch(row.lastSeenAt, now)) {
    await db
      .update(sessions)
      .set({ lastSeenAt: now })
      .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)));
  }
  const roles = row.roles as Role[];
  const totpEnabled = row.totpEnabledAt !== null;
  const required = secondFactorRequired(roles, row.organisationRequires);
  let secondFactor = row.secondFactor as SessionSecondFactor;
  if (secondFactor === 'none' && required) {
    secondFactor = totpEnabled ? 'pending' : 'enrol';
    await db
      .update(sessions)
      .set({ secondFactor })
      .where(and(eq(sessions.id, id), eq(sessions.secondFactor, 'none')));
  }
  return {
    state: 'valid',
    session: {
      id,
      csrfToken: row.csrfToken,
      expiresAt: row.expiresAt,
      secondFactor,
      totpEnabled,
      secondFactorRequired: required,
      actor: {
        userId: row.userId,
        regionId: row.regionId,
        organisationId: row.organisationId,
        organisationName: row.organisationName,
        name: row.name,
        email: row.email,
        roles,
        secondFactor,
      },
    },
  };
}

/** Housekeeping: sessions past their absolute expiry. */
export async function purgeExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.delete(sessions).where(sql`${sessions.expiresAt} <= ${now}`);
}
