import { and, asc, eq, gt } from 'drizzle-orm';
import type { AuditVerifyResult } from '../../contracts/audit.js';
import { GENESIS_HASH, verifyChain } from '../../domain/audit/chain.js';
import type { Db, Tx } from '../db/connect.js';
import { auditEvents, regions } from '../db/schema/index.js';

const BATCH = 5000;

/** Walks every region's chain in sequence order and names the first broken link. */
export async function verifyAuditChain(db: Db | Tx, onlyRegion?: string): Promise<AuditVerifyResult> {
  const regionIds = onlyRegion
    ? [onlyRegion]
    : (await db.select({ id: regions.id }).from(regions)).map((r) => r.id);
  let checked = 0;
  for (const regionId of regionIds) {
    let prev = GENESIS_HASH;
    let after = 0;
    for (;;) {
      const rows = await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.regionId, regionId), gt(auditEvents.seq, after)))
        .orderBy(asc(auditEvents.seq))
        .limit(BATCH);
      if (rows.length === 0) break;
      const result = verifyChain(rows, prev, checked);
      if (!result.ok)
        return {
          ok: false,
          checked: result.checked,
          firstBroken: { regionId, seq: result.seq, reason: result.reason },
        };
      checked = result.checked;
      prev = result.last;
      after = rows[rows.length - 1]!.seq;
    }
  }
  return { ok: true, checked, firstBroken: null };
}
