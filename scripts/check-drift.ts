import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';

/**
 * `npm run db:check`: fails when the schema code and the committed migrations have drifted apart, i.e. when
 * `drizzle-kit generate` would produce a new migration.
 */
// drizzle-kit wants a path relative to the project.
const dir = 'node_modules/.cache/schakel-drift';
const out = `${dir}/migrations`;
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
cpSync('src/server/db/migrations', out, { recursive: true });
const before = readdirSync(out).filter((f) => f.endsWith('.sql')).length;
const res = spawnSync(
  'npx',
  [
    'drizzle-kit',
    'generate',
    '--dialect=postgresql',
    '--schema=./src/server/db/schema/index.ts',
    `--out=${out}`,
    '--name=drift',
  ],
  {
    encoding: 'utf8',
  },
);
const after = existsSync(out) ? readdirSync(out).filter((f) => f.endsWith('.sql')).length : -1;
if (res.status !== 0 || !existsSync(out) || /error/i.test(res.stderr)) {
  console.error(res.stdout, res.stderr);
  process.exit(1);
}
if (after !== before) {
  rmSync(dir, { recursive: true, force: true });
  console.error(
    'Schema drift: the schema code differs from the migrations. Run `npm run db:generate` and commit the result.',
  );
  process.exit(1);
}
console.log('No schema drift: migrations match the schema code.');
