import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import pg from 'pg';
import { type Db, migrateOwner, openOwner } from '../db/connect.js';
import * as schema from '../db/schema/index.js';
import { seedDirectory } from '../seed/seed.js';

/**
 * Builds each database template once per test run: the migrated schema plus the demo directory (organisations
 * and accounts). Every test file then starts from its own copy: a PGlite data-dir image, and on the PostgreSQL
 * server (when DATABASE_URL is set) a database created from a template database.
 */
export default async function setup() {
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  const dir = path.join(os.tmpdir(), 'schakel-test');
  mkdirSync(dir, { recursive: true });

  const client = await PGlite.create();
  const owner = {
    kind: 'pglite' as const,
    db: drizzle({ client, schema }) as unknown as Db,
    close: () => client.close(),
  };
  await migrateOwner(owner);
  await seedDirectory(owner.db);
  const image = await client.dumpDataDir('none');
  const file = path.join(dir, `template_${runId}.tar`);
  writeFileSync(file, Buffer.from(await image.arrayBuffer()));
  await client.close();
  process.env.SCHAKEL_TEST_PGLITE_IMAGE = file;

  const url = process.env.DATABASE_URL;
  let templateDb: string | undefined;
  if (url) {
    templateDb = `schakel_tpl_${runId}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${templateDb}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${templateDb}`;
    const tplOwner = await openOwner({ kind: 'postgres', url: u.toString() });
    await migrateOwner(tplOwner);
    await seedDirectory(tplOwner.db);
    await tplOwner.close();
    process.env.SCHAKEL_TEST_PG_TEMPLATE = templateDb;
  }

  return async () => {
    if (url && templateDb) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      const leftovers = await admin.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE $1`,
        [`schakel_t_${runId}%`],
      );
      for (const row of leftovers.rows)
        await admin.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
      await admin.query(`DROP DATABASE IF EXISTS ${templateDb} WITH (FORCE)`);
      await admin.end();
    }
  };
}
