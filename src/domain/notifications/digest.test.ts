import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digestDecision, digestTimeOn, latestDigestSlot, nextDigestAt } from './digest.js';

describe('daily digest timing (07:00 Europe/Amsterdam)', () => {
  it('is 07:00 local time in winter and in summer, also on the days the clock changes', () => {
    expect(digestTimeOn('2026-01-15').toISOString()).toBe('2026-01-15T06:00:00.000Z');
    expect(digestTimeOn('2026-07-15').toISOString()).toBe('2026-07-15T05:00:00.000Z');
    expect(digestTimeOn('2026-03-29').toISOString()).toBe('2026-03-29T05:00:00.000Z');
    expect(digestTimeOn('2026-10-25').toISOString()).toBe('2026-10-25T06:00:00.000Z');
  });

  it('is not due before 07:00, due at and after 07:00, and not again the same day', () => {
    const since = new Date('2026-01-14T12:00:00Z');
    expect(digestDecision(new Date('2026-01-15T05:59:59Z'), since)).toEqual({
      due: false,
      next: new Date('2026-01-15T06:00:00Z'),
    });
    expect(digestDecision(new Date('2026-01-15T06:00:00Z'), since)).toEqual({
      due: true,
      date: '2026-01-15',
      from: since,
    });
    const sent = new Date('2026-01-15T06:00:30Z');
    expect(digestDecision(new Date('2026-01-15T22:59:00Z'), sent).due).toBe(false);
    expect(digestDecision(new Date('2026-01-16T06:00:00Z'), sent)).toMatchObject({
      due: true,
      date: '2026-01-16',
    });
  });

  it('a choice made after 07:00 waits for the next morning; a late run still sends for the missed day', () => {
    const chosen = new Date('2026-01-15T09:00:00Z');
    expect(digestDecision(new Date('2026-01-15T23:30:00Z'), chosen).due).toBe(false);
    expect(digestDecision(new Date('2026-01-16T05:30:00Z'), new Date('2026-01-14T06:00:00Z'))).toMatchObject({
      due: true,
      date: '2026-01-15',
    });
  });

  it('property: a run right after a digest is never due again before the next 07:00, and is due from then on', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2080-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 0, max: 3 * 24 * 3600 * 1000 }),
        (sent, later) => {
          const now = new Date(sent.getTime() + later);
          const next = nextDigestAt(sent);
          expect(next.getTime()).toBeGreaterThan(sent.getTime());
          expect(next.getTime() - sent.getTime()).toBeLessThanOrEqual(25 * 3600 * 1000);
          expect(digestDecision(now, sent).due).toBe(now.getTime() >= next.getTime());
          expect(latestDigestSlot(now).at.getTime()).toBeLessThanOrEqual(now.getTime());
        },
      ),
    );
  });
});
