/**
 * Errors in domain terms. Each has a stable code the web app relies on; the HTTP status is chosen at the edge
 * (src/server/http/errors.ts), never here.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'MALFORMED_REQUEST',
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_DISABLED',
  'CSRF_INVALID',
  'SECOND_FACTOR_REQUIRED',
  'SECOND_FACTOR_ENROLMENT_REQUIRED',
  'INVALID_SECOND_FACTOR',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'EMAIL_TAKEN',
  'NAME_TAKEN',
  'STALE_VERSION',
  'PRECONDITION_REQUIRED',
  'IDEMPOTENCY_KEY_REUSED',
  'WEAK_PASSWORD',
  'RULE_VIOLATION',
  /** A consent that breaks its rules (who signs at which age, witness, period …); each field's message is a problem code. */
  'CONSENT_INVALID',
  'TOO_MANY_ATTEMPTS',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldIssue {
  path: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { fields?: FieldIssue[]; current?: unknown; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what = 'record') =>
  new DomainError('NOT_FOUND', `No such ${what}, or you have no access to it.`);
export const forbidden = (message = 'You may not do this.') => new DomainError('FORBIDDEN', message);
export const ruleViolation = (message: string, fields?: FieldIssue[]) =>
  new DomainError('RULE_VIOLATION', message, fields ? { fields } : {});
export const invalid = (fields: FieldIssue[], message = 'Some fields are not valid.') =>
  new DomainError('VALIDATION_FAILED', message, { fields });
