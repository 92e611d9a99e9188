import { purgeExpiredSessions } from '../modules/auth/session-store.js';
import type { Deps } from '../deps.js';

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
  return { stop: () => clearInterval(timer) };
}
