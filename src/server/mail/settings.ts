/**
 * E-mail configuration from the environment:
 * - SMTP_URL   e.g. smtp://user:pass@mail.example.nl:587 (smtps:// for implicit TLS). Unset: no e-mail is sent
 *              (queued messages are marked `skipped`), and that is logged once.
 * - MAIL_FROM  the sender, default "Schakel <no-reply@schakel.local>".
 * - PUBLIC_URL the address people use to reach Schakel, for links in e-mails (default http://localhost:3000).
 */
export interface MailSettings {
  smtpUrl: string | undefined;
  from: string;
  publicUrl: string;
}

export function mailSettings(env: NodeJS.ProcessEnv = process.env): MailSettings {
  return {
    smtpUrl: env.SMTP_URL || undefined,
    from: env.MAIL_FROM || 'Schakel <no-reply@schakel.local>',
    publicUrl: (env.PUBLIC_URL || 'http://localhost:3000').replace(/\/+$/, ''),
  };
}

/** An absolute link for an e-mail; `path` must be an app path such as /melden/status. */
export function absoluteLink(settings: MailSettings, path: string): string {
  if (!path.startsWith('/')) throw new Error(`link must be an app path, got ${path}`);
  return `${settings.publicUrl}${path}`;
}
