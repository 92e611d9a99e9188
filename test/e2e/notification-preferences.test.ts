import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { auditPage, browserMissing, launchBrowser, startE2eApp, type E2eApp } from './support/app.js';

/** A professional chooses how notifications reach them by e-mail, on the notifications page. Checked with axe. */
describe.skipIf(browserMissing)('notification e-mail preferences in the browser', () => {
  let app: E2eApp;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    app = await startE2eApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await app?.close();
  });

  async function expectAccessible(page: Page, name: string) {
    await page.waitForLoadState('networkidle');
    const violations = await auditPage(page, name);
    expect(violations, `${name}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
  }

  it('chooses a daily digest, saves it with feedback, and the choice stays after a reload', async () => {
    context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'nl-NL',
      timezoneId: 'Europe/Amsterdam',
    });
    const page = await context.newPage();
    const l = app.logins.coord1!;
    await page.goto(`${app.baseUrl}/login`);
    await page.getByLabel('E-mailadres').fill(l.email);
    await page.getByLabel(/^Wachtwoord/).fill(l.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));

    await page.goto(`${app.baseUrl}/notifications`);
    await page.getByRole('heading', { name: 'Meldingen per e-mail' }).waitFor();
    expect(await page.getByLabel('Meteen een e-mail bij elke melding').isChecked()).toBe(true);
    await expectAccessible(page, 'notification-preferences');

    await page.getByLabel(/^Eén e-mail per dag/).check();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Je keuze is opgeslagen.').waitFor();
    await expectAccessible(page, 'notification-preferences-saved');

    await page.reload();
    await page.getByRole('heading', { name: 'Meldingen per e-mail' }).waitFor();
    await expect.poll(() => page.getByLabel(/^Eén e-mail per dag/).isChecked()).toBe(true);
  });
});
