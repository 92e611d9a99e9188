import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextDigestAt } from '../../../domain/notifications/digest.js';
import { Mailer } from '../../mail/outbox.js';
import type { MailSettings } from '../../mail/settings.js';
import { ApiClient, type TestApp, as, createTestApp, emailOf } from '../../testing/api.js';
import { testDbKinds } from '../../testing/databases.js';
import { decodeMail, startSmtp } from '../../testing/smtp.js';
import { runDailyDigests } from './digest.js';

const NAME = 'Sanne Verhoeven';
const CONCERN = 'Sanne slaapt bij vrienden omdat het thuis niet veilig voelt.';
const minutes = (n: number) => n * 60_000;

describe.each(testDbKinds())('notification e-mail preferences and the daily digest on %s', (kind) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let mailer: Mailer;
  let settings: MailSettings;
  let pm: ApiClient;
  const pmEmail = emailOf('process');
  const mailsToPm = () => smtp.inbox.filter((m) => m.to.includes(pmEmail));
  let ip = 0;

  async function publicSignal(): Promise<string> {
    ip += 1;
    const res = await new ApiClient(t.app, `10.9.0.${ip}`).post('/api/v1/public/signals', {
      signallerName: 'Meester Jan',
      signallerEmail: 'meester.jan@school.test',
      subject: {
        name: NAME,
        dateOfBirth: null,
        address: { street: 'Kerkstraat', houseNumber: '12', postcode: '8011 AB', city: 'Zwolle' },
      },
      concern: CONCERN,
      urgency: 'urgent',
    });
    expect(res.status).toBe(201);
    return res.body.referenceCode as string;
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    smtp = await startSmtp();
    settings = {
      smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
      from: 'Schakel <no-reply@schakel.test>',
      publicUrl: 'https://schakel.test',
    };
    mailer = new Mailer(t.database.app, settings, { info: () => {}, warn: () => {} });
    pm = await as(t.app, 'process');
  });
  afterAll(async () => {
    mailer.close();
    await smtp.close();
    await t.close();
  });

  it('defaults to immediate: one e-mail per notification, as before', async () => {
    const prefs = await pm.get('/api/v1/notifications/preferences');
    expect(prefs.status).toBe(200);
    expect(prefs.body).toEqual({ email: 'immediate', version: 0 });
    expect(prefs.headers.etag).toBe('"0"');

    const before = mailsToPm().length;
    await publicSignal();
    await publicSignal();
    await mailer.deliverPending();
    expect(mailsToPm().length).toBe(before + 2);
  });

  it('checks the choice and the version', async () => {
    const wrong = await pm.patch('/api/v1/notifications/preferences', { email: 'weekly' }, 0);
    expect(wrong.status).toBe(400);
    const noIfMatch = await pm.request('PATCH', '/api/v1/notifications/preferences', {
      body: { email: 'off' },
    });
    expect(noIfMatch.status).toBe(428);
    const stale = await pm.patch('/api/v1/notifications/preferences', { email: 'off' }, 3);
    expect(stale.status).toBe(412);
  });

  it('off: the notification is in the app, no e-mail is sent', async () => {
    const saved = await pm.patch('/api/v1/notifications/preferences', { email: 'off' }, 0);
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ email: 'off', version: 1 });
    expect(saved.headers.etag).toBe('"1"');
    // Only this user's choice: another user's own stays the default.
    expect((await (await as(t.app, 'coord1')).get('/api/v1/notifications/preferences')).body.email).toBe(
      'immediate',
    );

    const before = mailsToPm().length;
    const unread = (await pm.get('/api/v1/notifications/unread-count')).body.unread as number;
    await publicSignal();
    await mailer.deliverPending();
    expect(mailsToPm().length).toBe(before);
    expect((await pm.get('/api/v1/notifications/unread-count')).body.unread).toBe(unread + 1);
  });

  it('daily_digest: nothing at once; one digest from 07:00 Amsterdam with only a count and a link; not twice a day', async () => {
    const saved = await pm.patch('/api/v1/notifications/preferences', { email: 'daily_digest' }, 1);
    expect(saved.body).toEqual({ email: 'daily_digest', version: 2 });
    const chosenAt = new Date();

    const before = mailsToPm().length;
    const codes = [await publicSignal(), await publicSignal(), await publicSignal()];
    await mailer.deliverPending();
    expect(mailsToPm().length).toBe(before);

    const seven = nextDigestAt(chosenAt);
    // Just before 07:00: not yet.
    expect(await runDailyDigests(t.database.app, new Date(seven.getTime() - minutes(1)), settings)).toBe(0);
    await mailer.deliverPending();
    expect(mailsToPm().length).toBe(before);

    // At 07:00 (and again a few minutes later, as several instances would): exactly one e-mail.
    const runs = await Promise.all([
      runDailyDigests(t.database.app, new Date(seven.getTime() + minutes(2)), settings),
      runDailyDigests(t.database.app, new Date(seven.getTime() + minutes(2)), settings),
    ]);
    expect(runs[0] + runs[1]).toBe(1);
    expect(await runDailyDigests(t.database.app, new Date(seven.getTime() + minutes(7)), settings)).toBe(0);
    await mailer.deliverPending();
    const digests = mailsToPm().slice(before);
    expect(digests).toHaveLength(1);
    const text = decodeMail(digests[0]!.raw);
    expect(text).toContain('Je dagelijkse overzicht van Schakel');
    expect(text).toContain('Er zijn 3 nieuwe berichten');
    expect(text).toContain('https://schakel.test/notifications');
    // No case content: no name, no concern, no reference code, no link to a signal.
    expect(text).not.toContain('Sanne');
    expect(text).not.toContain('Verhoeven');
    expect(text).not.toContain('veilig');
    for (const code of codes) expect(text).not.toContain(code);
    expect(text).not.toContain('/triage/');

    // Later the same day: nothing more.
    expect(await runDailyDigests(t.database.app, new Date(seven.getTime() + minutes(600)), settings)).toBe(0);
    await mailer.deliverPending();
    expect(mailsToPm().length).toBe(before + 1);

    // The next morning counts only what came after the previous digest (here: nothing, so no e-mail).
    expect(
      await runDailyDigests(t.database.app, new Date(seven.getTime() + minutes(24 * 60 + 5)), settings),
    ).toBe(0);
  });

  it('back to immediate: one e-mail per notification again', async () => {
    const saved = await pm.patch('/api/v1/notifications/preferences', { email: 'immediate' }, 2);
    expect(saved.body.version).toBe(3);
    const before = mailsToPm().length;
    await publicSignal();
    await mailer.deliverPending();
    expect(mailsToPm().length).toBe(before + 1);
  });
});
