import { desc, eq, sql } from 'drizzle-orm';
import type { AUDIT_ACTIONS, AUDIT_OUTCOMES } from '../../contracts/audit.js';
import { type AuditFields, GENESIS_HASH, chainHash } from '../../domain/audit/chain.js';
import type { Tx } from '../db/connect.js';
import { auditEvents } from '../db/schema/index.js';

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** A typed audit event as services record it; who, when and from where are added by the scope. */
export interface AuditEvent {
  objectType: string;
  objectId?: string | null;
  action: AuditAction;
  basis: string;
  role?: string | null;
  householdId?: string | null;
  memberId?: string | null;
  emergency?: boolean;
  /** The consents and sharing bases relied on (`consent:<id>,basis:<id>`); filled in from the grant by the scope. */
  consent?: string | null;
  outcome?: AuditOutcome;
}

export interface AuditContext {
  regionId: string;
  userId: string | null;
  organisationId: string | null;
  onBehalfOf?: string | null;
  clientAddress: string | null;
  at: Date;
}

/**
 * Appends events to the region's hash chain, inside the caller's transaction. A transaction-scoped advisory
 * lock per region serialises chain extension across connections and processes; it is taken as late as
 * possible (just before commit) so it is held only briefly.
 */
export async function appendAudit(tx: Tx, ctx: AuditContext, events: readonly AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${'schakel.audit.' + ctx.regionId}, 0))`,
  );
  await tx.execute(sql`select set_config('schakel.audit_writer', 'on', true)`);
  const head = await tx
    .select({ hash: auditEvents.hash })
    .from(auditEvents)
    .where(eq(auditEvents.regionId, ctx.regionId))
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  await tx.execute(sql`select set_config('schakel.audit_writer', 'off', true)`);
  let prev = head[0]?.hash ?? GENESIS_HASH;
  const rows = events.map((e) => {
    const fields: AuditFields = {
      regionId: ctx.regionId,
      at: ctx.at,
      userId: ctx.userId,
      onBehalfOf: ctx.onBehalfOf ?? null,
      organisationId: ctx.organisationId,
      role: e.role ?? null,
      householdId: e.householdId ?? null,
      memberId: e.memberId ?? null,
      objectType: e.objectType,
      objectId: e.objectId ?? null,
      action: e.action,
      basis: e.basis,
      emergency: e.emergency ?? false,
      consent: e.consent ?? null,
      outcome: e.outcome ?? 'success',
      clientAddress: ctx.clientAddress,
    };
    const hash = chainHash(prev, fields);
    const row = { ...fields, prevHash: prev, hash };
    prev = hash;
    return row;
  });
  await tx.insert(auditEvents).values(rows);
}
