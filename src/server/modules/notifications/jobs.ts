import type { Deps } from '../../deps.js';
import { Mailer } from '../../mail/outbox.js';
import { mailSettings } from '../../mail/settings.js';
import { sweepOverdueSignals } from '../triage/overdue-sweep.js';

/** The mail worker (every 15 s) and the overdue-signal sweep (every 5 min). Both are safe with several instances. */
export function startSignalJobs(deps: Deps): { stop(): void } {
  const mailer = new Mailer(deps.db.app, mailSettings(), deps.log);
  const mail = setInterval(() => {
    mailer.deliverPending().catch((err: unknown) => deps.log.warn({ err }, 'mail delivery failed'));
  }, 15_000);
  const overdue = setInterval(() => {
    sweepOverdueSignals(deps.db.app).catch((err: unknown) =>
      deps.log.warn({ err }, 'overdue signal sweep failed'),
    );
  }, 5 * 60_000);
  mail.unref();
  overdue.unref();
  return {
    stop: () => {
      clearInterval(mail);
      clearInterval(overdue);
      mailer.close();
    },
  };
}
