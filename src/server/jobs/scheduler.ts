import { purgeExpiredSessions } from '../modules/auth/session-store.js';
import type { Deps } from '../deps.js';
import { runDailyDigests } from '../modules/notifications/digest.js';
import { startSignalJobs } from '../modules/notifications/jobs.js';
import { startStagnationJobs } from '../modules/stagnation/jobs.js';

/**
 * Periodic housekeeping. Each job is idempotent, so several app instances may run it at once.
 * Later capabilities (the stagnation sweep) register here.
 */
export function startJobs(deps: Deps): { stop(): void } {
  const timer = setInterval(
    () => {
      purgeExpiredSessions(deps.db.app, new Date()).catch((err: unknown) =>
        deps.log.warn({ err }, 'session purge failed'),
      );
    },
    10 * 60 * 1000,
  );
  timer.unref();
  // Daily e-mail digests: checked every 5 minutes, sent from 07:00 Amsterdam, at most one per user and day.
  const digest = setInterval(() => {
    runDailyDigests(deps.db.app, new Date()).catch((err: unknown) =>
      deps.log.warn({ err }, 'daily digest failed'),
    );
  }, 5 * 60_000);
  digest.unref();
  const signalJobs = startSignalJobs(deps);
  const stagnationJobs = startStagnationJobs(deps);
  return {
    stop: () => {
      clearInterval(timer);
      clearInterval(digest);
      signalJobs.stop();
      stagnationJobs.stop();
    },
  };
}
