import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACCESS_LOG_MAX_DAYS,
  type AccessSlice,
  EMERGENCY_HOURS,
  accessPeriod,
  basisKind,
  emergencyExpiry,
  emergencyState,
  groupAccess,
  isChange,
  minutesInUse,
  normaliseHouseNumber,
  normalisePostcode,
  reviewTransition,
} from './emergency.js';

const at = (iso: string) => new Date(iso);

describe('emergency access lifetime', () => {
  it('lasts four hours by default and is active until then', () => {
    const start = at('2026-03-02T10:00:00Z');
    const expiresAt = emergencyExpiry(start);
    expect(EMERGENCY_HOURS).toBe(4);
    expect(expiresAt.toISOString()).toBe('2026-03-02T14:00:00.000Z');
    expect(emergencyState({ expiresAt, endedAt: null }, at('2026-03-02T13:59:59Z'))).toBe('active');
    expect(emergencyState({ expiresAt, endedAt: null }, at('2026-03-02T14:00:00Z'))).toBe('expired');
    expect(
      emergencyState({ expiresAt, endedAt: at('2026-03-02T11:00:00Z') }, at('2026-03-02T12:00:00Z')),
    ).toBe('ended');
  });

  it('counts the minutes in use up to the end, the expiry or now, whichever is first', () => {
    const a = { startedAt: at('2026-03-02T10:00:00Z'), expiresAt: at('2026-03-02T14:00:00Z'), endedAt: null };
    expect(minutesInUse(a, at('2026-03-02T10:30:00Z'))).toBe(30);
    expect(minutesInUse(a, at('2026-03-03T10:00:00Z'))).toBe(240);
    expect(minutesInUse({ ...a, endedAt: at('2026-03-02T10:45:00Z') }, at('2026-03-03T10:00:00Z'))).toBe(45);
  });

  it('is never in use for a negative or longer-than-expiry time (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: -500, max: 10_000 }), (end, now) => {
        const startedAt = at('2026-01-01T00:00:00Z');
        const expiresAt = emergencyExpiry(startedAt);
        const endedAt = new Date(startedAt.getTime() + end * 60_000);
        const m = minutesInUse(
          { startedAt, expiresAt, endedAt },
          new Date(startedAt.getTime() + now * 60_000),
        );
        return m >= 0 && m <= EMERGENCY_HOURS * 60;
      }),
    );
  });
});

describe('review transitions', () => {
  it('approves or follows up a pending access; a follow-up needs a note', () => {
    expect(reviewTransition('pending', 'approved', '')).toEqual({ ok: true, status: 'approved' });
    expect(reviewTransition('pending', 'follow_up', '  ')).toEqual({ ok: false, problem: 'note_required' });
    expect(reviewTransition('pending', 'follow_up', 'Gesprek met teamleider')).toEqual({
      ok: true,
      status: 'followed_up',
    });
  });

  it('closes a follow-up with an approval; an approval is final', () => {
    expect(reviewTransition('followed_up', 'approved', '')).toEqual({ ok: true, status: 'approved' });
    expect(reviewTransition('followed_up', 'follow_up', 'Nog een gesprek')).toEqual({
      ok: true,
      status: 'followed_up',
    });
    expect(reviewTransition('approved', 'approved', '')).toEqual({ ok: false, problem: 'already_approved' });
    expect(reviewTransition('approved', 'follow_up', 'x')).toEqual({
      ok: false,
      problem: 'already_approved',
    });
  });
});

describe('address matching', () => {
  it('normalises postcodes and house numbers the way people type them', () => {
    expect(normalisePostcode(' 8043 kl ')).toBe('8043KL');
    expect(normalisePostcode('8043KL')).toBe('8043KL');
    expect(normaliseHouseNumber('5 A')).toBe('5a');
    expect(normaliseHouseNumber('5-a')).toBe('5a');
    expect(normaliseHouseNumber('221')).toBe('221');
  });
});

describe('access overview period', () => {
  it('defaults to the last 30 days up to today', () => {
    expect(accessPeriod({}, '2026-03-31')).toEqual({ ok: true, from: '2026-03-02', to: '2026-03-31' });
    expect(accessPeriod({ from: '2026-01-01' }, '2026-03-31')).toEqual({
      ok: true,
      from: '2026-01-01',
      to: '2026-01-30',
    });
    expect(accessPeriod({ to: '2026-02-10' }, '2026-03-31')).toEqual({
      ok: true,
      from: '2026-01-12',
      to: '2026-02-10',
    });
  });

  it('refuses from after to and periods longer than 366 days', () => {
    expect(accessPeriod({ from: '2026-03-02', to: '2026-03-01' }, '2026-03-31')).toMatchObject({
      ok: false,
      path: 'from',
    });
    expect(accessPeriod({ from: '2025-01-01', to: '2026-01-01' }, '2026-03-31')).toMatchObject({
      ok: true,
    });
    expect(accessPeriod({ from: '2025-01-01', to: '2026-01-02' }, '2026-03-31')).toMatchObject({
      ok: false,
      path: 'to',
    });
  });

  it('any accepted period is ordered and at most the maximum (property)', () => {
    const day = fc
      .integer({ min: 0, max: 2000 })
      .map((n) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.option(day, { nil: undefined }),
        fc.option(day, { nil: undefined }),
        day,
        (from, to, today) => {
          const p = accessPeriod({ from, to }, today);
          if (!p.ok) return true;
          const days = (Date.parse(p.to) - Date.parse(p.from)) / 86_400_000 + 1;
          return p.from <= p.to && days <= ACCESS_LOG_MAX_DAYS;
        },
      ),
    );
  });
});

describe('basis in words', () => {
  it('names consent and emergency first, then the relation, and keeps the legal grounds', () => {
    expect(basisKind('care_relation:partner;jeugdwet', true, false)).toEqual({
      kind: 'consent',
      grounds: ['jeugdwet'],
    });
    expect(basisKind('emergency_access:abc;wmo_2015', false, true)).toEqual({
      kind: 'emergency',
      grounds: ['wmo_2015'],
    });
    expect(basisKind('care_relation:coordinator', false, false)).toEqual({
      kind: 'coordinator',
      grounds: [],
    });
    expect(basisKind('care_relation:partner', false, false).kind).toBe('care_relation');
    expect(basisKind('meldrecht', false, false).kind).toBe('meldrecht');
    expect(basisKind('privacy_audit', false, false).kind).toBe('privacy_audit');
    expect(basisKind('stagnation_sweep', false, false).kind).toBe('system');
    expect(basisKind('something_else', false, false).kind).toBe('other');
    expect(isChange('update')).toBe(true);
    expect(isChange('export')).toBe(false);
  });
});

describe('grouping the overview', () => {
  const slice = (over: Partial<AccessSlice>): AccessSlice => ({
    day: '2026-03-02',
    organisationId: 'org-jeugd',
    role: 'partner_professional',
    objectType: 'plan',
    basis: 'care_relation:partner',
    consent: true,
    emergency: false,
    userId: 'u1',
    reads: 1,
    changes: 0,
    firstAt: at('2026-03-02T09:00:00Z'),
    lastAt: at('2026-03-02T09:00:00Z'),
    ...over,
  });

  it('merges object types of one category and keeps days, organisations and emergency apart', () => {
    const groups = groupAccess([
      slice({}),
      slice({ objectType: 'goal', reads: 2, userId: 'u2', lastAt: at('2026-03-02T15:00:00Z') }),
      slice({ objectType: 'plan_action', reads: 0, changes: 1, firstAt: at('2026-03-02T08:00:00Z') }),
      slice({ objectType: 'members' }),
      slice({ day: '2026-03-03', firstAt: at('2026-03-03T09:00:00Z'), lastAt: at('2026-03-03T09:00:00Z') }),
      slice({ organisationId: 'org-ggz', emergency: true, basis: 'emergency_access:x', consent: false }),
      slice({
        organisationId: 'org-ggz',
        emergency: true,
        basis: 'emergency_access:x;wmo_support',
        consent: false,
      }),
    ]);
    expect(groups.map((g) => [g.day, g.organisationId, g.category, g.basis, g.reads, g.changes])).toEqual([
      ['2026-03-03', 'org-jeugd', 'plan', 'consent', 1, 0],
      ['2026-03-02', 'org-jeugd', 'plan', 'consent', 3, 1],
      ['2026-03-02', 'org-jeugd', 'identity', 'consent', 1, 0],
      ['2026-03-02', 'org-ggz', 'plan', 'emergency', 2, 0],
    ]);
    expect(groups[3]!.grounds).toEqual(['wmo_support']);
    const merged = groups[1]!;
    expect(merged.firstAt.toISOString()).toBe('2026-03-02T08:00:00.000Z');
    expect(merged.lastAt.toISOString()).toBe('2026-03-02T15:00:00.000Z');
    expect(merged.userIds).toEqual(['u1', 'u2']);
  });

  it('never loses or invents a count (property)', () => {
    const arb = fc.array(
      fc.record({
        day: fc.constantFrom('2026-03-01', '2026-03-02'),
        organisationId: fc.constantFrom('a', 'b', null),
        role: fc.constantFrom('coordinator', 'partner_professional'),
        objectType: fc.constantFrom('plan', 'goal', 'members', 'assessment', 'contact'),
        basis: fc.constantFrom('care_relation:partner', 'care_relation:coordinator;wmo'),
        consent: fc.boolean(),
        emergency: fc.boolean(),
        userId: fc.constantFrom('u1', 'u2', null),
        reads: fc.nat(5),
        changes: fc.nat(5),
        firstAt: fc.constant(at('2026-03-01T10:00:00Z')),
        lastAt: fc.constant(at('2026-03-01T11:00:00Z')),
      }),
    );
    fc.assert(
      fc.property(arb, (slices) => {
        const groups = groupAccess(slices);
        const sum = (xs: { reads: number; changes: number }[]) =>
          xs.reduce((n, x) => n + x.reads * 1000 + x.changes, 0);
        return sum(groups) === sum(slices) && groups.length <= slices.length;
      }),
    );
  });
});
