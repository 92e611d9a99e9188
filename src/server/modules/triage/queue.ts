import { asc, desc, isNotNull, isNull } from 'drizzle-orm';
import type { SignalSummary } from '../../../contracts/signals.js';
import { signals } from '../../db/schema/signals.js';
import type { Scope } from '../../db/scope.js';
import { toSummary } from '../signals/shared.js';
import { enterTriage, triageAs } from './triage-scope.js';

/** The triage queue of the region: open signals by deadline (overdue first), or the latest decided ones. */
export async function triageQueue(scope: Scope, state: 'open' | 'decided'): Promise<SignalSummary[]> {
  await enterTriage(scope);
  const rows =
    state === 'open'
      ? await scope.tx
          .select()
          .from(signals)
          .where(isNull(signals.decidedAt))
          .orderBy(asc(signals.dueAt), asc(signals.receivedAt))
          .limit(200)
      : await scope.tx
          .select()
          .from(signals)
          .where(isNotNull(signals.decidedAt))
          .orderBy(desc(signals.decidedAt))
          .limit(100);
  for (const r of rows) {
    scope.audit({
      objectType: 'signal_summary',
      objectId: r.id,
      householdId: r.householdId,
      action: 'read',
      ...triageAs(scope),
    });
  }
  return rows.map((r) => toSummary(r, scope.now));
}
