import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema/index.js';

export const APP_ROLE = 'schakel_app';
export type DbKind = 'pglite' | 'postgres';
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  kind: DbKind;
  /** Connected as the application role: no table ownership, no superuser, no BYPASSRLS. */
  app: Db;
  close(): Promise<void>;
}

/** A connection as the schema owner: for migrations, the audit verifier and test set-up only. */
export interface OwnerConnection {
  kind: DbKind;
  db: Db;
  close(): Promise<void>;
}

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string | undefined; loadDataDir?: Blob }
  | { kind: 'postgres'; url: string; appUrl?: string | undefined; appPassword?: string | undefined };

async function createPglite(target: { dataDir: string | undefined; loadDataDir?: Blob }, username?: string) {
  return PGlite.create({
    ...(target.dataDir ? { dataDir: target.dataDir } : {}),
    ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}),
    ...(username ? { username } : {}),
  });
}

export async function openOwner(target: DatabaseTarget): Promise<OwnerConnection> {
  if (target.kind === 'pglite') {
    const client = await createPglite(target);
    return {
      kind: 'pglite',
      db: drizzlePglite({ client, schema }) as unknown as Db,
      close: () => client.close(),
    };
  }
  const pool = new pg.Pool({ connectionString: target.url, max: 2 });
  return {
    kind: 'postgres',
    db: drizzlePg({ client: pool, schema }) as unknown as Db,
    close: () => pool.end(),
  };
}

/** Forward-only migrations, serialised across processes with an advisory lock. */
export async function migrateOwner(owner: OwnerConnection, appPassword?: string): Promise<void> {
  if (owner.kind === 'pglite') {
    await migratePglite(owner.db as never, { migrationsFolder });
    return;
  }
  await owner.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('schakel.migrate'))`);
    await migratePg(tx as never, { migrationsFolder });
  });
  if (appPassword) {
    await owner.db.execute(sql.raw(`ALTER ROLE ${APP_ROLE} PASSWORD '${appPassword.replaceAll("'", "''")}'`));
  }
}

export function appUrlFrom(url: string, appPassword?: string): string {
  const u = new URL(url);
  u.username = APP_ROLE;
  u.password = appPassword ?? '';
  return u.toString();
}

/** Opens the application connection (after migrations have run). */
export async function openApp(target: DatabaseTarget, poolSize = 10): Promise<Database> {
  if (target.kind === 'pglite') {
    const client = await createPglite(target, APP_ROLE);
    return {
      kind: 'pglite',
      app: drizzlePglite({ client, schema }) as unknown as Db,
      close: () => client.close(),
    };
  }
  const pool = new pg.Pool({
    connectionString: target.appUrl ?? appUrlFrom(target.url, target.appPassword),
    max: poolSize,
  });
  pool.on('error', () => undefined);
  return {
    kind: 'postgres',
    app: drizzlePg({ client: pool, schema }) as unknown as Db,
    close: () => pool.end(),
  };
}
