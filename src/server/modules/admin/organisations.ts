import { and, eq, sql } from 'drizzle-orm';
import type { Organisation, OrganisationInput, OrganisationPatch } from '../../../contracts/admin.js';
import type { OrganisationType } from '../../../contracts/roles.js';
import { DomainError, notFound } from '../../../domain/shared/errors.js';
import { requireAccess } from '../../access/require-access.js';
import { byName } from '../../db/order.js';
import type { Scope } from '../../db/scope.js';
import { organisations } from '../../db/schema/index.js';
import { assertVersion } from '../../http/etag.js';

type Row = typeof organisations.$inferSelect;

export function toOrganisation(r: Row): Organisation {
  return {
    id: r.id,
    name: r.name,
    type: r.type as OrganisationType,
    email: r.email,
    phone: r.phone,
    address: r.address,
    manager: { name: r.managerName, email: r.managerEmail },
    director: { name: r.directorName, email: r.directorEmail },
    active: r.active,
    requireSecondFactor: r.requireSecondFactor,
    version: r.version,
  };
}

function columns(input: OrganisationPatch) {
  return {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.type !== undefined ? { type: input.type } : {}),
    ...(input.email !== undefined ? { email: input.email } : {}),
    ...(input.phone !== undefined ? { phone: input.phone } : {}),
    ...(input.address !== undefined ? { address: input.address } : {}),
    ...(input.manager !== undefined
      ? { managerName: input.manager.name, managerEmail: input.manager.email }
      : {}),
    ...(input.director !== undefined
      ? { directorName: input.director.name, directorEmail: input.director.email }
      : {}),
    ...(input.active !== undefined ? { active: input.active } : {}),
    ...(input.requireSecondFactor !== undefined ? { requireSecondFactor: input.requireSecondFactor } : {}),
  };
}

async function assertNameFree(scope: Scope, name: string, exceptId?: string) {
  const clash = await scope.tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(
        eq(organisations.regionId, scope.actor.regionId),
        sql`lower(${organisations.name}) = ${name.toLowerCase()}`,
      ),
    );
  if (clash.some((c) => c.id !== exceptId)) {
    throw new DomainError('NAME_TAKEN', 'An organisation with this name already exists.', {
      fields: [{ path: 'name', message: 'Already in use.' }],
    });
  }
}

/** Every professional may see the region's organisations (to know who is who in the chain). */
export async function listOrganisations(scope: Scope): Promise<Organisation[]> {
  const rows = await scope.tx
    .select()
    .from(organisations)
    .where(eq(organisations.regionId, scope.actor.regionId))
    .orderBy(byName(organisations.name));
  return rows.map(toOrganisation);
}

export async function getOrganisation(scope: Scope, id: string): Promise<Organisation> {
  const [row] = await scope.tx
    .select()
    .from(organisations)
    .where(and(eq(organisations.id, id), eq(organisations.regionId, scope.actor.regionId)));
  if (!row) throw notFound('organisation');
  return toOrganisation(row);
}

export async function createOrganisation(scope: Scope, input: OrganisationInput): Promise<Organisation> {
  requireAccess(scope, 'organisation.manage');
  await assertNameFree(scope, input.name);
  const [row] = await scope.tx
    .insert(organisations)
    .values({
      regionId: scope.actor.regionId,
      name: input.name,
      type: input.type,
      ...columns(input),
      createdAt: scope.now,
      updatedAt: scope.now,
    })
    .returning();
  scope.audit({
    objectType: 'organisation',
    objectId: row!.id,
    action: 'create',
    basis: 'administration',
    role: 'administrator',
  });
  return toOrganisation(row!);
}

export async function updateOrganisation(
  scope: Scope,
  id: string,
  expectedVersion: number,
  patch: OrganisationPatch,
) {
  requireAccess(scope, 'organisation.manage');
  const current = await getOrganisation(scope, id);
  assertVersion(expectedVersion, current.version, current);
  if (patch.name !== undefined) await assertNameFree(scope, patch.name, id);
  const [row] = await scope.tx
    .update(organisations)
    .set({ ...columns(patch), version: current.version + 1, updatedAt: scope.now })
    .where(and(eq(organisations.id, id), eq(organisations.version, current.version)))
    .returning();
  if (!row) throw new DomainError('STALE_VERSION', 'Someone else changed this in the meantime.', { current });
  scope.audit({
    objectType: 'organisation',
    objectId: id,
    action: 'update',
    basis: 'administration',
    role: 'administrator',
  });
  return toOrganisation(row);
}
