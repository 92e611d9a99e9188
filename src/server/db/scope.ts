import { sql } from 'drizzle-orm';
import type { Actor, RequestMeta } from '../access/actor.js';
import { type AuditEvent, appendAudit } from '../audit/writer.js';
import type { Db, Tx } from './connect.js';

export type Purpose = 'care' | 'audit' | 'restore' | 'triage' | 'passed_on' | 'emergency' | 'insights';

/** What an audit event about a household inherits from the access that was granted to it. */
interface GrantTrail {
  householdId: string;
  consent: string | null;
  emergency: unknown;
}

/**
 * The actor-scoped context every service receives: one transaction bound to the actor (row-level security
 * sees `schakel.actor`), the audit buffer written in that same transaction, and "now".
 * Household data is only reachable through `scope.tx`, whose queries the database filters by the actor.
 */
export class Scope {
  readonly audited: AuditEvent[] = [];
  readonly denied: AuditEvent[] = [];
  private purpose: Purpose = 'care';
  private readonly grants = new Map<string, GrantTrail>();

  constructor(
    readonly tx: Tx,
    readonly actor: Actor,
    readonly meta: RequestMeta,
    readonly now: Date,
  ) {}

  /** Records events; an event about a household granted in this scope carries that grant's consent and emergency flag. */
  audit(...events: AuditEvent[]): void {
    this.audited.push(...events.map((e) => this.withTrail(e)));
  }

  /** Called by `requireAccess`: later audit events about the household record what the access relied on. */
  useGrant(grant: GrantTrail): void {
    this.grants.set(grant.householdId, grant);
  }

  private withTrail(e: AuditEvent): AuditEvent {
    const g = e.householdId ? this.grants.get(e.householdId) : undefined;
    if (!g) return e;
    return {
      ...e,
      consent: e.consent === undefined ? g.consent : e.consent,
      emergency: e.emergency ?? g.emergency !== null,
    };
  }

  /** Records an attempt that is refused; written even though the transaction rolls back. */
  deny(event: AuditEvent): void {
    this.denied.push({ ...event, outcome: 'denied' });
  }

  async setPurpose(purpose: Purpose): Promise<void> {
    if (purpose === this.purpose) return;
    this.purpose = purpose;
    await this.tx.execute(sql`select set_config('schakel.purpose', ${purpose}, true)`);
  }
}

async function bind(tx: Tx, actor: Actor): Promise<void> {
  await tx.execute(
    sql`select set_config('schakel.actor', ${actor.userId}, true), set_config('schakel.purpose', 'care', true)`,
  );
}

export async function runScoped<T>(
  db: Db,
  actor: Actor,
  meta: RequestMeta,
  fn: (scope: Scope) => Promise<T>,
  now: Date = new Date(),
): Promise<T> {
  let scope: Scope | undefined;
  const auditCtx = {
    regionId: actor.regionId,
    userId: actor.userId,
    organisationId: actor.organisationId,
    clientAddress: meta.clientAddress,
    at: now,
  };
  try {
    return await db.transaction(async (tx) => {
      await bind(tx, actor);
      scope = new Scope(tx, actor, meta, now);
      const result = await fn(scope);
      await appendAudit(tx, auditCtx, scope.audited);
      return result;
    });
  } catch (err) {
    const denied = scope?.denied ?? [];
    if (denied.length > 0) {
      await db.transaction(async (tx) => {
        await bind(tx, actor);
        await appendAudit(tx, auditCtx, denied);
      });
    }
    throw err;
  }
}
