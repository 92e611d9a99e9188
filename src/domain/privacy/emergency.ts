import { type DataCategory, objectTypeCategory } from './categories.js';

/**
 * Emergency access (noodknop, issue 5): a professional without a care relation opens a household for a stated
 * reason, read-only, for a limited time; the privacy officer of the region reviews every use.
 */

/** How long an emergency access lasts (hours). A constant for now; a region setting would need a migration. */
export const EMERGENCY_HOURS = 4;
/** The reason must say why: at least this many characters, at most the second. */
export const EMERGENCY_REASON_MIN = 20;
export const EMERGENCY_REASON_MAX = 1000;
/** A follow-up note of the privacy officer is required and bounded. */
export const REVIEW_NOTE_MAX = 2000;

export function emergencyExpiry(startedAt: Date, hours = EMERGENCY_HOURS): Date {
  return new Date(startedAt.getTime() + hours * 3_600_000);
}

export type EmergencyState = 'active' | 'expired' | 'ended';

/** Active until it expires or is ended early, whichever comes first. */
export function emergencyState(a: { expiresAt: Date; endedAt: Date | null }, now: Date): EmergencyState {
  if (a.endedAt && a.endedAt.getTime() <= now.getTime()) return 'ended';
  return a.expiresAt.getTime() > now.getTime() ? 'active' : 'expired';
}

/** The moment the access stopped (or will stop): ended early, otherwise its expiry. */
export function emergencyWindowEnd(a: { expiresAt: Date; endedAt: Date | null }): Date {
  return a.endedAt && a.endedAt < a.expiresAt ? a.endedAt : a.expiresAt;
}

/** Whole minutes the access was (so far) in use: from the start to its end or now, whichever is earlier. */
export function minutesInUse(
  a: { startedAt: Date; expiresAt: Date; endedAt: Date | null },
  now: Date,
): number {
  const end = Math.min(emergencyWindowEnd(a).getTime(), now.getTime());
  return Math.max(0, Math.round((end - a.startedAt.getTime()) / 60_000));
}

export type ReviewStatus = 'pending' | 'approved' | 'followed_up';
export type ReviewDecision = 'approved' | 'follow_up';

export type ReviewProblem = 'already_approved' | 'note_required';

/**
 * The review transitions: a pending access is approved or followed up (a follow-up needs a note saying what will
 * be done); a followed-up access is approved once the follow-up is done. An approved review is final.
 */
export function reviewTransition(
  current: ReviewStatus,
  decision: ReviewDecision,
  note: string,
): { ok: true; status: ReviewStatus } | { ok: false; problem: ReviewProblem } {
  if (current === 'approved') return { ok: false, problem: 'already_approved' };
  if (decision === 'follow_up') {
    if (note.trim().length === 0) return { ok: false, problem: 'note_required' };
    return { ok: true, status: 'followed_up' };
  }
  return { ok: true, status: 'approved' };
}

/** A Dutch postcode without spaces, in capitals: "8011 ab" → "8011AB". */
export function normalisePostcode(postcode: string): string {
  return postcode.replace(/\s+/g, '').toUpperCase();
}

/** A house number as written on a door, compared loosely: "5 A", "5-a" and "5a" are the same. */
export function normaliseHouseNumber(houseNumber: string): string {
  return houseNumber.replace(/[\s-]+/g, '').toLowerCase();
}

/* ------------------------------------------------------------------------------------------------------------ */
/* The access overview (NEN 7513 client view)                                                                    */
/* ------------------------------------------------------------------------------------------------------------ */

/** The longest period one overview covers, and the default when none is given. */
export const ACCESS_LOG_MAX_DAYS = 366;
export const ACCESS_LOG_DEFAULT_DAYS = 30;

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The period of an overview (both dates inclusive, local dates). Without dates: the last 30 days up to today;
 * with one date the other follows. `from` must not be after `to`, and the period is at most 366 days.
 */
export function accessPeriod(
  q: { from?: string | undefined; to?: string | undefined },
  today: string,
): { ok: true; from: string; to: string } | { ok: false; path: 'from' | 'to'; message: string } {
  const to = q.to ?? (q.from ? addDays(q.from, ACCESS_LOG_DEFAULT_DAYS - 1) : today);
  const from = q.from ?? addDays(to, -(ACCESS_LOG_DEFAULT_DAYS - 1));
  if (from > to)
    return { ok: false, path: 'from', message: 'The start date must not be after the end date.' };
  if (daysBetween(from, to) + 1 > ACCESS_LOG_MAX_DAYS)
    return { ok: false, path: 'to', message: `A period covers at most ${ACCESS_LOG_MAX_DAYS} days.` };
  return { ok: true, from, to };
}

/** What an access relied on, in words a household understands. */
export type AccessBasisKind =
  | 'coordinator'
  | 'care_relation'
  | 'consent'
  | 'emergency'
  | 'meldrecht'
  | 'privacy_audit'
  | 'administration'
  | 'triage'
  | 'system'
  | 'other';

const CASE_GROUNDS_SEPARATOR = ';';

/**
 * Splits a recorded basis (`care_relation:partner;jeugdwet`, `emergency_access:<id>;wmo_2015`) into its kind and
 * the case's legal grounds. Consent relied on and the emergency flag take precedence: they are what matters most
 * to the household.
 */
export function basisKind(
  basis: string,
  consent: boolean,
  emergency: boolean,
): { kind: AccessBasisKind; grounds: string[] } {
  const [relation = '', ...grounds] = basis.split(CASE_GROUNDS_SEPARATOR);
  const sortedGrounds = [...new Set(grounds.filter(Boolean))].sort();
  if (emergency || relation.startsWith('emergency_access'))
    return { kind: 'emergency', grounds: sortedGrounds };
  if (consent) return { kind: 'consent', grounds: sortedGrounds };
  const kind: AccessBasisKind =
    relation === 'care_relation:coordinator'
      ? 'coordinator'
      : relation.startsWith('care_relation')
        ? 'care_relation'
        : relation === 'meldrecht'
          ? 'meldrecht'
          : relation === 'privacy_audit'
            ? 'privacy_audit'
            : relation === 'administration'
              ? 'administration'
              : relation.startsWith('triage') || relation === 'passed_on'
                ? 'triage'
                : relation === 'stagnation_sweep' || relation === 'system'
                  ? 'system'
                  : 'other';
  return { kind, grounds: sortedGrounds };
}

/** Audit actions that change data; the rest of an overview are reads (read, export). */
const CHANGES = new Set(['create', 'update', 'remove', 'restore']);
export const isChange = (action: string): boolean => CHANGES.has(action);

/** One pre-aggregated slice of audit rows (per day, organisation, role, object type, basis, consent, emergency, person). */
export interface AccessSlice {
  day: string;
  organisationId: string | null;
  role: string | null;
  objectType: string;
  basis: string;
  consent: boolean;
  emergency: boolean;
  userId: string | null;
  reads: number;
  changes: number;
  firstAt: Date;
  lastAt: Date;
}

export interface AccessGroup {
  day: string;
  organisationId: string | null;
  role: string | null;
  category: DataCategory;
  basis: AccessBasisKind;
  grounds: string[];
  emergency: boolean;
  reads: number;
  changes: number;
  firstAt: Date;
  lastAt: Date;
  /** The people behind the group (only shown to the privacy officer). */
  userIds: string[];
}

/**
 * Groups audit slices per day × organisation × role × data category × basis × emergency, newest day first, then
 * by first access. Counts add up; first and last time are the extremes; people and the case's legal grounds are
 * collected without duplicates.
 */
export function groupAccess(slices: readonly AccessSlice[]): AccessGroup[] {
  const groups = new Map<string, AccessGroup>();
  for (const s of slices) {
    const category = objectTypeCategory(s.objectType);
    const { kind, grounds } = basisKind(s.basis, s.consent, s.emergency);
    const key = JSON.stringify([s.day, s.organisationId, s.role, category, kind, s.emergency]);
    const g = groups.get(key);
    if (!g) {
      groups.set(key, {
        day: s.day,
        organisationId: s.organisationId,
        role: s.role,
        category,
        basis: kind,
        grounds,
        emergency: s.emergency,
        reads: s.reads,
        changes: s.changes,
        firstAt: s.firstAt,
        lastAt: s.lastAt,
        userIds: s.userId ? [s.userId] : [],
      });
      continue;
    }
    g.reads += s.reads;
    g.changes += s.changes;
    if (s.firstAt < g.firstAt) g.firstAt = s.firstAt;
    if (s.lastAt > g.lastAt) g.lastAt = s.lastAt;
    if (s.userId && !g.userIds.includes(s.userId)) g.userIds.push(s.userId);
    for (const ground of grounds) if (!g.grounds.includes(ground)) g.grounds = [...g.grounds, ground].sort();
  }
  return [...groups.values()].sort((a, b) =>
    a.day !== b.day ? (a.day < b.day ? 1 : -1) : a.firstAt.getTime() - b.firstAt.getTime(),
  );
}
