import { and, eq, ilike, or, sql } from 'drizzle-orm';
import type { Service, ServiceInput, ServicePatch, ServiceQuery } from '../../../contracts/chain.js';
import type { ServiceKind } from '../../../contracts/chain.js';
import type { OrganisationType } from '../../../contracts/roles.js';
import { DomainError, forbidden, notFound } from '../../../domain/shared/errors.js';
import { requireAccess } from '../../access/require-access.js';
import { byName } from '../../db/order.js';
import type { Scope } from '../../db/scope.js';
import { organisations } from '../../db/schema/core.js';
import { services } from '../../db/schema/chain.js';
import { assertVersion } from '../../http/etag.js';

const columns = { s: services, orgName: organisations.name, orgType: organisations.type };
type Row = { s: typeof services.$inferSelect; orgName: string; orgType: string };

/** Managers keep their own organisation's services; administrators any in the region. */
function canManage(scope: Scope, organisationId: string): boolean {
  const { roles, organisationId: own } = scope.actor;
  if (roles.includes('administrator')) return true;
  return roles.includes('partner_manager') && own === organisationId;
}

function toService(scope: Scope, r: Row): Service {
  return {
    id: r.s.id,
    organisation: { id: r.s.organisationId, name: r.orgName, type: r.orgType as OrganisationType },
    name: r.s.name,
    kind: r.s.kind as ServiceKind,
    description: r.s.description,
    eligibility: r.s.eligibility,
    capacity: r.s.capacity,
    waitingDays: r.s.waitingDays,
    contact: { name: r.s.contactName, email: r.s.contactEmail, phone: r.s.contactPhone },
    active: r.s.active,
    canManage: canManage(scope, r.s.organisationId),
    version: r.s.version,
  };
}

async function findRow(scope: Scope, id: string): Promise<Row | undefined> {
  const [row] = await scope.tx
    .select(columns)
    .from(services)
    .innerJoin(organisations, eq(organisations.id, services.organisationId))
    .where(and(eq(services.id, id), eq(services.regionId, scope.actor.regionId)));
  return row;
}

/** The region's directory of services, shortest waiting time first within a kind. Not household data. */
export async function listServices(scope: Scope, query: ServiceQuery): Promise<Service[]> {
  const q = query.q?.trim();
  const rows = await scope.tx
    .select(columns)
    .from(services)
    .innerJoin(organisations, eq(organisations.id, services.organisationId))
    .where(
      and(
        eq(services.regionId, scope.actor.regionId),
        query.kind ? eq(services.kind, query.kind) : undefined,
        query.includeInactive === 'true'
          ? undefined
          : and(eq(services.active, true), eq(organisations.active, true)),
        q
          ? or(
              ilike(services.name, `%${q.replace(/[%_\\]/g, '\\$&')}%`),
              ilike(organisations.name, `%${q.replace(/[%_\\]/g, '\\$&')}%`),
            )
          : undefined,
      ),
    )
    .orderBy(byName(organisations.name), byName(services.name));
  return rows.map((r) => toService(scope, r));
}

export async function getService(scope: Scope, id: string): Promise<Service> {
  const row = await findRow(scope, id);
  if (!row) throw notFound('service');
  return toService(scope, row);
}

async function checkNameFree(
  scope: Scope,
  organisationId: string,
  name: string,
  exceptId?: string,
): Promise<void> {
  const [taken] = await scope.tx
    .select({ id: services.id })
    .from(services)
    .where(and(eq(services.organisationId, organisationId), sql`lower(${services.name}) = lower(${name})`));
  if (taken && taken.id !== exceptId) {
    throw new DomainError('NAME_TAKEN', 'Your organisation already has a service with this name.', {
      fields: [{ path: 'name', message: 'This name is already in use.' }],
    });
  }
}

export async function createService(scope: Scope, input: ServiceInput): Promise<Service> {
  requireAccess(scope, 'service.manage');
  const organisationId = input.organisationId ?? scope.actor.organisationId;
  if (!canManage(scope, organisationId))
    throw forbidden('You may only manage the services of your own organisation.');
  const [org] = await scope.tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(
        eq(organisations.id, organisationId),
        eq(organisations.regionId, scope.actor.regionId),
        eq(organisations.active, true),
      ),
    );
  if (!org) {
    throw new DomainError('VALIDATION_FAILED', 'Choose an active organisation.', {
      fields: [{ path: 'organisationId', message: 'Not an active organisation.' }],
    });
  }
  await checkNameFree(scope, organisationId, input.name);
  const [row] = await scope.tx
    .insert(services)
    .values({
      regionId: scope.actor.regionId,
      organisationId,
      name: input.name,
      kind: input.kind,
      description: input.description ?? '',
      eligibility: input.eligibility ?? '',
      capacity: input.capacity ?? null,
      waitingDays: input.waitingDays ?? null,
      contactName: input.contactName ?? '',
      contactEmail: input.contactEmail ?? '',
      contactPhone: input.contactPhone ?? '',
      active: input.active ?? true,
      createdAt: scope.now,
      updatedAt: scope.now,
    })
    .returning({ id: services.id });
  scope.audit({ objectType: 'service', objectId: row!.id, action: 'create', basis: 'service_directory' });
  return getService(scope, row!.id);
}

export async function updateService(
  scope: Scope,
  id: string,
  version: number,
  patch: ServicePatch,
): Promise<Service> {
  requireAccess(scope, 'service.manage');
  const row = await findRow(scope, id);
  if (!row) throw notFound('service');
  if (!canManage(scope, row.s.organisationId))
    throw forbidden('You may only manage the services of your own organisation.');
  assertVersion(version, row.s.version, toService(scope, row));
  if (patch.name !== undefined) await checkNameFree(scope, row.s.organisationId, patch.name, id);
  const values = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  await scope.tx
    .update(services)
    .set({ ...values, version: row.s.version + 1, updatedAt: scope.now })
    .where(eq(services.id, id));
  scope.audit({ objectType: 'service', objectId: id, action: 'update', basis: 'service_directory' });
  return getService(scope, id);
}
