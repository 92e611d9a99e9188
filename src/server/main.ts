import { readFileSync } from 'node:fs';
import { buildApp } from './app.js';
import { prepareDatabase } from './bootstrap.js';
import { loadConfig } from './config.js';
import { targetFromConfig } from './db/target.js';
import { startJobs } from './jobs/scheduler.js';
import { demoLogins } from './seed/seed.js';

const started = Date.now();
const config = loadConfig();
const version = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
const { database, seeded } = await prepareDatabase(targetFromConfig(config), {
  seedDemo: config.seedDemo,
  appPassword: config.appDbPassword,
});
const app = await buildApp({ db: database, config, version }, { logger: { level: config.logLevel } });
const jobs = startJobs({ db: database, config, version, log: app.log });
await app.listen({ port: config.port, host: config.host });

const url = `http://localhost:${config.port}`;
const where =
  database.kind === 'pglite' ? `embedded PostgreSQL (PGlite) in ${config.dataDir}` : 'PostgreSQL server';
console.log(
  `\nSchakel ${version} is ready at ${url} (${where}), in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
);
console.log(`API reference: ${url}/api/docs`);
if (seeded || config.seedDemo) {
  console.log(`\nDemo logins (password for all: ${demoLogins()[0]!.password}):`);
  for (const l of demoLogins()) console.log(`  ${l.email.padEnd(34)} ${l.role}`);
}

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down');
  jobs.stop();
  await app.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
