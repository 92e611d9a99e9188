import { describe, expect, it } from 'vitest';
import { browserMissing } from './support/app.js';
import { browserSession, expectAccessible } from './support/session.js';

/**
 * End-to-end, from signal to coordinator: a neighbour reports a concern on the public form (no account), the process
 * manager triages it and opens the household's case, assigns a coordinator, and the neighbour sees "picked up" with
 * the reference code. Every page visited is checked with axe.
 */
describe.skipIf(browserMissing)('from signal to coordinator in the browser', () => {
  const e2e = browserSession();
  const { newPage, signIn } = e2e;
  let code = '';

  it('anyone reports a concern on the public form and gets a reference code', async () => {
    const page = await newPage(375);
    await page.goto(`${e2e.app.baseUrl}/melden`);
    await expectAccessible(page, 'signals-public-form-phone');
    await page.getByRole('button', { name: 'Melding versturen' }).click();
    await expect.poll(() => page.getByText('Vul dit veld in.').count()).toBeGreaterThan(0);
    await page.getByLabel(/^Naam \(of omschrijving/).fill('Familie Okafor');
    await page.getByLabel(/^Geboortedatum/).fill('14-02-2015');
    await page
      .getByLabel('Wat is je zorg?')
      .fill('<b>Vet</b> <script>alert(1)</script> De kinderen staan elke ochtend alleen buiten te wachten.');
    await page.getByLabel('Snel: binnen 24 uur').check();
    await page.getByLabel(/^Je naam/).fill('Buurvrouw Anja');
    await page.getByRole('button', { name: 'Melding versturen' }).click();
    code = (await page.getByTestId('reference-code').textContent()) ?? '';
    expect(code).toMatch(/^SK-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await expectAccessible(page, 'signals-public-thanks-phone');
    await page.getByRole('link', { name: 'Bekijk de status' }).click();
    await expect.poll(() => page.getByTestId('signal-status').textContent()).toContain('Ontvangen');
    await expectAccessible(page, 'signals-public-status-received');
  });

  it('the process manager triages it, opens the household and assigns a coordinator', async () => {
    const page = await newPage();
    await signIn(page, 'process');
    await page.getByRole('link', { name: 'Signalen beoordelen' }).click();
    await page.getByRole('table').waitFor();
    await expectAccessible(page, 'signals-triage-queue');
    await page.getByRole('row').filter({ hasText: code }).getByRole('link').click();
    await page.getByText('Mogelijk bekende huishoudens').waitFor();
    // The concern is shown as text, never executed.
    await expect.poll(() => page.getByText('<script>alert(1)</script>', { exact: false }).count()).toBe(1);
    await expectAccessible(page, 'signals-triage-signal');
    await page.getByLabel('Intensieve aanpak (dossier openen)').check();
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await expect.poll(() => page.locator('[aria-invalid="true"]').count()).toBeGreaterThan(0);
    expect(page.url()).toContain('/triage/');
    await page
      .getByLabel(/^Categorie \(piramide\)/)
      .first()
      .click();
    await page.getByRole('option', { name: /^Categorie 2/ }).click();
    await page
      .getByLabel(/^Waarom besluit je dit/)
      .fill('Kinderen vaak alleen; school en wijkteam zijn nodig.');
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await page.waitForURL(/\/assignment\/[0-9a-f-]+$/);
    await page.getByText('Voorgestelde regisseurs').waitFor();
    await expectAccessible(page, 'signals-assignment');
    await page.getByLabel(/^Sanne de Boer/).check();
    await page.getByRole('button', { name: 'Regisseur toewijzen' }).click();
    await expect.poll(() => page.getByTestId('current-coordinator').textContent()).toContain('Sanne de Boer');
    await expectAccessible(page, 'signals-assigned');
    await page.getByRole('link', { name: 'Caseload' }).first().click();
    await page.getByRole('table').waitFor();
    await expect.poll(() => page.getByRole('link', { name: 'Familie Okafor' }).count()).toBe(1);
    await expectAccessible(page, 'signals-caseloads');
  });

  it('the coordinator is notified and finds the household; the signaller sees "picked up"', async () => {
    const page = await newPage(375);
    await signIn(page, 'coord1');
    await page.getByRole('link', { name: /ongelezen melding/ }).click();
    await page.getByText('Je bent regisseur geworden van een huishouden').waitFor();
    await expectAccessible(page, 'signals-notifications-phone');
    await page.getByRole('link', { name: 'Openen' }).first().click();
    await page.getByRole('heading', { name: 'Familie Okafor', level: 1 }).waitFor();

    const signaller = await newPage(375);
    await signaller.goto(`${e2e.app.baseUrl}/melden/status`);
    await signaller.getByLabel(/^Code/).fill(code.toLowerCase());
    await signaller.getByRole('button', { name: 'Bekijken' }).click();
    await expect.poll(() => signaller.getByTestId('signal-status').textContent()).toContain('Opgepakt');
    const text = (await signaller.locator('main').textContent()) ?? '';
    expect(text).not.toContain('Okafor');
    expect(text).not.toContain('Sanne');
    await expectAccessible(signaller, 'signals-public-status-picked-up');
  });
});
