import { eq, ne, and } from 'drizzle-orm';
import type { ChangePasswordBody } from '../../../contracts/auth.js';
import { DomainError } from '../../../domain/shared/errors.js';
import type { Scope } from '../../db/scope.js';
import { sessions, users } from '../../db/schema/index.js';
import { assertAcceptablePassword, hashPassword, verifyPassword } from './passwords.js';

/** Changes one's own password; every other session of the user ends. */
export async function changePassword(
  scope: Scope,
  input: ChangePasswordBody,
  currentSessionId: string,
): Promise<void> {
  const [user] = await scope.tx.select().from(users).where(eq(users.id, scope.actor.userId));
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new DomainError('VALIDATION_FAILED', 'Your current password is not correct.', {
      fields: [{ path: 'currentPassword', message: 'Not correct.' }],
    });
  }
  assertAcceptablePassword(input.newPassword, { email: user.email, name: user.name }, 'newPassword');
  await scope.tx
    .update(users)
    .set({
      passwordHash: await hashPassword(input.newPassword),
      version: user.version + 1,
      updatedAt: scope.now,
    })
    .where(eq(users.id, user.id));
  await scope.tx.delete(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.id, currentSessionId)));
  scope.audit({
    objectType: 'user',
    objectId: user.id,
    action: 'update',
    basis: 'authentication',
    role: scope.actor.roles[0] ?? null,
  });
}
