/**
 * Prints the current second-factor code of a demo account seeded with TOTP (the administrator and the privacy
 * officer), so you can try the demo without an authenticator app: `npm run demo:code -- beheer@schakel.demo`.
 * Works only for the public demo secret (src/server/seed/second-factor.ts); real accounts have their own secret.
 */
import { TOTP_STEP_SECONDS, totpAt, totpStep } from '../src/domain/auth/totp.js';
import { DEMO_USERS } from '../src/server/seed/directory.js';
import { DEMO_TOTP_KEYS, DEMO_TOTP_SECRET, hasDemoTotpEmail } from '../src/server/seed/second-factor.js';

const email = process.argv[2];
const withTotp = DEMO_USERS.filter((u) => DEMO_TOTP_KEYS.includes(u.key)).map((u) => u.email);
if (!email || !hasDemoTotpEmail(email)) {
  console.error(`Usage: npm run demo:code -- <email>, one of: ${withTotp.join(', ')}`);
  process.exit(1);
}
const now = new Date();
const step = totpStep(now);
const left = TOTP_STEP_SECONDS - (Math.floor(now.getTime() / 1000) % TOTP_STEP_SECONDS);
console.log(
  `${totpAt(DEMO_TOTP_SECRET, step)}  (nog ${left} s geldig; daarna ${totpAt(DEMO_TOTP_SECRET, step + 1)})`,
);
