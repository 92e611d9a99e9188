import { createHmac } from 'node:crypto';
import type { Role } from '../../contracts/roles.js';

/**
 * Second factor: time-based one-time passwords (RFC 6238 over RFC 4226 HOTP) with HMAC-SHA1, 6 digits and a
 * 30-second step, as every authenticator app understands them; plus the format of one-time recovery codes.
 * Pure: the time and the random bytes are passed in.
 */

export const TOTP_STEP_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps accepted either side of the current one, for clock drift between phone and server. */
export const TOTP_DRIFT_STEPS = 1;
/** 160 bits, the length RFC 4226 recommends for HMAC-SHA1. */
export const TOTP_SECRET_BYTES = 20;
export const RECOVERY_CODE_COUNT = 10;
/** Random bytes consumed per recovery code (8 characters of 5 bits = 40 bits). */
export const RECOVERY_CODE_BYTES = 5;

/** Roles that must always log in with a second factor. */
export const SECOND_FACTOR_ROLES: readonly Role[] = ['administrator', 'privacy_officer'];

/** Whether a user with these roles, in an organisation with this setting, must use a second factor. */
export function secondFactorRequired(roles: readonly Role[], organisationRequires: boolean): boolean {
  return organisationRequires || roles.some((r) => SECOND_FACTOR_ROLES.includes(r));
}

/** The state a new session starts in after a correct password. */
export function sessionSecondFactorAtLogin(
  user: { totpEnabled: boolean; roles: readonly Role[] },
  organisationRequires: boolean,
): 'pending' | 'enrol' | 'none' {
  if (user.totpEnabled) return 'pending';
  if (secondFactorRequired(user.roles, organisationRequires)) return 'enrol';
  return 'none';
}

// ---------------------------------------------------------------------------------------------- base32 (RFC 4648)

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Base32 without padding, upper case (what authenticator apps expect in an otpauth URI). */
export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/** Decodes base32, ignoring case, spaces, hyphens and padding (as people type a secret). Throws on other characters. */
export function base32Decode(text: string): Uint8Array {
  const clean = text.toUpperCase().replace(/[\s=-]/g, '');
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of clean) {
    const value = BASE32_ALPHABET.indexOf(ch);
    if (value < 0) throw new Error(`not a base32 character: ${ch}`);
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      out.push((buffer >>> (bits - 8)) & 255);
      bits -= 8;
    }
    buffer &= (1 << bits) - 1;
  }
  return Uint8Array.from(out);
}

// ---------------------------------------------------------------------------------------------- HOTP / TOTP

/** The time step of a moment: floor(unix seconds / 30). */
export function totpStep(at: Date, stepSeconds = TOTP_STEP_SECONDS): number {
  return Math.floor(at.getTime() / 1000 / stepSeconds);
}

export type HmacAlgorithm = 'sha1' | 'sha256' | 'sha512';

/** RFC 4226 HOTP: the dynamically truncated HMAC of the 8-byte big-endian counter, as `digits` decimal digits. */
export function hotp(
  secret: Uint8Array,
  counter: number,
  digits = TOTP_DIGITS,
  algorithm: HmacAlgorithm = 'sha1',
): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, secret).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary =
    ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The code of a secret (base32) at a time step. */
export function totpAt(secretBase32: string, step: number): string {
  return hotp(base32Decode(secretBase32), step);
}

/** The code of a secret (base32) at a moment. */
export function totpCode(secretBase32: string, at: Date): string {
  return totpAt(secretBase32, totpStep(at));
}

/** Whether a string looks like a TOTP code: six digits, spaces allowed (as apps display "123 456"). */
export function normaliseTotpCode(input: string): string | null {
  const digits = input.replace(/\s/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: 'invalid' | 'replayed' };

/**
 * Checks a code at a moment: it must match the current step or one either side, and its step must be later than
 * the last step accepted for this user (so a code, once used, never works again — also not within its window).
 */
export function verifyTotp(
  secretBase32: string,
  input: string,
  at: Date,
  lastAcceptedStep: number | null,
): TotpCheck {
  const code = normaliseTotpCode(input);
  if (!code) return { ok: false, reason: 'invalid' };
  const secret = base32Decode(secretBase32);
  const current = totpStep(at);
  let replayed = false;
  for (let delta = -TOTP_DRIFT_STEPS; delta <= TOTP_DRIFT_STEPS; delta++) {
    const step = current + delta;
    if (step < 0) continue;
    if (!constantTimeEqual(hotp(secret, step), code)) continue;
    if (lastAcceptedStep !== null && step <= lastAcceptedStep) {
      replayed = true;
      continue;
    }
    return { ok: true, step };
  }
  return { ok: false, reason: replayed ? 'replayed' : 'invalid' };
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** A new secret (base32) from random bytes supplied by the caller. */
export function totpSecretFrom(random: Uint8Array): string {
  if (random.length < TOTP_SECRET_BYTES)
    throw new Error(`a TOTP secret needs ${TOTP_SECRET_BYTES} random bytes`);
  return base32Encode(random.subarray(0, TOTP_SECRET_BYTES));
}

/** The otpauth:// URI (Google Authenticator key URI format) that a QR code carries. */
export function otpauthUri(secretBase32: string, account: string, issuer = 'Schakel'): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const params = new URLSearchParams({
    secret: secretBase32,
    issuer,
    algorithm: 'SHA1',
    digits: String(TOTP_DIGITS),
    period: String(TOTP_STEP_SECONDS),
  });
  return `otpauth://totp/${label}?${params.toString().replace(/\+/g, '%20')}`;
}

// ---------------------------------------------------------------------------------------------- recovery codes

/** Lower-case letters and digits without the look-alikes 0/o and 1/l: 32 characters, so 5 bits each. */
export const RECOVERY_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** One recovery code like `k7m2-9xqf` from 5 random bytes (40 bits: 8 characters of 5 bits). */
export function recoveryCodeFrom(random: Uint8Array): string {
  if (random.length < RECOVERY_CODE_BYTES)
    throw new Error(`a recovery code needs ${RECOVERY_CODE_BYTES} bytes`);
  const encoded = base32Encode(random.subarray(0, RECOVERY_CODE_BYTES));
  const chars = [...encoded].map((c) => RECOVERY_ALPHABET[BASE32_ALPHABET.indexOf(c)]!);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}`;
}

/** `RECOVERY_CODE_COUNT` distinct codes from `RECOVERY_CODE_COUNT × RECOVERY_CODE_BYTES` random bytes. */
export function recoveryCodesFrom(random: Uint8Array): string[] {
  const codes: string[] = [];
  for (let i = 0; i < RECOVERY_CODE_COUNT; i++) {
    codes.push(recoveryCodeFrom(random.subarray(i * RECOVERY_CODE_BYTES, (i + 1) * RECOVERY_CODE_BYTES)));
  }
  return codes;
}

/** How a typed recovery code is compared: lower case, without spaces and hyphens. */
export function normaliseRecoveryCode(input: string): string | null {
  const clean = input.toLowerCase().replace(/[\s-]/g, '');
  if (clean.length !== 8) return null;
  return [...clean].every((c) => RECOVERY_ALPHABET.includes(c)) ? clean : null;
}
