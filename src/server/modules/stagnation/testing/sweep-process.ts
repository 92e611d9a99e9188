/**
 * A separate app process for the concurrency test: connects to the given PostgreSQL database as the app role with
 * its own pool and sweeps it repeatedly. Usage: node --import tsx sweep-process.ts <ownerUrl> <regionId> <nowIso> <lock|nolock>
 */
import { openApp } from '../../../db/connect.js';
import { sweepChanged, sweepRegion } from '../sweep.js';

const [url, region, nowIso, mode] = process.argv.slice(2) as [string, string, string, string];
const database = await openApp({ kind: 'postgres', url }, 4);
const now = new Date(nowIso);
const lock = mode === 'lock';
const results: unknown[] = [];
try {
  // First the fast path at the real time (both processes open the no-show stagnations at once) …
  results.push({ fast: await sweepChanged(database.app, region, new Date(), { lock }) });
  // … then both passes at the later time, concurrently within this process too.
  for (let i = 0; i < 3; i++) {
    const [fast, full] = await Promise.all([
      sweepChanged(database.app, region, now, { lock }),
      sweepRegion(database.app, region, now, { lock }),
    ]);
    results.push({ fast, full });
  }
  console.log(JSON.stringify(results));
} catch (err) {
  // A serialization conflict between sweeps would surface here; the test treats any crash as a failure.
  console.error(err);
  process.exitCode = 1;
} finally {
  await database.close();
}
