import type { FieldIssue } from '../shared/errors.js';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/**
 * Checks a new password: long enough, not a known common password (also not with only a trailing number or
 * symbol added), and not the user's own e-mail or name. Returns the issues, empty when acceptable.
 */
export function checkPassword(
  password: string,
  context: { email?: string; name?: string },
  isCommon: (candidate: string) => boolean,
  path = 'password',
): FieldIssue[] {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return [{ path, message: `Use at least ${PASSWORD_MIN_LENGTH} characters.` }];
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return [{ path, message: `Use at most ${PASSWORD_MAX_LENGTH} characters.` }];
  }
  const lower = password.toLowerCase();
  // The common password may itself end in digits or symbols (e.g. "qwerty123456"), so try every cut within the
  // trailing run after the stem; a password without a stem (only digits and symbols) is only checked as a whole.
  const stemLength = lower.replace(/[\d\W_]+$/u, '').length;
  let common = false;
  for (let end = stemLength || lower.length; end <= lower.length && !common; end++)
    common = isCommon(lower.slice(0, end));
  if (common || /^(.)\1+$/u.test(password)) {
    return [{ path, message: 'This password is too common. Choose a less predictable one.' }];
  }
  const email = context.email?.toLowerCase();
  const name = context.name?.toLowerCase().replace(/\s+/gu, '');
  if (
    (email && (lower === email || lower === email.split('@')[0])) ||
    (name && lower.replace(/\s+/gu, '') === name)
  ) {
    return [{ path, message: 'Do not use your e-mail address or name as password.' }];
  }
  return [];
}
