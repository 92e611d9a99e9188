import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/shared/errors.js';
import type { Db } from '../db/connect.js';
import { idempotencyKeys } from '../db/schema/index.js';
import type { Deps } from '../deps.js';

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: { key: string; userId: string };
  }
}

const IN_PROGRESS = 0;
/** Keys are kept a day; a replay after that is treated as a new request. */
const KEY_TTL_MS = 24 * 60 * 60 * 1000;

async function asUser<T>(
  db: Db,
  userId: string,
  fn: (tx: Parameters<Parameters<Db['transaction']>[0]>[0]) => Promise<T>,
) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('schakel.actor', ${userId}, true)`);
    return fn(tx);
  });
}

function requestHash(request: FastifyRequest): string {
  return createHash('sha256')
    .update(request.method)
    .update('\n')
    .update(request.url)
    .update('\n')
    .update(JSON.stringify(request.body ?? null))
    .digest('hex');
}

/**
 * preHandler (after authentication) for POST: honours Idempotency-Key. A replay with the same body returns the
 * first result; the same key with a different body is refused (422); a concurrent duplicate gets 409.
 */
export function idempotency(deps: Deps) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || key === undefined || !request.actor) return;
    if (typeof key !== 'string' || !/^[A-Za-z0-9_.:-]{8,100}$/.test(key)) {
      throw new DomainError(
        'VALIDATION_FAILED',
        'Idempotency-Key must be 8 to 100 letters, digits or - _ . :',
        {
          fields: [{ path: 'headers.idempotency-key', message: 'Not a valid key.' }],
        },
      );
    }
    const userId = request.actor.userId;
    const hash = requestHash(request);
    const now = new Date();
    const existing = await asUser(deps.db.app, userId, async (tx) => {
      await tx
        .delete(idempotencyKeys)
        .where(
          and(
            eq(idempotencyKeys.userId, userId),
            eq(idempotencyKeys.key, key),
            sql`${idempotencyKeys.createdAt} < ${new Date(now.getTime() - KEY_TTL_MS)}`,
          ),
        );
      const inserted = await tx
        .insert(idempotencyKeys)
        .values({
          userId,
          key,
          method: request.method,
          path: request.url,
          requestHash: hash,
          statusCode: IN_PROGRESS,
          createdAt: now,
        })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });
      if (inserted.length > 0) return null;
      const rows = await tx
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
      return rows[0] ?? null;
    });
    if (!existing) {
      request.idempotency = { key, userId };
      return;
    }
    if (existing.requestHash !== hash) {
      throw new DomainError(
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was already used for a different request.',
      );
    }
    if (existing.statusCode === IN_PROGRESS) {
      throw new DomainError('CONFLICT', 'The same request is still being processed.');
    }
    reply.header('idempotent-replayed', 'true');
    return reply.status(existing.statusCode).send(existing.responseBody);
  };
}

/** onSend: keeps a successful result for replay; frees the key when the request failed so it can be retried. */
export function idempotencyOnSend(deps: Deps) {
  return async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const marker = request.idempotency;
    if (!marker) return payload;
    request.idempotency = undefined;
    await asUser(deps.db.app, marker.userId, async (tx) => {
      const where = and(eq(idempotencyKeys.userId, marker.userId), eq(idempotencyKeys.key, marker.key));
      if (reply.statusCode >= 200 && reply.statusCode < 300) {
        const body =
          typeof payload === 'string' && payload.length > 0 ? (JSON.parse(payload) as unknown) : null;
        await tx
          .update(idempotencyKeys)
          .set({ statusCode: reply.statusCode, responseBody: body })
          .where(where);
      } else {
        await tx.delete(idempotencyKeys).where(where);
      }
    });
    return payload;
  };
}
