import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  RECOVERY_CODE_BYTES,
  RECOVERY_CODE_COUNT,
  base32Decode,
  base32Encode,
  hotp,
  normaliseRecoveryCode,
  normaliseTotpCode,
  otpauthUri,
  recoveryCodeFrom,
  recoveryCodesFrom,
  secondFactorRequired,
  sessionSecondFactorAtLogin,
  totpAt,
  totpCode,
  totpSecretFrom,
  totpStep,
  verifyTotp,
} from './totp.js';

/** RFC 6238 appendix B: the SHA-1 seed is the ASCII string "12345678901234567890". */
const RFC_SEED = new TextEncoder().encode('12345678901234567890');
const RFC_SECRET = base32Encode(RFC_SEED);

describe('TOTP (RFC 6238, HMAC-SHA1)', () => {
  it('matches the RFC 4226 HOTP test values', () => {
    const expected = [
      '755224',
      '287082',
      '359152',
      '969429',
      '338314',
      '254676',
      '287922',
      '162583',
      '399871',
      '520489',
    ];
    expected.forEach((code, counter) => expect(hotp(RFC_SEED, counter)).toBe(code));
  });

  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('matches the RFC 6238 SHA-1 vector at T=%i (8 digits, and its 6-digit code)', (seconds, eight) => {
    const at = new Date(seconds * 1000);
    expect(hotp(RFC_SEED, totpStep(at), 8)).toBe(eight);
    expect(totpCode(RFC_SECRET, at)).toBe(eight.slice(2));
  });

  it('accepts the current step and one either side, and nothing further', () => {
    const at = new Date(1111111111 * 1000);
    const step = totpStep(at);
    for (const delta of [-1, 0, 1]) {
      expect(verifyTotp(RFC_SECRET, totpAt(RFC_SECRET, step + delta), at, null)).toEqual({
        ok: true,
        step: step + delta,
      });
    }
    for (const delta of [-3, -2, 2, 3])
      expect(verifyTotp(RFC_SECRET, totpAt(RFC_SECRET, step + delta), at, null).ok).toBe(false);
  });

  it('refuses a step at or before the last accepted one (a code works once)', () => {
    const at = new Date(1234567890 * 1000);
    const step = totpStep(at);
    const code = totpAt(RFC_SECRET, step);
    expect(verifyTotp(RFC_SECRET, code, at, step)).toEqual({ ok: false, reason: 'replayed' });
    expect(verifyTotp(RFC_SECRET, code, at, step + 1)).toEqual({ ok: false, reason: 'replayed' });
    expect(verifyTotp(RFC_SECRET, code, at, step - 1)).toEqual({ ok: true, step });
    expect(verifyTotp(RFC_SECRET, totpAt(RFC_SECRET, step - 1), at, step - 1)).toEqual({
      ok: false,
      reason: 'replayed',
    });
  });

  it('reads codes as apps show them and refuses anything that is not six digits', () => {
    expect(normaliseTotpCode('123 456')).toBe('123456');
    expect(normaliseTotpCode(' 123456 ')).toBe('123456');
    for (const bad of ['12345', '1234567', '12345a', '', '１２３４５６'])
      expect(normaliseTotpCode(bad)).toBeNull();
    const at = new Date(59_000);
    expect(verifyTotp(RFC_SECRET, '287 082', at, null).ok).toBe(true);
    expect(verifyTotp(RFC_SECRET, 'abcdef', at, null)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('property: a code is accepted exactly within its window of ±1 step', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 20, maxLength: 20 }),
        fc.integer({ min: 1_000, max: 4_000_000_000 }),
        fc.integer({ min: -4, max: 4 }),
        fc.integer({ min: 0, max: 29_999 }),
        (bytes, seconds, delta, withinStepMs) => {
          const secret = base32Encode(bytes);
          const step = totpStep(new Date(seconds * 1000));
          const at = new Date(step * 30_000 + withinStepMs);
          const code = totpAt(secret, step + delta);
          const result = verifyTotp(secret, code, at, null);
          if (Math.abs(delta) <= 1) {
            // Another step in the window may, rarely, have the same code; then that step is the one accepted.
            expect(result.ok).toBe(true);
            if (result.ok) expect(totpAt(secret, result.step)).toBe(code);
          } else {
            // Accepted only if a step inside the window happens to share the code (a 6-digit collision).
            const collides = [-1, 0, 1].some((d) => totpAt(secret, step + d) === code);
            expect(result.ok).toBe(collides);
          }
        },
      ),
    );
  });

  it('property: once a step is accepted, no code of that step or earlier is accepted again', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 20, maxLength: 20 }),
        fc.integer({ min: 1_000, max: 4_000_000_000 }),
        fc.integer({ min: -1, max: 1 }),
        (bytes, seconds, delta) => {
          const secret = base32Encode(bytes);
          const at = new Date(seconds * 1000);
          const first = verifyTotp(secret, totpAt(secret, totpStep(at) + delta), at, null);
          expect(first.ok).toBe(true);
          if (!first.ok) return;
          for (let step = totpStep(at) - 1; step <= first.step; step++) {
            const again = verifyTotp(secret, totpAt(secret, step), at, first.step);
            if (again.ok) expect(again.step).toBeGreaterThan(first.step);
          }
        },
      ),
    );
  });
});

describe('base32 (RFC 4648)', () => {
  it('matches the RFC 4648 test vectors (without padding)', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'MY'],
      ['fo', 'MZXQ'],
      ['foo', 'MZXW6'],
      ['foob', 'MZXW6YQ'],
      ['fooba', 'MZXW6YTB'],
      ['foobar', 'MZXW6YTBOI'],
    ];
    for (const [plain, encoded] of vectors) {
      expect(base32Encode(new TextEncoder().encode(plain))).toBe(encoded);
      expect(new TextDecoder().decode(base32Decode(encoded))).toBe(plain);
    }
    expect(RFC_SECRET).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  });

  it('property: decode(encode(bytes)) is the bytes, also typed in lower case with spaces and padding', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const encoded = base32Encode(bytes);
        expect(encoded).toMatch(/^[A-Z2-7]*$/);
        expect(base32Decode(encoded)).toEqual(bytes);
        const typed = `${encoded.toLowerCase().replace(/(.{4})/g, '$1 ')}====`;
        expect(base32Decode(typed)).toEqual(bytes);
      }),
    );
  });

  it('refuses characters outside the alphabet', () => {
    expect(() => base32Decode('MZXW1')).toThrow();
    expect(() => base32Decode('MZ!W')).toThrow();
  });
});

describe('secrets, otpauth URI, recovery codes', () => {
  it('makes a 160-bit secret from the random bytes it is given', () => {
    const secret = totpSecretFrom(new Uint8Array(20).fill(255));
    expect(secret).toBe('7'.repeat(32));
    expect(base32Decode(secret)).toHaveLength(20);
    expect(() => totpSecretFrom(new Uint8Array(10))).toThrow();
  });

  it('builds the otpauth:// URI authenticator apps read from a QR code', () => {
    expect(otpauthUri('JBSWY3DPEHPK3PXP', 'regisseur@schakel.demo')).toBe(
      'otpauth://totp/Schakel:regisseur%40schakel.demo?secret=JBSWY3DPEHPK3PXP&issuer=Schakel' +
        '&algorithm=SHA1&digits=6&period=30',
    );
    expect(otpauthUri('AAAA', 'a b', 'Schakel Zwolle')).toBe(
      'otpauth://totp/Schakel%20Zwolle:a%20b?secret=AAAA&issuer=Schakel%20Zwolle&algorithm=SHA1&digits=6&period=30',
    );
  });

  it('formats recovery codes like k7m2-9xqf, without look-alike characters', () => {
    expect(recoveryCodeFrom(new Uint8Array(5))).toBe('aaaa-aaaa');
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: RECOVERY_CODE_BYTES, maxLength: RECOVERY_CODE_BYTES }),
        (bytes) => {
          const code = recoveryCodeFrom(bytes);
          expect(code).toMatch(/^[a-km-z2-9]{4}-[a-km-z2-9]{4}$/);
          expect(code).not.toMatch(/[01lo]/);
          expect(normaliseRecoveryCode(code.toUpperCase())).toBe(code.replace('-', ''));
        },
      ),
    );
  });

  it('property: different bytes give different recovery codes (40 bits each, no information lost)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: RECOVERY_CODE_BYTES, maxLength: RECOVERY_CODE_BYTES }),
        fc.uint8Array({ minLength: RECOVERY_CODE_BYTES, maxLength: RECOVERY_CODE_BYTES }),
        (a, b) => {
          const same = a.every((x, i) => x === b[i]);
          expect(recoveryCodeFrom(a) === recoveryCodeFrom(b)).toBe(same);
        },
      ),
    );
  });

  it('makes ten codes from ten times five bytes', () => {
    const bytes = Uint8Array.from({ length: RECOVERY_CODE_COUNT * RECOVERY_CODE_BYTES }, (_, i) => i * 7);
    const codes = recoveryCodesFrom(bytes);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
  });

  it('reads typed recovery codes leniently and refuses others', () => {
    expect(normaliseRecoveryCode(' K7M2 - 9XQF ')).toBe('k7m29xqf');
    expect(normaliseRecoveryCode('k7m29xqf')).toBe('k7m29xqf');
    for (const bad of ['k7m2-9xq', 'k7m2-9xqf1', 'k0m2-9xqf', 'l7m2-9xqf', 'k7m2_9xqf'])
      expect(normaliseRecoveryCode(bad)).toBeNull();
  });
});

describe('when a second factor is required', () => {
  it('always for administrators and privacy officers, for others when the organisation requires it', () => {
    expect(secondFactorRequired(['administrator'], false)).toBe(true);
    expect(secondFactorRequired(['privacy_officer'], false)).toBe(true);
    expect(secondFactorRequired(['coordinator', 'administrator'], false)).toBe(true);
    expect(secondFactorRequired(['coordinator'], false)).toBe(false);
    expect(secondFactorRequired(['partner_professional'], true)).toBe(true);
  });

  it('decides the state of a new session after the password', () => {
    expect(sessionSecondFactorAtLogin({ totpEnabled: true, roles: ['coordinator'] }, false)).toBe('pending');
    expect(sessionSecondFactorAtLogin({ totpEnabled: true, roles: ['administrator'] }, false)).toBe(
      'pending',
    );
    expect(sessionSecondFactorAtLogin({ totpEnabled: false, roles: ['administrator'] }, false)).toBe('enrol');
    expect(sessionSecondFactorAtLogin({ totpEnabled: false, roles: ['coordinator'] }, true)).toBe('enrol');
    expect(sessionSecondFactorAtLogin({ totpEnabled: false, roles: ['coordinator'] }, false)).toBe('none');
  });
});
