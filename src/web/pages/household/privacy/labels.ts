import type { TFunction } from 'i18next';
import { isApiError } from '../../../api/client.js';
import { CONSENT_PROBLEMS, type ConsentProblem } from '../../../../domain/privacy/consent.js';

const PROBLEMS: readonly string[] = CONSENT_PROBLEMS;

/** Field messages the server sends for a member, organisation or service that does not fit. */
const FIELD_MESSAGE: Record<string, string> = {
  memberId: 'privacy.consent.invalidMember',
  organisationId: 'privacy.consent.invalidOrganisation',
  serviceId: 'privacy.consent.invalidService',
};

/**
 * The server's answer to a consent or basis form as form errors in the UI language: each problem of a
 * `CONSENT_INVALID` (a code per field) and the fields of a 400. Several problems on one field are joined.
 */
export function privacyFieldErrors(error: unknown, t: TFunction): Record<string, string> {
  if (!isApiError(error)) return {};
  const errors: Record<string, string> = {};
  for (const f of error.fields) {
    const path = f.path.replace(/^body\./, '').split('.')[0]!;
    let text: string;
    if (error.code === 'CONSENT_INVALID' && PROBLEMS.includes(f.message)) {
      text = t(`privacy.consent.problem.${f.message as ConsentProblem}`);
    } else if (FIELD_MESSAGE[path]) {
      text = t(FIELD_MESSAGE[path]);
    } else if (path === 'justification') {
      text = t('privacy.basis.tooShort', { min: 20 });
    } else if (path === 'categories') {
      text = t('privacy.basis.chooseCategory');
    } else if (path === 'validUntil') {
      text = t('privacy.basis.endBeforeStart');
    } else {
      text = t('validation.invalid.generic');
    }
    errors[path] = errors[path] ? `${errors[path]} ${text}` : text;
  }
  return errors;
}

/** Whether the error is fully explained next to the form's fields (so no general error is needed). */
export function explainedByFields(error: unknown): boolean {
  return isApiError(error) && error.fields.length > 0 && [400, 422].includes(error.status);
}

/** Today in the browser's calendar, as yyyy-mm-dd. */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
