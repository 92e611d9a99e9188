import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { auditPage, browserMissing, launchBrowser, startE2eApp, type E2eApp } from './support/app.js';
import { passSecondFactor } from './support/session.js';

/**
 * End-to-end: the built web app against the real server with fresh demo data.
 * Every page visited is checked with axe (WCAG 2.1 A/AA) and kept as a screenshot in test-results/e2e/.
 */
describe.skipIf(browserMissing)('Schakel web app', () => {
  let app: E2eApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  /** Filled in by the registration test, used by the later ones. */
  let householdPath = '';
  const householdName = `Gezin Testpad ${Date.now().toString(36)}`;

  beforeAll(async () => {
    app = await startE2eApp();
    browser = await launchBrowser();
  });

  /** On failure, keep a screenshot of every open page to see what the user saw. */
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    let i = 0;
    for (const c of contexts) {
      for (const p of c.pages()) {
        await auditPage(p, `FAILED-${ctx.task.name.slice(0, 30).replace(/\W+/g, '-')}-${i++}`).catch(
          () => undefined,
        );
      }
    }
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await app?.close();
  });

  function login(key: string) {
    const l = app.logins[key];
    if (!l) throw new Error(`No demo login "${key}" (have: ${Object.keys(app.logins).join(', ')})`);
    return l;
  }

  async function newPage(width = 1280): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width, height: width > 500 ? 900 : 740 },
      locale: 'nl-NL',
      timezoneId: 'Europe/Amsterdam',
    });
    contexts.push(context);
    return context.newPage();
  }

  /** Screenshot + axe; fails the test on any violation, listing them. */
  async function expectAccessible(page: Page, name: string) {
    await page.waitForLoadState('networkidle');
    const violations = await auditPage(page, name);
    expect(violations, `${name}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
  }

  /** One signed-in coordinator session for all tests (logins are rate-limited). */
  let coordContext: BrowserContext | null = null;
  async function coordinatorPage(width = 1280): Promise<Page> {
    if (!coordContext) {
      const page = await newPage();
      await signIn(page, 'coord1');
      coordContext = page.context();
      await page.close();
    }
    const context = await browser.newContext({
      viewport: { width, height: width > 500 ? 900 : 740 },
      locale: 'nl-NL',
      timezoneId: 'Europe/Amsterdam',
      storageState: await coordContext.storageState(),
    });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/`);
    return page;
  }

  async function signIn(page: Page, key: string) {
    const { email, password } = login(key);
    await page.goto(`${app.baseUrl}/login`);
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel(/^Wachtwoord/).fill(password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await passSecondFactor(app, page, key);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  }

  it('logs in, and explains a wrong password without saying whether the account exists', async () => {
    const page = await newPage();
    await page.goto(`${app.baseUrl}/`);
    await page.waitForURL(/\/login$/);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('nl');
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await expectAccessible(page, 'login');

    await page.getByLabel('E-mailadres').fill(login('policy').email);
    await page.getByLabel(/^Wachtwoord/).fill('dit-is-niet-het-wachtwoord');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Het e-mailadres of het wachtwoord klopt niet');
    await expectAccessible(page, 'login-wrong-password');

    // An unknown address gets exactly the same message.
    await page.getByLabel('E-mailadres').fill('bestaat.niet@schakel.demo');
    await page.getByLabel(/^Wachtwoord/).fill('dit-is-niet-het-wachtwoord');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').innerText()).toContain(
      'Het e-mailadres of het wachtwoord klopt niet',
    );

    await signIn(page, 'coord1');
    await page.getByRole('heading', { level: 1, name: 'Mijn huishoudens' }).waitFor();
    await expectAccessible(page, 'households');
    coordContext = page.context();
  });

  it('registers a household with members and a network contact', async () => {
    const page = await coordinatorPage();
    await page.getByRole('main').getByRole('link', { name: 'Huishouden aanmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Huishouden aanmelden' }).waitFor();
    await expectAccessible(page, 'register');

    // Submitting an empty form shows the errors next to the fields and keeps the page.
    await page.getByRole('button', { name: 'Huishouden aanmelden' }).last().click();
    await page.getByText('Vul dit veld in.').first().waitFor();
    await expectAccessible(page, 'register-errors');

    await page.getByLabel('Naam van het huishouden').fill(householdName);
    await page.getByLabel('Straat').fill('Assendorperstraat');
    await page.getByLabel('Huisnummer').fill('12');
    await page.getByLabel('Postcode').fill('8012 DH');
    await page.getByLabel('Woonplaats').fill('Zwolle');
    await page.getByRole('radio', { name: /Categorie 1/ }).check();

    const member1 = page.getByRole('group', { name: /Gezinslid 1/ });
    await member1.getByLabel('Naam').fill('Marleen Testpad');
    await member1.getByLabel('Geboortedatum').fill('12-03-1985');
    await member1.getByLabel('Geboortedatum').press('Tab');
    await member1.getByLabel('Telefoonnummer').fill('06 1234 5678');

    await page.getByRole('button', { name: 'Gezinslid toevoegen' }).click();
    const member2 = page.getByRole('group', { name: /Gezinslid 2/ });
    await member2.getByLabel('Naam').fill('Daan Testpad');
    await member2.getByLabel('Geboortedatum').fill('01-09-2015');
    await member2.getByLabel('Geboortedatum').press('Tab');

    await page.getByRole('button', { name: 'Netwerkcontact toevoegen' }).click();
    const contact = page.getByRole('group', { name: /Netwerkcontact 1/ });
    await contact.getByLabel('Naam').fill('Oma Jannie');
    await contact.getByLabel('Relatie met het gezin').fill('Oma (moeders kant)');
    await contact.getByRole('radio', { name: 'Steunend' }).check();

    await page.getByRole('button', { name: 'Huishouden aanmelden' }).last().click();
    await page.waitForURL(/\/households\/[0-9a-f-]{36}$/);
    householdPath = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 1, name: householdName }).waitFor();
    await page.getByRole('heading', { name: 'Marleen Testpad' }).waitFor();
    await page.getByRole('heading', { name: 'Daan Testpad' }).waitFor();
    expect(await page.getByRole('main').innerText()).toContain('12-03-1985');
    await expectAccessible(page, 'household-members');

    await page.getByRole('tab', { name: 'Netwerk', exact: true }).click();
    await page.getByRole('heading', { name: 'Oma Jannie' }).waitFor();
    await expectAccessible(page, 'household-network');

    await page.getByRole('tab', { name: 'Betrokken', exact: true }).click();
    await page.getByRole('heading', { name: 'Regisseur', exact: true }).waitFor();
    await expectAccessible(page, 'household-involved');

    await page.getByRole('tab', { name: 'Geschiedenis', exact: true }).click();
    await page.getByText(/heeft het huishouden .* toegevoegd/).waitFor();
    await expectAccessible(page, 'household-history');
  });

  it('adds a member on the household page, with field errors first', async () => {
    expect(householdPath).not.toBe('');
    const page = await coordinatorPage();
    await page.goto(`${app.baseUrl}${householdPath}`);
    await page.getByRole('button', { name: 'Gezinslid toevoegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Gezinslid toevoegen' });
    await dialog.waitFor();
    await dialog.getByLabel('Naam').fill('Sem Testpad');
    await dialog.getByLabel('E-mailadres').fill('geen-emailadres');
    await dialog.getByRole('button', { name: 'Gezinslid toevoegen' }).click();
    await dialog.getByText('Vul een geldig e-mailadres in').waitFor();
    const email = dialog.getByLabel('E-mailadres');
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(await email.getAttribute('aria-describedby')).toBeTruthy();
    await expectAccessible(page, 'member-add-error');

    await email.fill('');
    await dialog.getByLabel('Geboortedatum').fill('20-06-2019');
    await dialog.getByLabel('Geboortedatum').press('Tab'); // closes the calendar
    await dialog.getByRole('button', { name: 'Gezinslid toevoegen' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Sem Testpad' }).waitFor();
    await expectAccessible(page, 'member-added');
  });

  it('shows not-found for a household the user is not involved with', async () => {
    expect(householdPath).not.toBe('');
    const page = await newPage();
    await signIn(page, 'school');
    const response = page.waitForResponse((r) => r.url().endsWith(`/api/v1${householdPath}`));
    await page.goto(`${app.baseUrl}${householdPath}`);
    expect((await response).status()).toBe(404);
    await page.getByRole('heading', { level: 1, name: 'Huishouden niet gevonden' }).waitFor();
    const main = await page.getByRole('main').innerText();
    expect(main).not.toContain(householdName);
    expect(main).not.toContain('Marleen');
    await expectAccessible(page, 'household-not-found');

    await page.goto(`${app.baseUrl}/dit/bestaat/niet`);
    await page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }).waitFor();
    await expectAccessible(page, 'not-found');
  });

  it('lets the privacy officer read and verify the audit log', async () => {
    const page = await newPage();
    await signIn(page, 'privacy');
    await page.getByRole('navigation').getByRole('link', { name: 'Toegangslogboek' }).click();
    await page.getByRole('heading', { level: 1, name: 'Toegangslogboek' }).waitFor();
    await page.locator('tbody tr').first().waitFor();
    expect(await page.locator('tbody tr').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'audit-log');

    // Filter: only failed/denied logins would be empty-ish; filter on the action "Ingelogd".
    await page.getByLabel('Handeling', { exact: true }).first().click();
    await page.getByRole('option', { name: 'Ingelogd' }).click();
    await page.getByRole('button', { name: 'Filter toepassen' }).click();
    await expect
      .poll(async () => {
        const actions = await page.locator('tbody tr td:nth-child(4)').allInnerTexts();
        return actions.length > 0 && actions.every((a) => a.startsWith('Ingelogd'));
      })
      .toBe(true);

    await page.getByRole('button', { name: 'Keten controleren' }).click();
    await page.getByText('Het logboek is intact').waitFor();
    await expectAccessible(page, 'audit-verified');
  });

  it('works on a phone: the menu collapses behind a burger', async () => {
    const page = await coordinatorPage(375);
    await page.getByRole('heading', { level: 1, name: 'Mijn huishoudens' }).waitFor();
    const nav = page.locator('#main-navigation');
    // Collapsed: off-screen and out of the tab order.
    await expect.poll(() => nav.evaluate((el) => (el as HTMLElement).inert)).toBe(true);
    await expectAccessible(page, 'phone-households');
    await page.getByRole('button', { name: 'Menu openen' }).click();
    await expect.poll(() => nav.evaluate((el) => (el as HTMLElement).inert)).toBe(false);
    await expectAccessible(page, 'phone-menu-open');
    await page.getByRole('link', { name: 'Wachtwoord wijzigen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wachtwoord wijzigen' }).waitFor();
    await expectAccessible(page, 'phone-password');
  });

  it('switches the interface to English and remembers it', async () => {
    const page = await coordinatorPage();
    await page.getByRole('banner').getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'My households' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'My households' }).waitFor();
    await expectAccessible(page, 'households-en');
    await page.getByRole('banner').getByText('NL', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn huishoudens' }).waitFor();
  });
});
