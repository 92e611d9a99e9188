import { totpCode } from '../../domain/auth/totp.js';
import { DEMO_USERS } from './directory.js';

/**
 * The fixed TOTP secret (base32) of the demo accounts that must log in with a second factor (the administrator and
 * the privacy officer). It is public — in README.md — so that anyone trying the demo, and the test harness, can
 * compute the code: `npm run demo:code -- beheer@schakel.demo`, or add it to an authenticator app. Never use the
 * demo seed for real data.
 */
export const DEMO_TOTP_SECRET = 'KNRWQYLLMVWC2ZDFNVXS2VCPKRIC2MRQ';

/** The demo accounts seeded with TOTP on (by key, see directory.ts). */
export const DEMO_TOTP_KEYS: readonly string[] = ['admin', 'privacy'];

export const hasDemoTotp = (key: string) => DEMO_TOTP_KEYS.includes(key);

export const hasDemoTotpEmail = (email: string) =>
  DEMO_USERS.some((u) => u.email.toLowerCase() === email.toLowerCase() && hasDemoTotp(u.key));

/** The current code of the demo secret (what an authenticator app would show now). */
export const demoTotpCode = (at = new Date()) => totpCode(DEMO_TOTP_SECRET, at);
