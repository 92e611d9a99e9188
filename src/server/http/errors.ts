import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { DomainError, type ErrorCode, type FieldIssue } from '../../domain/shared/errors.js';

/** The one place domain error codes become HTTP statuses. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  MALFORMED_REQUEST: 400,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_DISABLED: 403,
  CSRF_INVALID: 403,
  SECOND_FACTOR_REQUIRED: 403,
  SECOND_FACTOR_ENROLMENT_REQUIRED: 403,
  INVALID_SECOND_FACTOR: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  EMAIL_TAKEN: 409,
  NAME_TAKEN: 409,
  STALE_VERSION: 412,
  PRECONDITION_REQUIRED: 428,
  IDEMPOTENCY_KEY_REUSED: 422,
  WEAK_PASSWORD: 422,
  RULE_VIOLATION: 422,
  CONSENT_INVALID: 422,
  TOO_MANY_ATTEMPTS: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INTERNAL: 500,
};

function toDotPath(context: string | undefined, instancePath: string): string {
  const inner = instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
  if (context === 'body' || !context) return inner || '(body)';
  return inner ? `${context}.${inner}` : context;
}

function validationFields(err: FastifyError): FieldIssue[] {
  const context = (err as { validationContext?: string }).validationContext;
  const fields: FieldIssue[] = [];
  for (const v of err.validation ?? []) {
    const params = v.params as { keys?: string[] } | undefined;
    if (v.keyword === 'unrecognized_keys' && params?.keys) {
      for (const key of params.keys) {
        const base = toDotPath(context, v.instancePath);
        fields.push({ path: base === '(body)' ? key : `${base}.${key}`, message: 'Unknown field.' });
      }
    } else {
      fields.push({ path: toDotPath(context, v.instancePath), message: v.message ?? 'Invalid value.' });
    }
  }
  return fields;
}

export function sendError(reply: FastifyReply, err: DomainError): FastifyReply {
  if (err.details.retryAfterSeconds) reply.header('retry-after', String(err.details.retryAfterSeconds));
  return reply.status(HTTP_STATUS[err.code]).send({
    error: {
      code: err.code,
      message: err.message,
      ...(err.details.fields ? { fields: err.details.fields } : {}),
      ...(err.details.current !== undefined ? { current: err.details.current } : {}),
    },
  });
}

/** Maps anything thrown to a stable error body. Bad input is never a 500. */
export function errorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (err instanceof DomainError) return sendError(reply, err);
  if (hasZodFastifySchemaValidationErrors(err) || err.validation) {
    return sendError(
      reply,
      new DomainError('VALIDATION_FAILED', 'Some fields are not valid.', { fields: validationFields(err) }),
    );
  }
  if (
    err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    err instanceof SyntaxError
  ) {
    return sendError(reply, new DomainError('MALFORMED_REQUEST', 'The request body is not valid JSON.'));
  }
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return sendError(reply, new DomainError('PAYLOAD_TOO_LARGE', 'The request body is too large.'));
  }
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return sendError(
      reply,
      new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the request body as application/json.'),
    );
  }
  if (err.statusCode === 429) {
    return sendError(reply, new DomainError('TOO_MANY_ATTEMPTS', 'Too many requests. Try again later.'));
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return sendError(reply, new DomainError('MALFORMED_REQUEST', err.message));
  }
  if (isResponseSerializationError(err))
    request.log.error({ err: err.cause }, 'response does not match its schema');
  else request.log.error({ err }, 'unhandled error');
  return sendError(
    reply,
    new DomainError('INTERNAL', 'Something went wrong on our side. Nothing was changed.'),
  );
}
