import { type Database, type DatabaseTarget, migrateOwner, openApp, openOwner } from './db/connect.js';
import { isEmpty, seedDirectory, seedHouseholds } from './seed/seed.js';

/**
 * Brings a database to the current schema and opens the application connection.
 * On a fresh database with `seedDemo`, loads the demo region. Returns whether it seeded.
 */
export async function prepareDatabase(
  target: DatabaseTarget,
  options: { seedDemo: boolean; appPassword?: string | undefined },
): Promise<{ database: Database; seeded: boolean }> {
  const owner = await openOwner(target);
  let seeded = false;
  try {
    await migrateOwner(owner, options.appPassword);
    if (options.seedDemo && (await isEmpty(owner.db))) {
      await seedDirectory(owner.db);
      seeded = true;
    }
  } finally {
    await owner.close();
  }
  const database = await openApp(target);
  if (seeded) await seedHouseholds(database.app);
  return { database, seeded };
}
