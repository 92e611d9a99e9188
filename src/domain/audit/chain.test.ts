import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AuditFields,
  type ChainedRow,
  GENESIS_HASH,
  canonical,
  chainHash,
  verifyChain,
} from './chain.js';

const HASHED_FIELDS = [
  'regionId',
  'at',
  'userId',
  'onBehalfOf',
  'organisationId',
  'role',
  'householdId',
  'memberId',
  'objectType',
  'objectId',
  'action',
  'basis',
  'emergency',
  'outcome',
  'clientAddress',
] as const satisfies readonly (keyof AuditFields)[];
const ROW_FIELDS = [...HASHED_FIELDS, 'prevHash', 'hash'] as const;
type RowField = (typeof ROW_FIELDS)[number];

const nullableId = fc.option(fc.uuid(), { nil: null });
const nullableText = fc.option(fc.string({ maxLength: 12 }), { nil: null });

const eventArb: fc.Arbitrary<AuditFields> = fc.record({
  regionId: fc.uuid(),
  at: fc.date({
    min: new Date('2024-01-01T00:00:00Z'),
    max: new Date('2030-12-31T23:59:59Z'),
    noInvalidDate: true,
  }),
  userId: nullableId,
  onBehalfOf: nullableId,
  organisationId: nullableId,
  role: nullableText,
  householdId: nullableId,
  memberId: nullableId,
  objectType: fc.constantFrom('household', 'member', 'network_contact', 'involvement', 'user'),
  objectId: nullableId,
  action: fc.constantFrom('read', 'create', 'update', 'delete', 'restore', 'login'),
  basis: fc.string({ maxLength: 30 }),
  emergency: fc.boolean(),
  outcome: fc.constantFrom('allowed', 'denied'),
  clientAddress: fc.option(fc.ipV4(), { nil: null }),
});

function buildChain(events: readonly AuditFields[], firstSeq = 1): ChainedRow[] {
  let prev = GENESIS_HASH;
  return events.map((e, i) => {
    const hash = chainHash(prev, e);
    const row: ChainedRow = { ...e, seq: firstSeq + i, prevHash: prev, hash };
    prev = hash;
    return row;
  });
}

const chainArb = (minLength: number) =>
  fc
    .tuple(fc.array(eventArb, { minLength, maxLength: 8 }), fc.integer({ min: 1, max: 1_000_000 }))
    .map(([events, firstSeq]) => buildChain(events, firstSeq));

/** A value different from the current one, for any field of a row. */
function altered(row: ChainedRow, field: RowField): ChainedRow {
  const copy: ChainedRow = { ...row };
  switch (field) {
    case 'at':
      copy.at = new Date(row.at.getTime() + 1);
      break;
    case 'emergency':
      copy.emergency = !row.emergency;
      break;
    case 'prevHash':
    case 'hash':
      copy[field] = (row[field].startsWith('0') ? '1' : '0') + row[field].slice(1);
      break;
    case 'regionId':
    case 'objectType':
    case 'action':
    case 'basis':
    case 'outcome':
      copy[field] = `${row[field]}x`;
      break;
    default:
      copy[field] = row[field] === null ? '' : null;
  }
  return copy;
}

const event: AuditFields = {
  regionId: 'r1',
  at: new Date('2026-04-01T10:00:00.000Z'),
  userId: 'u1',
  onBehalfOf: null,
  organisationId: 'o1',
  role: 'coordinator',
  householdId: 'h1',
  memberId: null,
  objectType: 'household',
  objectId: 'h1',
  action: 'read',
  basis: 'care_relation:coordinator',
  emergency: false,
  outcome: 'allowed',
  clientAddress: '127.0.0.1',
};

describe('chainHash', () => {
  it('is a sha-256 hex digest that depends on the previous hash', () => {
    const h = chainHash(GENESIS_HASH, event);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash(GENESIS_HASH, event)).toBe(h);
    expect(chainHash(h, event)).not.toBe(h);
    expect(GENESIS_HASH).toBe('0'.repeat(64));
  });

  it('covers every audit field', () => {
    const base = buildChain([event])[0]!;
    for (const field of HASHED_FIELDS) {
      expect(chainHash(GENESIS_HASH, altered(base, field)), field).not.toBe(base.hash);
    }
  });

  it('distinguishes null from the string "null" and an empty string', () => {
    expect(canonical({ ...event, memberId: null })).not.toBe(canonical({ ...event, memberId: 'null' }));
    expect(chainHash(GENESIS_HASH, { ...event, memberId: null })).not.toBe(
      chainHash(GENESIS_HASH, { ...event, memberId: '' }),
    );
  });

  it('is not fooled by moving text between adjacent fields', () => {
    const a = { ...event, objectType: 'house', objectId: 'holdh1' };
    const b = { ...event, objectType: 'household', objectId: 'h1' };
    expect(chainHash(GENESIS_HASH, a)).not.toBe(chainHash(GENESIS_HASH, b));
  });
});

describe('verifyChain', () => {
  it('accepts an empty chain', () => {
    expect(verifyChain([])).toEqual({ ok: true, checked: 0, last: GENESIS_HASH });
  });

  it('accepts a correctly built chain and counts its rows (property)', () => {
    fc.assert(
      fc.property(chainArb(0), (rows) => {
        expect(verifyChain(rows)).toEqual({
          ok: true,
          checked: rows.length,
          last: rows.at(-1)?.hash ?? GENESIS_HASH,
        });
      }),
      { numRuns: 100 },
    );
  });

  it('accepts rows from any iterable', () => {
    const rows = buildChain([event, { ...event, action: 'update' }, { ...event, outcome: 'denied' }]);
    function* gen() {
      yield* rows;
    }
    expect(verifyChain(gen())).toMatchObject({ ok: true, checked: 3 });
  });

  it('detects an altered field of any row, at that row (property)', () => {
    fc.assert(
      fc.property(
        chainArb(1).chain((rows) =>
          fc.tuple(fc.constant(rows), fc.nat({ max: rows.length - 1 }), fc.constantFrom(...ROW_FIELDS)),
        ),
        ([rows, index, field]) => {
          const tampered = rows.map((r, i) => (i === index ? altered(r, field) : r));
          const result = verifyChain(tampered);
          // The altered row itself is the first broken one: its own hash no longer matches (or, for prev_hash, its link).
          const expectedSeq = rows[index]!.seq;
          expect(result).toMatchObject({ ok: false, seq: expectedSeq, checked: index });
          if (!result.ok) {
            expect(result.reason).toMatch(
              field === 'prevHash' ? /^prev_hash does not match/ : /^hash does not match/,
            );
          }
          expect(result.last).toBe(index === 0 ? GENESIS_HASH : rows[index - 1]!.hash);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('detects a deleted row (any but the last), at the row after it (property)', () => {
    fc.assert(
      fc.property(
        chainArb(2).chain((rows) => fc.tuple(fc.constant(rows), fc.nat({ max: rows.length - 2 }))),
        ([rows, index]) => {
          const tampered = rows.filter((_, i) => i !== index);
          const result = verifyChain(tampered);
          // The row that followed the deleted one now links to a hash that is not its predecessor's.
          const expectedSeq = rows[index + 1]!.seq;
          expect(result).toMatchObject({ ok: false, seq: expectedSeq, checked: index });
          if (!result.ok) expect(result.reason).toMatch(/^prev_hash does not match/);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('cannot detect deleting the last row (the tail is not anchored)', () => {
    const rows = buildChain([event, { ...event, action: 'update' }, { ...event, action: 'delete' }]);
    expect(verifyChain(rows.slice(0, -1))).toEqual({ ok: true, checked: 2, last: rows[1]!.hash });
  });

  it('detects two swapped adjacent rows, at the one moved forward (property)', () => {
    fc.assert(
      fc.property(
        chainArb(2).chain((rows) => fc.tuple(fc.constant(rows), fc.nat({ max: rows.length - 2 }))),
        ([rows, index]) => {
          const tampered = [...rows];
          tampered[index] = rows[index + 1]!;
          tampered[index + 1] = rows[index]!;
          const result = verifyChain(tampered);
          // The row originally at index + 1 now comes first and links to rows[index], not to rows[index - 1].
          const expectedSeq = rows[index + 1]!.seq;
          expect(result).toMatchObject({ ok: false, seq: expectedSeq, checked: index });
          if (!result.ok) expect(result.reason).toMatch(/^prev_hash does not match/);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('does not hash seq: renumbering without reordering passes, the order is what is verified', () => {
    const rows = buildChain([event, { ...event, action: 'update' }], 1);
    const renumbered = rows.map((r) => ({ ...r, seq: r.seq + 100 }));
    expect(verifyChain(renumbered)).toMatchObject({ ok: true, checked: 2 });
  });

  it('gives the same result when verified in two batches as in one (property)', () => {
    const tamperArb = fc.oneof(
      fc.constant({ kind: 'none' as const }),
      fc.record({ kind: fc.constant('alter' as const), at: fc.nat(), field: fc.constantFrom(...ROW_FIELDS) }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('swap' as const), at: fc.nat() }),
    );
    fc.assert(
      fc.property(
        chainArb(0),
        tamperArb,
        fc.nat(),
        fc.nat({ max: 50 }),
        (rows, tamper, splitSeed, startChecked) => {
          let input = rows;
          if (tamper.kind !== 'none' && rows.length >= 2) {
            const i = tamper.at % (rows.length - 1);
            if (tamper.kind === 'alter') input = rows.map((r, j) => (j === i ? altered(r, tamper.field) : r));
            if (tamper.kind === 'delete') input = rows.filter((_, j) => j !== i);
            if (tamper.kind === 'swap')
              input = [...rows.slice(0, i), rows[i + 1]!, rows[i]!, ...rows.slice(i + 2)];
          }
          const split = splitSeed % (input.length + 1);
          const whole = verifyChain(input, GENESIS_HASH, startChecked);
          const first = verifyChain(input.slice(0, split), GENESIS_HASH, startChecked);
          const batched = first.ok ? verifyChain(input.slice(split), first.last, first.checked) : first;
          expect(batched).toEqual(whole);
          expect(whole.ok).toBe(tamper.kind === 'none' || rows.length < 2);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('continues a chain from startPrev and startChecked', () => {
    const rows = buildChain([
      event,
      { ...event, action: 'update' },
      { ...event, action: 'delete' },
      { ...event, outcome: 'denied' },
    ]);
    const first = verifyChain(rows.slice(0, 2));
    expect(first).toEqual({ ok: true, checked: 2, last: rows[1]!.hash });
    expect(verifyChain(rows.slice(2), first.last, first.checked)).toEqual({
      ok: true,
      checked: 4,
      last: rows[3]!.hash,
    });
    // Starting the second batch from the wrong hash breaks at its first row.
    expect(verifyChain(rows.slice(2), GENESIS_HASH, 2)).toMatchObject({ ok: false, seq: 3, checked: 2 });
  });
});
