import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LOGIN_WINDOW_MS,
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_ADDRESS,
  SESSION_ABSOLUTE_TIMEOUT_MS,
  SESSION_IDLE_TIMEOUT_MS,
  SESSION_TOUCH_INTERVAL_MS,
  loginBlocked,
  needsTouch,
  sessionState,
} from './session-rules.js';

const MIN = 60 * 1000;
const HOUR = 60 * MIN;
const created = new Date('2026-03-02T08:00:00.000Z');
const at = (ms: number) => new Date(created.getTime() + ms);
const fresh = { lastSeenAt: created, expiresAt: at(SESSION_ABSOLUTE_TIMEOUT_MS) };

describe('timeouts', () => {
  it('are 30 minutes idle, 12 hours absolute, touch every minute, 15 minute login window', () => {
    expect(SESSION_IDLE_TIMEOUT_MS).toBe(30 * MIN);
    expect(SESSION_ABSOLUTE_TIMEOUT_MS).toBe(12 * HOUR);
    expect(SESSION_TOUCH_INTERVAL_MS).toBe(MIN);
    expect(LOGIN_WINDOW_MS).toBe(15 * MIN);
  });
});

describe('sessionState', () => {
  it('is valid right after login', () => {
    expect(sessionState(fresh, created)).toBe('valid');
  });

  it('expires exactly at 30 minutes idle, not a millisecond before', () => {
    expect(sessionState(fresh, at(30 * MIN - 1))).toBe('valid');
    expect(sessionState(fresh, at(30 * MIN))).toBe('expired');
    expect(sessionState(fresh, at(31 * MIN))).toBe('expired');
  });

  it('expires exactly at the absolute limit even when active', () => {
    const active = (now: Date) => ({ lastSeenAt: new Date(now.getTime() - MIN), expiresAt: fresh.expiresAt });
    expect(sessionState(active(at(12 * HOUR - 1)), at(12 * HOUR - 1))).toBe('valid');
    expect(sessionState(active(at(12 * HOUR)), at(12 * HOUR))).toBe('expired');
    expect(sessionState({ lastSeenAt: at(12 * HOUR), expiresAt: fresh.expiresAt }, at(12 * HOUR))).toBe(
      'expired',
    );
  });

  it('stays valid for 12 hours when touched every 29 minutes', () => {
    let lastSeenAt = created;
    for (let t = 0; t < 12 * HOUR; t += 29 * MIN) {
      const now = at(t);
      expect(sessionState({ lastSeenAt, expiresAt: fresh.expiresAt }, now)).toBe('valid');
      lastSeenAt = now;
    }
  });

  it('is valid iff now < expiresAt and now - lastSeenAt < 30 min (property)', () => {
    const t = fc.integer({ min: 0, max: 2 * 24 * HOUR });
    fc.assert(
      fc.property(t, t, t, (lastSeen, expires, now) => {
        const state = sessionState({ lastSeenAt: at(lastSeen), expiresAt: at(expires) }, at(now));
        const valid = now < expires && now - lastSeen < SESSION_IDLE_TIMEOUT_MS;
        expect(state).toBe(valid ? 'valid' : 'expired');
      }),
      { numRuns: 200 },
    );
  });

  it('never becomes valid again once expired without a touch (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 13 * HOUR }), fc.integer({ min: 0, max: HOUR }), (t, later) => {
        if (sessionState(fresh, at(t)) === 'expired')
          expect(sessionState(fresh, at(t + later))).toBe('expired');
      }),
      { numRuns: 150 },
    );
  });
});

describe('needsTouch', () => {
  it('touches at most once a minute', () => {
    expect(needsTouch(created, created)).toBe(false);
    expect(needsTouch(created, at(MIN - 1))).toBe(false);
    expect(needsTouch(created, at(MIN))).toBe(true);
    expect(needsTouch(created, at(10 * MIN))).toBe(true);
  });
});

describe('loginBlocked', () => {
  it('blocks an account from its 5th failure', () => {
    expect(MAX_FAILURES_PER_ACCOUNT).toBe(5);
    expect(loginBlocked({ account: 0, address: 0 })).toBe(false);
    expect(loginBlocked({ account: 4, address: 0 })).toBe(false);
    expect(loginBlocked({ account: 5, address: 0 })).toBe(true);
    expect(loginBlocked({ account: 6, address: 0 })).toBe(true);
  });

  it('blocks an address from its 20th failure', () => {
    expect(MAX_FAILURES_PER_ADDRESS).toBe(20);
    expect(loginBlocked({ account: 0, address: 19 })).toBe(false);
    expect(loginBlocked({ account: 0, address: 20 })).toBe(true);
    expect(loginBlocked({ account: 4, address: 19 })).toBe(false);
  });

  it('is monotonic in both counts (property)', () => {
    const n = fc.nat({ max: 40 });
    fc.assert(
      fc.property(n, n, n, n, (account, address, moreAccount, moreAddress) => {
        const before = loginBlocked({ account, address });
        expect(before).toBe(account >= 5 || address >= 20);
        if (before)
          expect(loginBlocked({ account: account + moreAccount, address: address + moreAddress })).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
