import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, aHousehold, as, createTestApp } from '../testing/api.js';
import { testDbKinds } from '../testing/databases.js';

/** Tables that hold household data: each must have FORCE ROW LEVEL SECURITY and at least one policy. */
const HOUSEHOLD_DATA_TABLES = [
  'households',
  'household_access',
  'involvements',
  'members',
  'network_contacts',
  'record_history',
  'audit_events',
  'idempotency_keys',
];

describe.each(testDbKinds())('row-level security on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => {
    await t.close();
  });

  const rows = async <T>(q: ReturnType<typeof sql>) => {
    const res = await t.database.app.execute(q);
    return (res as { rows?: T[] }).rows ?? (res as T[]);
  };

  it('every table with a household_id column, and every listed household-data table, forces row-level security', async () => {
    const withHouseholdId = await rows<{ table_name: string }>(
      sql`select distinct table_name from information_schema.columns where table_schema = 'public' and column_name = 'household_id'`,
    );
    const tables = new Set([...HOUSEHOLD_DATA_TABLES, ...withHouseholdId.map((r) => r.table_name)]);
    const info = await rows<{
      relname: string;
      relrowsecurity: boolean;
      relforcerowsecurity: boolean;
      policies: number;
    }>(sql`
      select c.relname, c.relrowsecurity, c.relforcerowsecurity,
             (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r'`);
    const byName = new Map(info.map((r) => [r.relname, r]));
    for (const table of tables) {
      const r = byName.get(table);
      expect(r, `table ${table} exists`).toBeDefined();
      expect(r!.relrowsecurity, `${table} has RLS enabled`).toBe(true);
      expect(r!.relforcerowsecurity, `${table} has FORCE RLS`).toBe(true);
      expect(r!.policies, `${table} has policies`).toBeGreaterThan(0);
    }
  });

  it('the app connects as a role that owns no tables, is not superuser and has no BYPASSRLS', async () => {
    const [me] = await rows<{
      current_user: string;
      rolsuper: boolean;
      rolbypassrls: boolean;
      owned: number;
    }>(sql`
      select current_user, r.rolsuper, r.rolbypassrls,
             (select count(*)::int from pg_class c where c.relowner = r.oid) as owned
      from pg_roles r where r.rolname = current_user`);
    expect(me).toEqual({ current_user: 'schakel_app', rolsuper: false, rolbypassrls: false, owned: 0 });
    const definers = await rows<{ proname: string }>(sql`
      select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'public' and p.prosecdef`);
    expect(definers).toEqual([]);
  });

  it('raw SQL as the app role, with another actor set, returns no row of a foreign household', async () => {
    const owner = await as(t.app, 'coord1');
    const h = (await owner.post('/api/v1/households', aHousehold('Familie Geheim'))).body;
    const other = await as(t.app, 'coord2');
    const otherId = (await other.get('/api/v1/auth/session')).body.user.id as string;
    const ownerId = (await owner.get('/api/v1/auth/session')).body.user.id as string;

    const count = async (actor: string | null, table: string) =>
      t.database.app.transaction(async (tx) => {
        if (actor) await tx.execute(sql`select set_config('schakel.actor', ${actor}, true)`);
        const res = await tx.execute(
          sql.raw(
            `select count(*)::int as n from ${table} where ${table === 'households' ? 'id' : 'household_id'} = '${h.id}'`,
          ),
        );
        return ((res as { rows?: { n: number }[] }).rows ?? (res as { n: number }[]))[0]!.n;
      });
    for (const table of [
      'households',
      'members',
      'network_contacts',
      'involvements',
      'household_access',
      'record_history',
    ]) {
      expect(await count(otherId, table), `${table} as another coordinator`).toBe(0);
      expect(await count(null, table), `${table} without an actor`).toBe(0);
      expect(await count(ownerId, table), `${table} as its coordinator`).toBeGreaterThan(0);
    }
    // Nor can the app role write into it under another actor.
    await expect(
      t.database.app.transaction(async (tx) => {
        await tx.execute(sql`select set_config('schakel.actor', ${otherId}, true)`);
        await tx.execute(
          sql.raw(`insert into members (household_id, name, role) values ('${h.id}', 'Indringer', 'child')`),
        );
      }),
    ).rejects.toSatisfy((e: unknown) =>
      /row-level security/.test(String((e as { cause?: Error }).cause?.message ?? e)),
    );
    const updated = await t.database.app.transaction(async (tx) => {
      await tx.execute(sql`select set_config('schakel.actor', ${otherId}, true)`);
      const res = await tx.execute(
        sql.raw(`update households set name = 'Gekaapt' where id = '${h.id}' returning id`),
      );
      return ((res as { rows?: unknown[] }).rows ?? (res as unknown[])).length;
    });
    expect(updated).toBe(0);
  });

  it('the audit trail is append-only for the app role', async () => {
    await as(t.app, 'coord1');
    await expect(t.database.app.execute(sql`update audit_events set outcome = 'success'`)).rejects.toThrow();
    await expect(t.database.app.execute(sql`delete from audit_events`)).rejects.toThrow();
  });
});
