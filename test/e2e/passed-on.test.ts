import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { auditPage, browserMissing, launchBrowser, startE2eApp, type E2eApp } from './support/app.js';

/**
 * The regular route in the browser: the intake coordinator triages a signal and passes it on to Jeugdhulp; the
 * organisation's manager finds it under "Doorgegeven signalen", picks it up, and triage sees "opgepakt door".
 * Every page visited is checked with axe.
 */
describe.skipIf(browserMissing)('a signal passed on to an organisation, in the browser', () => {
  let app: E2eApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let code = '';

  beforeAll(async () => {
    app = await startE2eApp();
    browser = await launchBrowser();
    const res = await fetch(`${app.baseUrl}/api/v1/public/signals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        signallerName: 'Buurvrouw Els',
        signallerPhone: '06 1234 5678',
        subject: { name: 'Familie Veldhuis' },
        concern: 'De kinderen hebben moeite met school en de ouders vragen om opvoedhulp.',
        urgency: 'normal',
      }),
    });
    expect(res.status).toBe(201);
    code = ((await res.json()) as { referenceCode: string }).referenceCode;
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await app?.close();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'nl-NL',
      timezoneId: 'Europe/Amsterdam',
    });
    contexts.push(context);
    return context.newPage();
  }
  async function expectAccessible(page: Page, name: string) {
    await page.waitForLoadState('networkidle');
    const violations = await auditPage(page, name);
    expect(violations, `${name}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
  }
  async function signIn(page: Page, key: string) {
    const l = app.logins[key]!;
    await page.goto(`${app.baseUrl}/login`);
    await page.getByLabel('E-mailadres').fill(l.email);
    await page.getByLabel(/^Wachtwoord/).fill(l.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  }

  it('the intake coordinator passes it on; the manager reads it and picks it up; triage sees it', async () => {
    const intake = await newPage();
    await signIn(intake, 'intake');
    await intake.getByRole('link', { name: 'Signalen beoordelen' }).click();
    await intake.getByRole('row').filter({ hasText: code }).getByRole('link').click();
    await intake.getByLabel('Reguliere route (doorverwijzen)').check();
    await intake
      .getByLabel(/^Doorverwijzen naar/)
      .first()
      .click();
    await intake.getByRole('option', { name: /Jeugd/ }).first().click();
    await intake.getByLabel(/^Waarom besluit je dit/).fill('Opvoedondersteuning door jeugdhulp volstaat.');
    await intake.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await intake.getByText('Nog niet opgepakt door de organisatie.').waitFor();
    await expectAccessible(intake, 'passed-on-triage-decided');

    const manager = await newPage();
    await signIn(manager, 'jeugdmgr');
    await manager.getByRole('link', { name: 'Doorgegeven signalen' }).click();
    await manager.getByRole('table').waitFor();
    await expectAccessible(manager, 'passed-on-list');
    await manager.getByRole('link', { name: 'Familie Veldhuis' }).click();
    await manager.getByText('Buurvrouw Els').waitFor();
    await expect.poll(() => manager.getByText('06 1234 5678').count()).toBe(1);
    await expectAccessible(manager, 'passed-on-signal');
    await manager.getByRole('button', { name: 'Wij pakken dit op' }).click();
    await manager.getByText(/^Opgepakt door/).waitFor();
    await expectAccessible(manager, 'passed-on-picked-up');

    await intake.reload();
    await intake.getByText(/^Opgepakt door .*Jeugd/).waitFor();
  });
});
