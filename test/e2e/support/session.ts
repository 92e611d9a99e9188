import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { hasDemoTotp } from '../../../src/server/seed/second-factor.js';
import { type E2eApp, auditPage, launchBrowser, startE2eApp } from './app.js';

/** Axe on the page once the network is idle; fails the test with the violations listed. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  const violations = await auditPage(page, name);
  expect(violations, `${name}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

/** Logs a demo account in through the login page, with the second factor for the accounts that have one. */
export async function signIn(app: E2eApp, page: Page, key: string): Promise<void> {
  const l = app.logins[key]!;
  await page.goto(`${app.baseUrl}/login`);
  await page.getByLabel('E-mailadres').fill(l.email);
  await page.getByLabel(/^Wachtwoord/).fill(l.password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await passSecondFactor(app, page, key);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** After the password: enters the demo account's code on the second-factor screen (admin, privacy). */
export async function passSecondFactor(app: E2eApp, page: Page, key: string): Promise<void> {
  if (!hasDemoTotp(key)) return;
  const field = page.getByLabel('Code uit je authenticator-app');
  await field.waitFor();
  await field.fill(await app.totpCode(key));
  await page.getByRole('button', { name: 'Controleren' }).click();
}

/**
 * One real server and one Chromium for a describe block (started in beforeAll, closed in afterAll), with Dutch,
 * Amsterdam-time browser contexts at a given width.
 */
export function browserSession() {
  let app: E2eApp | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    app = await startE2eApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await app?.close();
  });
  const started = (): E2eApp => {
    if (!app) throw new Error('the e2e app is not started yet');
    return app;
  };
  return {
    get app(): E2eApp {
      return started();
    },
    newPage: async (width = 1280): Promise<Page> => {
      const context = await browser!.newContext({
        viewport: { width, height: width > 500 ? 900 : 740 },
        locale: 'nl-NL',
        timezoneId: 'Europe/Amsterdam',
      });
      contexts.push(context);
      return context.newPage();
    },
    signIn: (page: Page, key: string): Promise<void> => signIn(started(), page, key),
  };
}
