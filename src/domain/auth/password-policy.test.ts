import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, checkPassword } from './password-policy.js';

const COMMON = new Set(['password', 'welkom', 'qwerty123456']);
const isCommon = (candidate: string) => COMMON.has(candidate);
const check = (password: string, context: { email?: string; name?: string } = {}, path?: string) =>
  checkPassword(password, context, isCommon, path);

const TOO_SHORT = 'Use at least 12 characters.';
const TOO_LONG = 'Use at most 256 characters.';
const TOO_COMMON = 'This password is too common. Choose a less predictable one.';
const PERSONAL = 'Do not use your e-mail address or name as password.';

describe('checkPassword', () => {
  it('has the documented limits', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12);
    expect(PASSWORD_MAX_LENGTH).toBe(256);
  });

  it('rejects passwords shorter than 12 characters', () => {
    expect(check('Kort-wachtw')).toEqual([{ path: 'password', message: TOO_SHORT }]);
    expect(check('')).toEqual([{ path: 'password', message: TOO_SHORT }]);
  });

  it('accepts exactly 12 and exactly 256 characters', () => {
    expect(check('fiets-Boom-7')).toEqual([]);
    expect(check('fiets-Boom-7'.padEnd(256, 'xyz'))).toEqual([]);
  });

  it('rejects passwords longer than 256 characters', () => {
    expect(check('ab'.repeat(128) + 'c')).toEqual([{ path: 'password', message: TOO_LONG }]);
  });

  it('rejects common passwords, case-insensitively', () => {
    expect(check('qwerty123456')).toEqual([{ path: 'password', message: TOO_COMMON }]);
    expect(check('QWERTY123456')).toEqual([{ path: 'password', message: TOO_COMMON }]);
  });

  it('rejects a common password with only trailing digits or symbols added', () => {
    expect(check('welkom2024!!')).toEqual([{ path: 'password', message: TOO_COMMON }]);
    expect(check('Welkom123456')).toEqual([{ path: 'password', message: TOO_COMMON }]);
    expect(check('password_____')).toEqual([{ path: 'password', message: TOO_COMMON }]);
    expect(check('PASSWORD!@#$%^')).toEqual([{ path: 'password', message: TOO_COMMON }]);
  });

  it('rejects a common password that itself ends in digits, with more digits or symbols added', () => {
    expect(check('qwerty123456!')).toEqual([{ path: 'password', message: TOO_COMMON }]);
    expect(check('qwerty1234562024')).toEqual([{ path: 'password', message: TOO_COMMON }]);
  });

  it('checks a password of only digits and symbols as a whole, not by its prefixes', () => {
    const digits = (candidate: string) => candidate === '1234' || candidate === '123456789012';
    expect(checkPassword('123456789012', {}, digits)).toEqual([{ path: 'password', message: TOO_COMMON }]);
    expect(checkPassword('1234-8841-9372', {}, digits)).toEqual([]);
  });

  it('does not reject a common word that is followed by letters', () => {
    expect(check('welkomthuis2024')).toEqual([]);
    expect(check('mijnpassword')).toEqual([]);
  });

  it('rejects a run of one repeated character', () => {
    expect(check('aaaaaaaaaaaa')).toEqual([{ path: 'password', message: TOO_COMMON }]);
    expect(check('111111111111111')).toEqual([{ path: 'password', message: TOO_COMMON }]);
    expect(check('!!!!!!!!!!!!')).toEqual([{ path: 'password', message: TOO_COMMON }]);
    expect(check('aaaaaaaaaaab')).toEqual([]);
  });

  it('rejects the e-mail address and its local part', () => {
    const email = 'j.de.vries.hulp@gemeente.nl';
    expect(check(email, { email })).toEqual([{ path: 'password', message: PERSONAL }]);
    expect(check('J.DE.VRIES.HULP@gemeente.nl', { email })).toEqual([
      { path: 'password', message: PERSONAL },
    ]);
    expect(check('j.de.vries.hulp', { email })).toEqual([{ path: 'password', message: PERSONAL }]);
    expect(check('j.de.vries.hulp!', { email })).toEqual([]);
  });

  it('rejects the name, ignoring spaces and case', () => {
    const name = 'Jan de Vries-Bakker';
    expect(check('jandevries-bakker', { name })).toEqual([{ path: 'password', message: PERSONAL }]);
    expect(check('Jan de Vries-Bakker', { name })).toEqual([{ path: 'password', message: PERSONAL }]);
    expect(check('JAN  DE  VRIES-BAKKER', { name })).toEqual([{ path: 'password', message: PERSONAL }]);
    expect(check('jandevries-bakker2', { name })).toEqual([]);
  });

  it('ignores an empty name or e-mail', () => {
    expect(check('fiets-Boom-7!', { email: '', name: '   ' })).toEqual([]);
  });

  it('accepts acceptable passwords', () => {
    for (const p of [
      'correct horse battery staple',
      'Zonnebloem-Fiets-42',
      'tr0ub4dor&3xyz',
      'wachtwoord is geheim',
    ]) {
      expect(check(p, { email: 'a.b@example.nl', name: 'Anna Bos' })).toEqual([]);
    }
  });

  it('reports under the given path', () => {
    expect(check('kort', {}, 'newPassword')).toEqual([{ path: 'newPassword', message: TOO_SHORT }]);
    expect(check('welkom2024!!', {}, 'users.0.password')).toEqual([
      { path: 'users.0.password', message: TOO_COMMON },
    ]);
  });

  it('rejects every string of fewer than 12 characters (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 11 }), (password) => {
        expect(check(password)).toEqual([{ path: 'password', message: TOO_SHORT }]);
      }),
      { numRuns: 200 },
    );
  });

  it('rejects every common password followed by digits or symbols (property)', () => {
    const suffixArb = fc.string({ unit: fc.constantFrom(...'0123456789!@#$%^&*()_-+=.?'), maxLength: 12 });
    fc.assert(
      fc.property(fc.constantFrom(...COMMON), suffixArb, (word, suffix) => {
        const password = word + suffix;
        fc.pre(password.length >= PASSWORD_MIN_LENGTH);
        expect(check(password)).toEqual([{ path: 'password', message: TOO_COMMON }]);
      }),
      { numRuns: 200 },
    );
  });

  it('returns at most one issue, under path "password" unless another path is passed (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.option(fc.string({ minLength: 1, maxLength: 20 }), { nil: undefined }),
        fc.record({
          email: fc.option(
            fc
              .tuple(
                fc.string({ minLength: 1, maxLength: 16 }),
                fc.constantFrom('gemeente.nl', 'example.org'),
              )
              .map(([local, domain]) => `${local}@${domain}`),
            { nil: undefined },
          ),
          name: fc.option(fc.string(), { nil: undefined }),
        }),
        (password, path, context) => {
          const issues = checkPassword(password, context, isCommon, path);
          expect(issues.length).toBeLessThanOrEqual(1);
          for (const issue of issues) {
            expect(issue.path).toBe(path ?? 'password');
            expect(issue.message.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
