import { z } from 'zod';

/** Every free-text field has an explicit limit; these are the shared sizes. */
export const LIMITS = { short: 120, medium: 300, long: 4000 } as const;

export const Id = z.uuid();
export const IdParams = z.strictObject({ id: Id });

const trimmed = (max: number) => z.string().trim().max(max);
export const ShortText = trimmed(LIMITS.short);
export const MediumText = trimmed(LIMITS.medium);
export const LongText = trimmed(LIMITS.long);
export const RequiredName = trimmed(LIMITS.short).min(1);

export const Email = z.string().trim().toLowerCase().max(254).pipe(z.email());
export const Phone = z
  .string()
  .trim()
  .max(30)
  .regex(/^[+0-9 ()-]*$/, { message: 'Use digits, spaces, +, - or ()' });
export const IsoDate = z.iso.date();
export const IsoDateTime = z.iso.datetime({ offset: true });

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    /** On 412 STALE_VERSION: the record as it is now, so the client can show what changed. */
    current: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Ok = z.object({ ok: z.literal(true) });

/** A person reference shown in lists: never more than a name and a way to reach them. */
export const PersonRef = z.object({ id: Id, name: z.string() });
export type PersonRef = z.infer<typeof PersonRef>;

type Undefaulted<T> = T extends z.ZodDefault<infer U> ? U : T;

/**
 * The schema for a partial update (PATCH) of an input object: every field optional and WITHOUT its default.
 * (zod's own `.partial()` keeps defaults, so an omitted field would be reset to its default instead of left alone.)
 */
export function patchOf<S extends z.ZodRawShape>(input: z.ZodObject<S>) {
  const shape = Object.fromEntries(
    Object.entries(input.shape).map(([key, field]) => [
      key,
      field instanceof z.ZodDefault ? field.unwrap() : field,
    ]),
  ) as { [K in keyof S]: Undefaulted<S[K]> };
  return z.strictObject(shape).partial();
}
