import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { OrganisationType } from '../../../contracts/roles.js';
import { organisations, users } from '../../db/schema/core.js';
import { households } from '../../db/schema/households.js';
import type { Scope } from '../../db/scope.js';

export interface CoordinatorRow {
  id: string;
  name: string;
  fte: number;
  organisation: { id: string; name: string; type: OrganisationType };
}

/** The region's active coordinators. */
export async function coordinatorsOfRegion(scope: Scope, onlyId?: string): Promise<CoordinatorRow[]> {
  const rows = await scope.tx
    .select({
      id: users.id,
      name: users.name,
      fte: users.fte,
      orgId: organisations.id,
      orgName: organisations.name,
      orgType: organisations.type,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(
      and(
        eq(users.regionId, scope.actor.regionId),
        eq(users.active, true),
        sql`'coordinator' = any(${users.roles})`,
        onlyId ? eq(users.id, onlyId) : undefined,
      ),
    )
    .orderBy(users.name);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    fte: r.fte ?? 1,
    organisation: { id: r.orgId, name: r.orgName, type: r.orgType as OrganisationType },
  }));
}

/** Households per coordinator, as far as row-level security lets the caller see (all of the region in triage). */
export async function caseloadCounts(scope: Scope): Promise<Map<string, number>> {
  const rows = await scope.tx
    .select({ coordinatorId: households.coordinatorId, n: sql<number>`count(*)::int` })
    .from(households)
    .where(isNotNull(households.coordinatorId))
    .groupBy(households.coordinatorId);
  return new Map(rows.map((r) => [r.coordinatorId!, r.n]));
}
