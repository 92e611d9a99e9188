import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { totpAt, totpStep } from '../../src/domain/auth/totp.js';
import { browserMissing } from './support/app.js';
import { browserSession, expectAccessible } from './support/session.js';

/**
 * End-to-end, second factor (issue 5 item 6): a user switches on two-step login under "Beveiliging" (QR code, key,
 * confirm with a code, recovery codes shown once), logs out and in again with a code from the app, and once more
 * with a recovery code on a phone-sized screen; an administrator requires it for an organisation, whose user is
 * then sent to the set-up page after the password. Every page visited is checked with axe.
 */
describe.skipIf(browserMissing)('second factor in the browser', () => {
  const e2e = browserSession();
  const { newPage, signIn } = e2e;

  /** Codes of a secret the test set up, each step used once (the server refuses a step twice). */
  function codes(secret: string) {
    let last = -1;
    return () => {
      const step = Math.max(totpStep(new Date()), last + 1);
      last = step;
      return totpAt(secret, step);
    };
  }

  async function passwordStep(page: Page, key: string) {
    const l = e2e.app.logins[key]!;
    await page.goto(`${e2e.app.baseUrl}/login`);
    await page.getByLabel('E-mailadres').fill(l.email);
    await page.getByLabel(/^Wachtwoord/).fill(l.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
  }

  async function logOut(page: Page) {
    await page.getByRole('button', { name: 'Uitloggen' }).first().click();
    await page.waitForURL(/\/login$/);
  }

  /** Reads the key shown as text, then confirms with a code; returns the secret and the recovery codes. */
  async function setUp(page: Page, shot: string) {
    const secretText = page.getByTestId('totp-secret');
    await secretText.waitFor();
    await page.getByRole('img', { name: /QR-code/ }).waitFor();
    await expectAccessible(page, `${shot}-setup`);
    const secret = (await secretText.innerText()).replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const next = codes(secret);
    await page.getByLabel('Code uit je authenticator-app').fill('000000');
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByText('Deze code klopt niet, of is al gebruikt.').waitFor();
    await page.getByLabel('Code uit je authenticator-app').fill(next());
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByRole('heading', { name: 'Je herstelcodes' }).waitFor();
    const recovery = await page.getByTestId('recovery-code').allInnerTexts();
    expect(recovery).toHaveLength(10);
    for (const c of recovery) expect(c).toMatch(/^[a-km-z2-9]{4}-[a-km-z2-9]{4}$/);
    await page.getByText('Je ziet deze codes maar één keer.').waitFor();
    await page.getByRole('button', { name: 'Codes downloaden' }).waitFor();
    await expectAccessible(page, `${shot}-recovery-codes`);
    return { next, recovery };
  }

  it('a user switches on two-step login, logs in again with a code, and with a recovery code on a phone', async () => {
    const page = await newPage();
    await signIn(page, 'coord2');
    await page.getByRole('link', { name: 'Beveiliging' }).click();
    await page.getByRole('heading', { level: 1, name: 'Beveiliging' }).waitFor();
    await page.getByText('Uit. Je logt in met alleen je wachtwoord.').waitFor();
    await expectAccessible(page, 'second-factor-security-off');
    await page.getByRole('button', { name: 'Inloggen in twee stappen aanzetten' }).click();
    const { next, recovery } = await setUp(page, 'second-factor-voluntary');
    await page.getByRole('button', { name: 'Ik heb de codes bewaard' }).click();
    await page.getByText(/^Aan sinds/).waitFor();
    await page.getByText('Je hebt nog 10 ongebruikte herstelcodes.').waitFor();
    await expectAccessible(page, 'second-factor-security-on');

    await logOut(page);
    await passwordStep(page, 'coord2');
    await page.getByRole('heading', { level: 1, name: 'Inloggen in twee stappen' }).waitFor();
    await page.getByText('Voer de code uit je authenticator-app in.').waitFor();
    await expectAccessible(page, 'second-factor-login-code');
    await page.getByLabel('Code uit je authenticator-app').fill('123456');
    await page.getByRole('button', { name: 'Controleren' }).click();
    await page.getByText('Deze code klopt niet, of is al gebruikt.').waitFor();
    await page.getByLabel('Code uit je authenticator-app').fill(next());
    await page.getByRole('button', { name: 'Controleren' }).click();
    // Back where the user was before logging out, signed in.
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.getByRole('button', { name: 'Uitloggen' }).first().waitFor();

    const phone = await newPage(375);
    await passwordStep(phone, 'coord2');
    await phone.getByRole('button', { name: /Herstelcode gebruiken/ }).click();
    await phone.getByLabel('Herstelcode').fill(recovery[0]!);
    await expectAccessible(phone, 'second-factor-login-recovery-375');
    await phone.getByRole('button', { name: 'Controleren' }).click();
    await phone.waitForURL((url) => !url.pathname.startsWith('/login'));
    await phone.goto(`${e2e.app.baseUrl}/account/security`);
    await phone.getByText('Je hebt nog 9 ongebruikte herstelcodes.').waitFor();
    await expectAccessible(phone, 'second-factor-security-375');
  });

  it('an administrator requires it for an organisation; its user sets it up right after the password', async () => {
    const admin = await newPage();
    await signIn(admin, 'admin');
    await admin.goto(`${e2e.app.baseUrl}/admin/organisations`);
    await admin
      .getByRole('row', { name: /Schuldhulp Zwolle/ })
      .getByRole('button')
      .click();
    const dialog = admin.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByLabel('Inloggen in twee stappen verplicht voor alle medewerkers').check();
    await expectAccessible(admin, 'second-factor-admin-organisation');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.waitFor({ state: 'detached' });
    await admin
      .getByRole('row', { name: /Schuldhulp Zwolle/ })
      .getByText('Twee stappen verplicht')
      .waitFor();

    const phone = await newPage(375);
    await passwordStep(phone, 'schuld');
    await phone.waitForURL(/\/second-factor\/setup$/);
    await phone.getByRole('heading', { level: 1, name: 'Inloggen in twee stappen instellen' }).waitFor();
    await phone
      .getByText(/verplicht/)
      .first()
      .waitFor();
    await setUp(phone, 'second-factor-required-375');
    await phone.getByRole('button', { name: 'Verder naar Schakel' }).click();
    await phone.getByRole('heading', { level: 1, name: 'Mijn huishoudens' }).waitFor();
    await phone.goto(`${e2e.app.baseUrl}/account/security`);
    await phone.getByText('Verplicht voor jouw rol of organisatie. Je kunt het niet uitzetten.').waitFor();
    expect(await phone.getByRole('button', { name: 'Uitzetten' }).count()).toBe(0);
  });
});
