import { sql, type SQL } from 'drizzle-orm';
import { openOwner, type Db } from '../db/connect.js';
import type { TestApp } from './api.js';

/**
 * Test set-up with owner rights (bypassing row-level security), for rows a test needs before their API exists or
 * that it must plant behind the application's back: consents, legal bases, emergency access.
 *
 * On the PostgreSQL server this is a separate connection as the database owner. PGlite is single-user: the app
 * session runs as the bootstrap superuser switched to the app role, so a transaction can switch back for its own
 * duration (`SET LOCAL ROLE NONE`); the app role is back in force after it.
 */
export interface OwnerAccess {
  rows<T>(q: SQL): Promise<T[]>;
  close(): Promise<void>;
}

const rowsOf = <T>(res: unknown): T[] => (res as { rows?: T[] }).rows ?? (res as T[]);

export async function ownerAccess(t: TestApp): Promise<OwnerAccess> {
  if (t.database.kind === 'pglite') {
    return {
      rows: async <T>(q: SQL) =>
        t.database.app.transaction(async (tx) => {
          await tx.execute(sql`set local role none`);
          return rowsOf<T>(await tx.execute(q));
        }),
      close: () => Promise.resolve(),
    };
  }
  const owner = await openOwner({ kind: 'postgres', url: t.ownerUrl! });
  const db: Db = owner.db;
  return {
    rows: async <T>(q: SQL) => rowsOf<T>(await db.execute(q)),
    close: () => owner.close(),
  };
}

/** Rows as the app role with `schakel.actor` (and optionally `schakel.purpose`) set: the application check bypassed. */
export async function rowsAsActor<T>(
  t: TestApp,
  actor: string | null,
  q: SQL,
  purpose?: string,
): Promise<T[]> {
  return t.database.app.transaction(async (tx) => {
    if (actor) await tx.execute(sql`select set_config('schakel.actor', ${actor}, true)`);
    if (purpose) await tx.execute(sql`select set_config('schakel.purpose', ${purpose}, true)`);
    return rowsOf<T>(await tx.execute(q));
  });
}

/** Today's date in Amsterdam (the database's `schakel_today()`), shifted by whole days, as YYYY-MM-DD. */
export function amsterdamDay(offset = 0): string {
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
}

export interface ConsentRow {
  householdId: string;
  memberId: string;
  organisationId: string;
  categories: readonly string[];
  recordedBy: string;
  givenOn?: string;
  validUntil?: string;
  withdrawn?: boolean;
}

/** Inserts a consent (owner rights) and returns its id. */
export async function insertConsent(owner: OwnerAccess, c: ConsentRow): Promise<string> {
  const [row] = await owner.rows<{ id: string }>(sql`
    insert into consents (household_id, member_id, organisation_id, categories, purpose, given_by, given_on, form,
                          valid_until, withdrawn_at, recorded_by)
    values (${c.householdId}, ${c.memberId}, ${c.organisationId}, ${JSON.stringify(c.categories)}::jsonb,
            'coordination', ${JSON.stringify([{ kind: 'member', name: 'Ouder Test' }])}::jsonb,
            ${c.givenOn ?? amsterdamDay(-10)}, 'paper', ${c.validUntil ?? amsterdamDay(365)},
            ${c.withdrawn ? sql`now() - interval '1 minute'` : sql`null`}, ${c.recordedBy})
    returning id`);
  return row!.id;
}

export interface SharingBasisRow {
  householdId: string;
  organisationId: string;
  categories: readonly string[];
  recordedBy: string;
  memberId?: string | null;
  validFrom?: string;
  ended?: boolean;
}

/** Inserts a sharing basis without consent (meldrecht) and returns its id. */
export async function insertSharingBasis(owner: OwnerAccess, b: SharingBasisRow): Promise<string> {
  const [row] = await owner.rows<{ id: string }>(sql`
    insert into legal_bases (household_id, scope, ground, organisation_id, member_id, categories, justification,
                             valid_from, ended_at, recorded_by)
    values (${b.householdId}, 'sharing', 'meldrecht', ${b.organisationId}, ${b.memberId ?? null},
            ${JSON.stringify(b.categories)}::jsonb,
            'Zorgen over de veiligheid van het kind; melding bij Veilig Thuis zonder toestemming.',
            ${b.validFrom ?? amsterdamDay(-1)}, ${b.ended ? sql`now() - interval '1 minute'` : sql`null`},
            ${b.recordedBy})
    returning id`);
  return row!.id;
}

/** Inserts an emergency access (noodknop) for a user; `expiresInMinutes` may be negative (already over). */
export async function insertEmergencyAccess(
  owner: OwnerAccess,
  e: { householdId: string; userId: string; organisationId: string; expiresInMinutes: number },
): Promise<string> {
  const [row] = await owner.rows<{ id: string }>(sql`
    insert into emergency_accesses (region_id, household_id, user_id, organisation_id, reason, started_at, expires_at)
    select h.region_id, h.id, ${e.userId}, ${e.organisationId}, 'Crisis buiten kantoortijd, regisseur onbereikbaar',
           least(now(), now() + make_interval(mins => ${e.expiresInMinutes}) - interval '4 hours'),
           now() + make_interval(mins => ${e.expiresInMinutes})
    from households h where h.id = ${e.householdId}
    returning id`);
  return row!.id;
}
