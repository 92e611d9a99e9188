import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { ensureWebBuild } from './web-build.js';

/**
 * `npm test`: all three tiers (domain, integration, e2e). Integration tests run against PGlite always and also
 * against the PostgreSQL server when DATABASE_URL is set. Under CI=true a missing browser or database is a
 * failure, not a skip.
 */
const ci = process.env.CI === 'true';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (ci && !process.env.DATABASE_URL) {
  console.error('CI=true but DATABASE_URL is not set: the PostgreSQL server tier cannot run.');
  process.exit(1);
}
if (ci && !existsSync(chromium)) {
  console.error(`CI=true but no browser at ${chromium}: the e2e tier cannot run.`);
  process.exit(1);
}

await ensureWebBuild();
mkdirSync('test-results', { recursive: true });
const args = [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-results/vitest.json',
  ...process.argv.slice(2),
];
const result = spawnSync('npx', args, { stdio: 'inherit', env: process.env });

if (existsSync('test-results/vitest.json')) {
  const report = JSON.parse(readFileSync('test-results/vitest.json', 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  console.log(
    `\n${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests + report.numTodoTests} skipped`,
  );
}
process.exit(result.status ?? 1);
