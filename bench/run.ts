/**
 * `npm run bench` runs every benchmark; `npm run bench -- <name>` one of them. Results go to bench/results/<name>.json.
 * Benchmarks need a PostgreSQL server (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres); each
 * creates and drops its own database. They are not part of `npm test`.
 */
const BENCHES: Record<string, () => Promise<unknown>> = {
  stagnation: async () => (await import('./stagnation.js')).run(),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length > 0 ? wanted : Object.keys(BENCHES);
for (const name of names) {
  const bench = BENCHES[name];
  if (!bench) {
    console.error(`Unknown benchmark "${name}". Known: ${Object.keys(BENCHES).join(', ')}`);
    process.exit(2);
  }
  console.log(`\n== bench: ${name}`);
  await bench();
}
export {};
