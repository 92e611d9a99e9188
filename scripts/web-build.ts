import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = process.cwd();
const INPUTS = [
  'src/web',
  'src/contracts',
  'src/domain',
  'vite.config.ts',
  'postcss.config.cjs',
  'package-lock.json',
];
const OUT = path.join(ROOT, 'dist/web');
const STAMP = path.join(OUT, '.build-stamp');

function* files(p: string): Generator<string> {
  if (!existsSync(p)) return;
  if (statSync(p).isDirectory()) {
    for (const entry of readdirSync(p).sort()) yield* files(path.join(p, entry));
  } else {
    yield p;
  }
}

/** A hash of everything the web build depends on, so a build is only redone when something changed. */
function inputHash(): string {
  const h = createHash('sha256');
  for (const input of INPUTS) {
    for (const f of files(path.join(ROOT, input))) {
      h.update(path.relative(ROOT, f)).update('\0').update(readFileSync(f)).update('\0');
    }
  }
  return h.digest('hex');
}

/** Builds the web app into dist/web unless the existing build is current. */
export async function ensureWebBuild(): Promise<void> {
  const hash = inputHash();
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === hash && existsSync(path.join(OUT, 'index.html')))
    return;
  const started = Date.now();
  console.log('Building the web app…');
  const { build } = await import('vite');
  await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
  writeFileSync(STAMP, hash);
  console.log(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
