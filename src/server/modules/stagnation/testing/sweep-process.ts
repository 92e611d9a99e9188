/**
 * A separate app process for the concurrency test: connects to the given PostgreSQL database as the app role with
 * its own pool and sweeps it repeatedly.
 * Usage: node --import tsx sweep-process.ts <ownerUrl> <regionId> <nowIso> <lock|nolock> <fast|all>
 * `fast`: the fast path at the real time, twice at once; `all`: fast path and full sweep at <nowIso>, at once, 3×.
 */
import { openApp } from '../../../db/connect.js';
import { sweepChanged, sweepRegion } from '../sweep.js';

const [url, region, nowIso, mode, phase] = process.argv.slice(2) as [string, string, string, string, string];
const database = await openApp({ kind: 'postgres', url }, 4);
const now = new Date(nowIso);
const lock = mode === 'lock';
const results: unknown[] = [];
try {
  for (let i = 0; i < 3; i++) {
    results.push(
      phase === 'fast'
        ? await Promise.all([
            sweepChanged(database.app, region, new Date(), { lock }),
            sweepChanged(database.app, region, new Date(), { lock }),
          ])
        : await Promise.all([
            sweepChanged(database.app, region, now, { lock }),
            sweepRegion(database.app, region, now, { lock }),
          ]),
    );
  }
  console.log(JSON.stringify(results));
} catch (err) {
  // A deadlock or any other failure between concurrent sweeps surfaces here; the test treats it as a failure.
  console.error(err);
  process.exitCode = 1;
} finally {
  await database.close();
}
