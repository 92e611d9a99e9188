import { eq } from 'drizzle-orm';
import type { PublicSignalStatus, SignalStatus } from '../../../contracts/signals.js';
import { DomainError } from '../../../domain/shared/errors.js';
import type { Db } from '../../db/connect.js';
import { signalReceipts } from '../../db/schema/signals.js';
import { codeHash } from './shared.js';

/** The status for a reference code: received, picked up or closed. Never anything about the case. */
export async function signalStatus(db: Db, code: string): Promise<PublicSignalStatus> {
  const [row] = await db
    .select()
    .from(signalReceipts)
    .where(eq(signalReceipts.codeHash, codeHash(code)));
  if (!row)
    throw new DomainError('NOT_FOUND', 'No report with this code. Check the code in your confirmation.');
  return {
    referenceCode: code.toUpperCase(),
    status: row.status as SignalStatus,
    receivedAt: row.receivedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
