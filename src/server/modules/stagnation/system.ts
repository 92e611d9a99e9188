import { sql } from 'drizzle-orm';
import { type AuditEvent, appendAudit } from '../../audit/writer.js';
import type { Db, Tx } from '../../db/connect.js';

/**
 * The context of automated stagnation work: no user, the explicit purpose `stagnation_sweep`, one region.
 * Row-level security (migration 0009) lets this context read the facts of the region's households and write only
 * the stagnation tables of that region. Every write is audited with role `system`; reads are logged as one
 * audit event per run (see ARCHITECTURE.md).
 */
export interface SystemScope {
  tx: Tx;
  regionId: string;
  now: Date;
  audit(...events: AuditEvent[]): void;
}

export const SYSTEM_BASIS = 'stagnation_sweep';

export async function runAsSweep<T>(
  db: Db,
  regionId: string,
  now: Date,
  job: string,
  fn: (scope: SystemScope) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('schakel.actor', '', true), set_config('schakel.purpose', 'stagnation_sweep', true), set_config('schakel.region', ${regionId}, true)`,
    );
    const events: AuditEvent[] = [];
    const scope: SystemScope = { tx, regionId, now, audit: (...e) => events.push(...e) };
    const result = await fn(scope);
    await appendAudit(
      tx,
      { regionId, userId: null, organisationId: null, clientAddress: `job:${job}`, at: now },
      events.map((e) => ({ ...e, role: e.role ?? 'system', basis: e.basis || SYSTEM_BASIS })),
    );
    return result;
  });
}

/** Rows of a raw query on either driver (PGlite and node-postgres both answer with `rows`). */
export async function rowsOf<T>(tx: Tx, query: ReturnType<typeof sql>): Promise<T[]> {
  const res: unknown = await tx.execute(query);
  return (res as { rows: T[] }).rows;
}
