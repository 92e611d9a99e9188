import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/shared/errors.js';

export function etagOf(version: number): string {
  return `"${version}"`;
}

export function setEtag(reply: FastifyReply, version: number): void {
  reply.header('etag', etagOf(version));
}

/** The version the client last saw, from If-Match. Updates without it are refused (428). */
export function requireIfMatch(request: FastifyRequest): number {
  const raw = request.headers['if-match'];
  if (!raw) {
    throw new DomainError('PRECONDITION_REQUIRED', 'Send If-Match with the version you edited (the ETag).');
  }
  const m = /^(?:W\/)?"(\d{1,9})"$/.exec(String(raw).trim());
  if (!m)
    throw new DomainError('VALIDATION_FAILED', 'If-Match must be an ETag such as "3".', {
      fields: [{ path: 'headers.if-match', message: 'Not a valid ETag.' }],
    });
  return Number(m[1]);
}

/** Throws 412 when the stored version moved on; `current` lets the client show what changed. */
export function assertVersion(expected: number, actual: number, current: unknown): void {
  if (expected !== actual) {
    throw new DomainError(
      'STALE_VERSION',
      'Someone else changed this in the meantime. Review the changes and try again.',
      {
        current,
      },
    );
  }
}
