import { sql } from 'drizzle-orm';
import { TOTP_DRIFT_STEPS, totpAt, totpStep } from '../../domain/auth/totp.js';
import type { Db } from '../db/connect.js';
import { users } from '../db/schema/index.js';
import { DEMO_TOTP_SECRET } from '../seed/second-factor.js';

/**
 * A code of the demo TOTP secret that the server has not accepted yet, for the test harness (API client and e2e
 * sign-in). The server accepts the steps now-1 … now+1, each once (replay protection). The harness uses the
 * current step, or the next one when the current one was used (both stay valid if the clock crosses a step
 * boundary before the server checks). When both are used — a third login of the same account within one step —
 * it moves the account's last accepted step back instead of waiting up to 30 seconds: a test shortcut only.
 * `modules/auth/second-factor.test.ts` proves the real replay rule with its own codes.
 */
export function nextDemoTotpCode(db: Db, email: string, at = new Date()): Promise<string> {
  return nextTotpCode(db, email, DEMO_TOTP_SECRET, at);
}

/** The same for any account and secret (e.g. one a test has just set up). */
export async function nextTotpCode(db: Db, email: string, secret: string, at = new Date()): Promise<string> {
  const now = totpStep(at);
  const match = sql`lower(${users.email}) = ${email.toLowerCase()}`;
  const [row] = await db.select({ last: users.totpLastStep }).from(users).where(match);
  let step = Math.max(now, (row?.last ?? now - 1) + 1);
  if (step > now + TOTP_DRIFT_STEPS) {
    await db
      .update(users)
      .set({ totpLastStep: now - 1 })
      .where(match);
    step = now;
  }
  return totpAt(secret, step);
}
