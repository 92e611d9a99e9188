import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { checkPassword } from '../../../domain/auth/password-policy.js';
import { DomainError } from '../../../domain/shared/errors.js';

/** OWASP's argon2id recommendation: m=19 MiB, t=2, p=1. */
/** algorithm 2 is Argon2id in @node-rs/argon2's (ambient const) enum. */
export const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return common;
}

export function assertAcceptablePassword(
  password: string,
  context: { email?: string; name?: string },
  path = 'password',
) {
  const issues = checkPassword(password, context, (c) => commonPasswords().has(c), path);
  if (issues.length > 0) throw new DomainError('WEAK_PASSWORD', issues[0]!.message, { fields: issues });
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** Used when the e-mail is unknown, so a failed login costs the same time either way. */
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (!storedHash) {
    dummyHash ??= hashPassword('schakel-timing-equaliser');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(storedHash, password).catch(() => false);
}
