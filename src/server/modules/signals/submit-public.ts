import { and, asc, eq, gt, lt, sql } from 'drizzle-orm';
import { PublicSignalInput, type PublicSignalReceipt } from '../../../contracts/signals.js';
import { triageDueAt } from '../../../domain/signals/deadline.js';
import { DomainError } from '../../../domain/shared/errors.js';
import type { RequestMeta } from '../../access/actor.js';
import { appendAudit } from '../../audit/writer.js';
import type { Db } from '../../db/connect.js';
import { regions } from '../../db/schema/core.js';
import { publicSignalAttempts, signalReceipts, signals } from '../../db/schema/signals.js';
import { announceSignal, codeHash, newId, newReferenceCode, publishStatus } from './shared.js';
import type { SignalSettings } from './settings.js';

type Input = ReturnType<typeof PublicSignalInput.parse>;

/**
 * A signal from anyone, without an account. Throttled per client address (stored in PostgreSQL, so it holds
 * across app instances); a filled-in honeypot gets the same answer but nothing is stored. The answer never
 * depends on whether the person or household is known: no lookup happens here at all.
 */
export async function submitPublicSignal(
  db: Db,
  input: Input,
  meta: RequestMeta,
  settings: SignalSettings,
  now = new Date(),
): Promise<PublicSignalReceipt> {
  const address = meta.clientAddress ?? 'unknown';
  const since = new Date(now.getTime() - settings.publicWindowMs);
  return db.transaction(async (tx) => {
    // Serialise submissions per address so a burst cannot slip past the count.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${'schakel.public-signal.' + address}, 0))`,
    );
    const [recent] = await tx
      .select({ n: sql<number>`count(*)::int`, first: sql<Date | null>`min(${publicSignalAttempts.at})` })
      .from(publicSignalAttempts)
      .where(and(eq(publicSignalAttempts.clientAddress, address), gt(publicSignalAttempts.at, since)));
    if ((recent?.n ?? 0) >= settings.publicLimit) {
      const first = recent?.first ? new Date(recent.first) : now;
      const wait = Math.max(
        60,
        Math.ceil((first.getTime() + settings.publicWindowMs - now.getTime()) / 1000),
      );
      throw new DomainError(
        'TOO_MANY_ATTEMPTS',
        'Too many reports from this address. Try again later or call 0800-2000 (Veilig Thuis) when it is urgent.',
        {
          retryAfterSeconds: wait,
        },
      );
    }
    await tx.insert(publicSignalAttempts).values({ clientAddress: address, at: now });
    await tx
      .delete(publicSignalAttempts)
      .where(lt(publicSignalAttempts.at, new Date(now.getTime() - 24 * 3_600_000)));

    const code = newReferenceCode();
    if (input.website.trim() !== '') return { referenceCode: code, status: 'received' as const };

    const [region] = await tx
      .select({ id: regions.id })
      .from(regions)
      .orderBy(asc(regions.createdAt), asc(regions.id))
      .limit(1);
    if (!region) throw new DomainError('INTERNAL', 'No region is configured.');
    const id = newId();
    const s = input.subject;
    // Inserted without RETURNING: the public form may write a signal but never read one back.
    await tx.insert(signals).values({
      id,
      regionId: region.id,
      referenceCode: code,
      source: 'public',
      signallerName: input.signallerName,
      signallerEmail: input.signallerEmail,
      signallerPhone: input.signallerPhone,
      subjectName: s.name,
      subjectDateOfBirth: s.dateOfBirth,
      subjectStreet: s.address.street,
      subjectHouseNumber: s.address.houseNumber,
      subjectPostcode: s.address.postcode,
      subjectCity: s.address.city,
      concern: input.concern,
      urgency: input.urgency,
      receivedAt: now,
      dueAt: triageDueAt(now, input.urgency, settings.triage),
    });
    await tx
      .insert(signalReceipts)
      .values({ codeHash: codeHash(code), status: 'received', receivedAt: now, updatedAt: now });
    await publishStatus(tx, { referenceCode: code, signallerEmail: input.signallerEmail }, 'received', now);
    await announceSignal(tx, region.id, { id, referenceCode: code, urgency: input.urgency }, now);
    await appendAudit(
      tx,
      { regionId: region.id, userId: null, organisationId: null, clientAddress: meta.clientAddress, at: now },
      [{ objectType: 'signal', objectId: id, action: 'create', basis: 'public_signal' }],
    );
    return { referenceCode: code, status: 'received' as const };
  });
}
