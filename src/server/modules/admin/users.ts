import { and, eq, sql } from 'drizzle-orm';
import type { Professional, User, UserCreate, UserPatch } from '../../../contracts/admin.js';
import type { OrganisationType, Role } from '../../../contracts/roles.js';
import { PROFESSIONAL_ROLES } from '../../../domain/access/catalogue.js';
import { DomainError, notFound } from '../../../domain/shared/errors.js';
import { requireAccess } from '../../access/require-access.js';
import { byName } from '../../db/order.js';
import type { Scope } from '../../db/scope.js';
import { organisations, sessions, users } from '../../db/schema/index.js';
import { assertVersion } from '../../http/etag.js';
import { assertAcceptablePassword, hashPassword } from '../auth/passwords.js';

const userColumns = {
  id: users.id,
  organisationId: users.organisationId,
  organisationName: organisations.name,
  name: users.name,
  email: users.email,
  phone: users.phone,
  roles: users.roles,
  fte: users.fte,
  active: users.active,
  version: users.version,
};

type UserRow = Awaited<ReturnType<typeof selectUsers>>[number];

const toUser = (r: UserRow): User => ({
  ...r,
  roles: r.roles as Role[],
  fte: r.fte === null ? null : Number(r.fte),
});

function selectUsers(scope: Scope) {
  return scope.tx
    .select(userColumns)
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.regionId, scope.actor.regionId))
    .$dynamic();
}

async function assertOrganisation(scope: Scope, id: string) {
  const [org] = await scope.tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.id, id), eq(organisations.regionId, scope.actor.regionId)));
  if (!org) {
    throw new DomainError('VALIDATION_FAILED', 'Unknown organisation.', {
      fields: [{ path: 'organisationId', message: 'Unknown organisation.' }],
    });
  }
}

async function assertEmailFree(scope: Scope, email: string, exceptId?: string) {
  const clash = await scope.tx
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  if (clash.some((c) => c.id !== exceptId)) {
    throw new DomainError('EMAIL_TAKEN', 'This e-mail address is already in use.', {
      fields: [{ path: 'email', message: 'Already in use.' }],
    });
  }
}

function assertFte(roles: readonly string[], fte: number | null | undefined) {
  if (roles.includes('coordinator') && (fte === null || fte === undefined)) {
    throw new DomainError('VALIDATION_FAILED', 'A coordinator needs an FTE (for the caseload norm).', {
      fields: [{ path: 'fte', message: 'Required for coordinators.' }],
    });
  }
}

export async function listUsers(scope: Scope): Promise<User[]> {
  requireAccess(scope, 'user.manage');
  const rows = await selectUsers(scope).orderBy(byName(users.name));
  return rows.map(toUser);
}

export async function getUser(scope: Scope, id: string): Promise<User> {
  requireAccess(scope, 'user.manage');
  const [row] = await selectUsers(scope).where(
    and(eq(users.regionId, scope.actor.regionId), eq(users.id, id)),
  );
  if (!row) throw notFound('user');
  return toUser(row);
}

export async function createUser(
  scope: Scope,
  input: UserCreate & { phone: string; fte: number | null },
): Promise<User> {
  requireAccess(scope, 'user.manage');
  await assertOrganisation(scope, input.organisationId);
  await assertEmailFree(scope, input.email);
  assertFte(input.roles, input.fte);
  assertAcceptablePassword(input.password, { email: input.email, name: input.name });
  const roles = [...new Set(input.roles)];
  const [row] = await scope.tx
    .insert(users)
    .values({
      regionId: scope.actor.regionId,
      organisationId: input.organisationId,
      name: input.name,
      email: input.email,
      phone: input.phone,
      roles,
      fte: input.fte,
      passwordHash: await hashPassword(input.password),
      createdAt: scope.now,
      updatedAt: scope.now,
    })
    .returning({ id: users.id });
  scope.audit({
    objectType: 'user',
    objectId: row!.id,
    action: 'create',
    basis: 'administration',
    role: 'administrator',
  });
  return getUser(scope, row!.id);
}

/** Updates an account. Disabling it, or setting a new password, ends all of its sessions at once. */
export async function updateUser(
  scope: Scope,
  id: string,
  expectedVersion: number,
  patch: UserPatch,
): Promise<User> {
  requireAccess(scope, 'user.manage');
  const current = await getUser(scope, id);
  assertVersion(expectedVersion, current.version, current);
  if (patch.organisationId) await assertOrganisation(scope, patch.organisationId);
  if (patch.email) await assertEmailFree(scope, patch.email, id);
  const roles = patch.roles ? [...new Set(patch.roles)] : current.roles;
  assertFte(roles, patch.fte !== undefined ? patch.fte : current.fte);
  if (
    id === scope.actor.userId &&
    (patch.active === false || (patch.roles && !roles.includes('administrator')))
  ) {
    throw new DomainError(
      'RULE_VIOLATION',
      'You cannot disable yourself or remove your own administrator role.',
    );
  }
  if (patch.password !== undefined) {
    assertAcceptablePassword(patch.password, {
      email: patch.email ?? current.email,
      name: patch.name ?? current.name,
    });
  }
  const [row] = await scope.tx
    .update(users)
    .set({
      ...(patch.organisationId ? { organisationId: patch.organisationId } : {}),
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.email !== undefined ? { email: patch.email } : {}),
      ...(patch.phone !== undefined ? { phone: patch.phone } : {}),
      ...(patch.roles ? { roles } : {}),
      ...(patch.fte !== undefined ? { fte: patch.fte } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
      ...(patch.password !== undefined ? { passwordHash: await hashPassword(patch.password) } : {}),
      version: current.version + 1,
      updatedAt: scope.now,
    })
    .where(and(eq(users.id, id), eq(users.version, current.version)))
    .returning({ id: users.id });
  if (!row) throw new DomainError('STALE_VERSION', 'Someone else changed this in the meantime.', { current });
  if (patch.active === false || patch.password !== undefined) {
    await scope.tx.delete(sessions).where(eq(sessions.userId, id));
  }
  scope.audit({
    objectType: 'user',
    objectId: id,
    action: 'update',
    basis: 'administration',
    role: 'administrator',
  });
  return getUser(scope, id);
}

/** The directory of active professionals in the region (work contact details only). */
export async function listProfessionals(scope: Scope): Promise<Professional[]> {
  const rows = await scope.tx
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      phone: users.phone,
      roles: users.roles,
      orgId: organisations.id,
      orgName: organisations.name,
      orgType: organisations.type,
      orgActive: organisations.active,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(
      and(
        eq(users.regionId, scope.actor.regionId),
        eq(users.active, true),
        eq(organisations.active, true),
        sql`${users.roles} && ${sql.raw(`ARRAY[${PROFESSIONAL_ROLES.map((r) => `'${r}'`).join(',')}]::text[]`)}`,
      ),
    )
    .orderBy(byName(organisations.name), byName(users.name));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    phone: r.phone,
    roles: r.roles as Role[],
    organisation: { id: r.orgId, name: r.orgName, type: r.orgType as OrganisationType },
  }));
}
