import { and, asc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Role } from '../../../contracts/roles.js';
import type { Actor } from '../../access/actor.js';
import type { Db } from '../../db/connect.js';
import { organisations, users } from '../../db/schema/core.js';
import { signals } from '../../db/schema/signals.js';
import { runScoped } from '../../db/scope.js';
import { notify } from '../notifications/notify.js';
import { processManagersOf } from '../signals/shared.js';
import { TRIAGE_BASIS } from './triage-scope.js';

/**
 * Flags overdue signals: each undecided signal past its deadline is announced once to the region's process
 * managers (in the app and by e-mail). Runs per region as one of its process managers, so row-level security and
 * the audit trail apply as to any triage read. Idempotent and safe with several instances (SKIP LOCKED).
 */
export async function sweepOverdueSignals(db: Db, now = new Date()): Promise<number> {
  const managers = await db
    .select({ u: users, orgName: organisations.name })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(users.active, true), sql`'process_manager' = any(${users.roles})`))
    .orderBy(asc(users.createdAt), asc(users.id));
  const perRegion = new Map<string, (typeof managers)[number]>();
  for (const m of managers) if (!perRegion.has(m.u.regionId)) perRegion.set(m.u.regionId, m);
  let flagged = 0;
  for (const m of perRegion.values()) {
    const actor: Actor = {
      userId: m.u.id,
      regionId: m.u.regionId,
      organisationId: m.u.organisationId,
      organisationName: m.orgName,
      name: m.u.name,
      email: m.u.email,
      roles: m.u.roles as Role[],
    };
    flagged += await runScoped(
      db,
      actor,
      { clientAddress: 'job:overdue-signals' },
      async (scope) => {
        await scope.setPurpose('triage');
        const due = await scope.tx
          .select({ id: signals.id, referenceCode: signals.referenceCode, householdId: signals.householdId })
          .from(signals)
          .where(and(isNull(signals.decidedAt), isNull(signals.overdueNotifiedAt), lt(signals.dueAt, now)))
          .limit(100)
          .for('update', { skipLocked: true });
        if (due.length === 0) return 0;
        const recipients = await processManagersOf(scope.tx, actor.regionId);
        for (const s of due) {
          await notify(scope, {
            recipients,
            kind: 'signal.overdue',
            link: `/triage/${s.id}`,
            params: { code: s.referenceCode },
          });
          await scope.tx.update(signals).set({ overdueNotifiedAt: now }).where(eq(signals.id, s.id));
          scope.audit({
            objectType: 'signal',
            objectId: s.id,
            householdId: s.householdId,
            action: 'update',
            basis: `${TRIAGE_BASIS}:overdue`,
            role: 'process_manager',
          });
        }
        return due.length;
      },
      now,
    );
  }
  return flagged;
}
