import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../contracts/timeline.js';
import { DomainError } from '../shared/errors.js';
import { amsterdamStartOfDay, mergeTimeline, timelineWindow } from './timeline.js';

const ev = (
  id: string,
  at: string,
  kind: TimelineEvent['kind'] = 'contact',
  memberIds: string[] = [],
): TimelineEvent => ({
  id,
  kind,
  type: `${kind}.x`,
  at,
  memberIds,
  by: null,
  summary: '',
  details: {},
});

describe('timeline period', () => {
  it('starts a day at Amsterdam midnight, in winter and in summer', () => {
    expect(amsterdamStartOfDay('2026-01-15').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(amsterdamStartOfDay('2026-07-15').toISOString()).toBe('2026-07-14T22:00:00.000Z');
    expect(amsterdamStartOfDay('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
  });

  it('defaults to the past year and the coming three months', () => {
    const w = timelineWindow({}, '2026-03-10');
    expect(w.toDate).toBe('2026-06-08');
    expect(w.fromDate).toBe('2025-03-10');
  });

  it('includes the whole last day and refuses a period that ends before it starts or is too long', () => {
    const w = timelineWindow({ from: '2026-01-01', to: '2026-01-31' }, '2026-03-10');
    expect(w.to.toISOString()).toBe('2026-01-31T23:00:00.000Z');
    expect(() => timelineWindow({ from: '2026-02-01', to: '2026-01-01' }, '2026-03-10')).toThrow(DomainError);
    expect(() => timelineWindow({ from: '2000-01-01', to: '2026-01-01' }, '2026-03-10')).toThrow(/too long/);
  });
});

describe('merging the timeline', () => {
  it('filters by kind and member and sorts newest first', () => {
    const items = [
      ev('a', '2026-01-01T10:00:00Z', 'contact', ['m1']),
      ev('b', '2026-02-01T10:00:00Z', 'referral', ['m2']),
      ev('c', '2026-03-01T10:00:00Z', 'record'),
    ];
    expect(mergeTimeline(items, {}).map((e) => e.id)).toEqual(['c', 'b', 'a']);
    expect(mergeTimeline(items, { kinds: ['contact', 'record'] }).map((e) => e.id)).toEqual(['c', 'a']);
    expect(mergeTimeline(items, { memberId: 'm2' }).map((e) => e.id)).toEqual(['b']);
  });

  it('is sorted, stable and loses nothing (property)', () => {
    const arb = fc.array(
      fc.record({
        id: fc.uuid(),
        at: fc.integer({ min: 0, max: 5 }).map((d) => new Date(Date.UTC(2026, 0, 1 + d)).toISOString()),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, (raw) => {
        const items = raw.map((r) => ev(r.id, r.at));
        const merged = mergeTimeline(items, {});
        expect(merged).toHaveLength(items.length);
        for (let i = 1; i < merged.length; i++) expect(merged[i - 1]!.at >= merged[i]!.at).toBe(true);
        expect(mergeTimeline([...items].reverse(), {})).toEqual(merged);
      }),
    );
  });
});
