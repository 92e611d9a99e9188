import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { FieldError } from '../api/client.js';

/** Field names with a specific "this is not valid" message in the resource files (validation.invalid.*). */
const KNOWN_FIELDS = new Set([
  'email',
  'phone',
  'postcode',
  'dateOfBirth',
  'houseNumber',
  'fte',
  'from',
  'to',
  'newPassword',
  'password',
  'roles',
  'userId',
  'organisationId',
  'role',
  'quality',
  'type',
  'pyramidCategory',
  'preferredLanguage',
]);

function lastSegment(path: string): string {
  const parts = path.split('.').filter((p) => !/^\d+$/.test(p));
  return parts[parts.length - 1] ?? path;
}

function invalidMessage(path: string, t: TFunction): string {
  const field = lastSegment(path);
  return KNOWN_FIELDS.has(field) ? t(`validation.invalid.${field}`) : t('validation.invalid.generic');
}

/** Validates values against a contract schema and returns Mantine-form errors in the UI language. */
export function schemaErrors(schema: z.ZodType, values: unknown, t: TFunction): Record<string, string> {
  const result = schema.safeParse(values);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    if (errors[path]) continue;
    const i = issue as {
      code: string;
      minimum?: number | bigint;
      maximum?: number | bigint;
      input?: unknown;
    };
    if (i.code === 'too_small' && (i.minimum === 1 || i.minimum === 1n) && typeof i.input !== 'number') {
      errors[path] = lastSegment(path) === 'roles' ? t('validation.chooseOne') : t('validation.required');
    } else if (i.code === 'too_big' && typeof i.input === 'string') {
      errors[path] = t('validation.tooLong', { max: Number(i.maximum) });
    } else if (i.code === 'invalid_type' && (i.input === undefined || i.input === null || i.input === '')) {
      errors[path] = t('validation.required');
    } else {
      errors[path] = invalidMessage(path, t);
    }
  }
  return errors;
}

/** Turns the server's 400/422 field errors into Mantine-form errors, in the UI language where we can. */
export function serverFieldErrors(
  fields: FieldError[],
  t: TFunction,
  options: { prefix?: string; strip?: string } = {},
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of fields) {
    let path = field.path.replace(/\[(\d+)\]/g, '.$1').replace(/^body\./, '');
    if (options.strip && path.startsWith(options.strip)) path = path.slice(options.strip.length);
    if (options.prefix) path = options.prefix + path;
    const name = lastSegment(path);
    errors[path] = KNOWN_FIELDS.has(name)
      ? t(`validation.invalid.${name}`)
      : field.message || t('validation.invalid.generic');
  }
  return errors;
}
