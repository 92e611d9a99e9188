import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, type DbKind, openApp } from '../db/connect.js';

/** The database kinds integration tests run against: PGlite always, the server when DATABASE_URL is set. */
export function testDbKinds(): DbKind[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDatabase {
  database: Database;
  /** For the PostgreSQL server: the connection string of this test database as the owner. */
  ownerUrl?: string;
  close(): Promise<void>;
}

/** A fresh database copied from the run's template (schema + demo directory), connected as the app role. */
export async function createTestDatabase(kind: DbKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const file = process.env.SCHAKEL_TEST_PGLITE_IMAGE;
    if (!file)
      throw new Error('PGlite test image missing: run through the integration project (global setup).');
    const database = await openApp({
      kind: 'pglite',
      dataDir: undefined,
      loadDataDir: new Blob([readFileSync(file)]),
    });
    return { database, close: () => database.close() };
  }
  const url = process.env.DATABASE_URL!;
  const template = process.env.SCHAKEL_TEST_PG_TEMPLATE!;
  const name = `schakel_t_${template.replace('schakel_tpl_', '')}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
      break;
    } catch (err) {
      if (attempt >= 10) throw err;
      await new Promise((r) => setTimeout(r, 200 + attempt * 200));
    }
  }
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openApp({ kind: 'postgres', url: u.toString() }, 4);
  return {
    database,
    ownerUrl: u.toString(),
    close: async () => {
      await database.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
