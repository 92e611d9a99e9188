import type { Deps } from '../../deps.js';
import { regionIds, sweepChanged, sweepRegion } from './sweep.js';

/** Runs a job at most once at a time in this process; errors are logged, never thrown. */
function every(ms: number, deps: Deps, name: string, fn: () => Promise<unknown>) {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    fn()
      .catch((err: unknown) => deps.log.warn({ err }, `${name} failed`))
      .finally(() => {
        running = false;
      });
  }, ms);
  timer.unref();
  return timer;
}

/**
 * The stagnation jobs: the fast path (every second: households whose facts changed) and the full sweep with
 * auto-escalation (every minute). Both are safe with several app instances: an advisory lock per region lets one
 * run at a time, and a unique index makes a duplicate stagnation impossible anyway.
 */
export function startStagnationJobs(deps: Deps, env: NodeJS.ProcessEnv = process.env): { stop(): void } {
  const fastMs = Number(env.SCHAKEL_STAGNATION_FAST_MS ?? 1000);
  const fullMs = Number(env.SCHAKEL_STAGNATION_SWEEP_MS ?? 60_000);
  const db = deps.db.app;
  const fast = every(fastMs, deps, 'stagnation fast path', async () => {
    for (const r of await regionIds(db)) await sweepChanged(db, r);
  });
  const full = every(fullMs, deps, 'stagnation sweep', async () => {
    for (const r of await regionIds(db)) await sweepRegion(db, r);
  });
  return {
    stop: () => {
      clearInterval(fast);
      clearInterval(full);
    },
  };
}
