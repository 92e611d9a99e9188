import { createHash } from 'node:crypto';

/** The fields of an audit event that the hash covers (everything but seq and the hashes themselves). */
export interface AuditFields {
  regionId: string;
  at: Date;
  userId: string | null;
  onBehalfOf: string | null;
  organisationId: string | null;
  role: string | null;
  householdId: string | null;
  memberId: string | null;
  objectType: string;
  objectId: string | null;
  action: string;
  basis: string;
  emergency: boolean;
  /** Consents and bases relied on; absent from the hash when null, so rows written before it existed still verify. */
  consent?: string | null;
  outcome: string;
  clientAddress: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

export function canonical(e: AuditFields): string {
  return JSON.stringify([
    e.regionId,
    e.at.toISOString(),
    e.userId,
    e.onBehalfOf,
    e.organisationId,
    e.role,
    e.householdId,
    e.memberId,
    e.objectType,
    e.objectId,
    e.action,
    e.basis,
    e.emergency,
    e.outcome,
    e.clientAddress,
    ...(e.consent ? [e.consent] : []),
  ]);
}

export function chainHash(prevHash: string, e: AuditFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonical(e)).digest('hex');
}

export interface ChainedRow extends AuditFields {
  seq: number;
  prevHash: string;
  hash: string;
}

export type ChainCheck =
  { ok: true; checked: number } | { ok: false; checked: number; seq: number; reason: string };

/** Verifies one region's rows, given in seq order. Names the first broken link. */
export function verifyChain(
  rows: Iterable<ChainedRow>,
  startPrev = GENESIS_HASH,
  startChecked = 0,
): ChainCheck & { last: string } {
  let prev = startPrev;
  let checked = startChecked;
  for (const row of rows) {
    if (row.prevHash !== prev) {
      return {
        ok: false,
        checked,
        seq: row.seq,
        reason: 'prev_hash does not match the previous row (row missing or reordered)',
        last: prev,
      };
    }
    if (chainHash(prev, row) !== row.hash) {
      return {
        ok: false,
        checked,
        seq: row.seq,
        reason: 'hash does not match the row contents (row altered)',
        last: prev,
      };
    }
    prev = row.hash;
    checked++;
  }
  return { ok: true, checked, last: prev };
}
