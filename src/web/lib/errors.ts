import type { TFunction } from 'i18next';
import { isApiError } from '../api/client.js';

const KNOWN_CODES = new Set([
  'INVALID_CREDENTIALS',
  'ACCOUNT_DISABLED',
  'TOO_MANY_ATTEMPTS',
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'CSRF_INVALID',
  'FORBIDDEN',
  'NOT_FOUND',
  'VALIDATION_FAILED',
  'WEAK_PASSWORD',
  'STALE_VERSION',
  'CONFLICT',
  'NETWORK_ERROR',
  'RATE_LIMITED',
  'PRECONDITION_REQUIRED',
  'IDEMPOTENCY_CONFLICT',
]);

const SECOND_FACTOR_CODES = new Set([
  'INVALID_SECOND_FACTOR',
  'SECOND_FACTOR_REQUIRED',
  'SECOND_FACTOR_ENROLMENT_REQUIRED',
]);

/** A plain-language message for an error in the UI language. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (isApiError(error)) {
    if (error.code === 'TOO_MANY_ATTEMPTS') {
      const minutes = error.retryAfterSeconds ? Math.max(1, Math.ceil(error.retryAfterSeconds / 60)) : null;
      return minutes ? t('errors.TOO_MANY_ATTEMPTS_WAIT', { count: minutes }) : t('errors.TOO_MANY_ATTEMPTS');
    }
    if (SECOND_FACTOR_CODES.has(error.code)) return t(`security.errors.${error.code}`);
    if (KNOWN_CODES.has(error.code)) return t(`errors.${error.code}`);
    if (error.status >= 500) return t('errors.SERVER');
    if (error.status === 403) return t('errors.FORBIDDEN');
    if (error.status === 409) return t('errors.CONFLICT');
  }
  return t('errors.generic');
}
