import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { auditPage, browserMissing } from './support/app.js';
import { browserSession, expectAccessible } from './support/session.js';

const REASON = 'Politie meldt dat de kinderen alleen thuis zijn; ik moet weten wie er betrokken is.';

/**
 * End-to-end, privacy (issue 5): a professional uses the noodknop for a household they do not work with, sees the
 * emergency banner on every household page and no write actions; the privacy officer reviews and approves it and
 * looks up the employee's access; the coordinator goes through "Wie keek mee" and sees the emergency access.
 * Every page visited is checked with axe; screenshots at 1280 and 375 px are kept in test-results/e2e/.
 */
describe.skipIf(browserMissing)('emergency access and the access overview in the browser', () => {
  const e2e = browserSession();
  const { signIn } = e2e;
  const pages: Page[] = [];
  const newPage = async (width?: number) => {
    const page = await e2e.newPage(width);
    pages.push(page);
    return page;
  };

  /** On failure, keep a screenshot of every page of the test to see what the user saw. */
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail')
      for (const [i, p] of pages.entries())
        await auditPage(p, `FAILED-emergency-${ctx.task.name.slice(0, 24).replace(/\W+/g, '-')}-${i}`).catch(
          () => undefined,
        );
    pages.length = 0;
  });

  async function useNoodknop(page: Page, postcode: string, houseNumber: string): Promise<void> {
    await page.getByLabel(/^Postcode/).fill(postcode);
    await page.getByLabel(/^Huisnummer/).fill(houseNumber);
    await page.getByLabel(/^Reden/).fill(REASON);
    await page.getByRole('button', { name: 'Noodtoegang openen' }).click();
    await page.waitForURL(/\/households\/[0-9a-f-]{36}/);
  }

  const banner = (page: Page) => page.getByTestId('emergency-banner');

  it('a professional uses the noodknop; the banner shows on every household page and nothing can be changed', async () => {
    const page = await newPage();
    await signIn(page, 'jeugd');
    await page.getByRole('link', { name: 'Noodtoegang', exact: true }).click();
    await page.getByRole('heading', { name: 'Noodtoegang', level: 1 }).waitFor();
    await page.getByText('Let op: dit wordt gecontroleerd').waitFor();
    await expectAccessible(page, 'emergency-form-1280');

    // A reason that says nothing is refused before anything is opened.
    await page.getByLabel(/^Postcode/).fill('8043 KL');
    await page.getByLabel(/^Huisnummer/).fill('221');
    await page.getByLabel(/^Reden/).fill('even kijken');
    await page.getByRole('button', { name: 'Noodtoegang openen' }).click();
    await page.getByText('Schrijf een reden van minimaal 20 tekens.').waitFor();
    // An address where nobody lives in the region.
    await page.getByLabel(/^Huisnummer/).fill('999');
    await page.getByLabel(/^Reden/).fill(REASON);
    await page.getByRole('button', { name: 'Noodtoegang openen' }).click();
    await page.getByText('Er is geen huishouden op dit adres in jouw regio.').waitFor();
    await expectAccessible(page, 'emergency-form-not-found');

    await page.getByLabel(/^Huisnummer/).fill('221');
    await page.getByRole('button', { name: 'Noodtoegang openen' }).click();
    await page.waitForURL(/\/households\/[0-9a-f-]{36}/);
    await page.getByRole('heading', { name: 'Familie Hendriks', level: 1 }).waitFor();
    await banner(page).waitFor();
    expect(await banner(page).textContent()).toMatch(/Noodtoegang tot \d{2}:\d{2}/);
    expect(await banner(page).textContent()).toContain(
      'Alles wat je bekijkt wordt vastgelegd en door de privacyfunctionaris beoordeeld',
    );
    await page.getByText('Jij: Noodtoegang').waitFor();
    await expectAccessible(page, 'emergency-household-1280');

    // Every tab of the household: the banner stays, and there is no button to change anything.
    const tabs = await page.getByRole('tab').allTextContents();
    expect(tabs).toEqual(expect.arrayContaining(['Gezinsleden', 'Netwerk', 'Betrokken', 'Plan']));
    expect(tabs).not.toContain('Wie keek mee');
    for (const name of tabs) {
      await page.getByRole('tab', { name, exact: true }).click();
      await expect
        .poll(() => page.getByRole('tab', { name, exact: true }).getAttribute('aria-selected'))
        .toBe('true');
      await page.waitForLoadState('networkidle');
      expect(await banner(page).isVisible(), name).toBe(true);
      for (const write of [
        'Gegevens wijzigen',
        'Gezinslid toevoegen',
        'Contact toevoegen',
        'Professional koppelen',
      ])
        expect(await page.getByRole('button', { name: write }).count(), `${name}: ${write}`).toBe(0);
    }
    await page.getByRole('tab', { name: 'Plan', exact: true }).click();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, 'emergency-household-plan');

    await page.getByRole('link', { name: 'Noodtoegang', exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: 'Familie Hendriks' });
    await row.getByText('Actief').waitFor();
    await row.getByText('Nog te beoordelen').waitFor();
    await expectAccessible(page, 'emergency-mine');
  });

  it('works on a phone (375 px), and the user can end the access early', async () => {
    const page = await newPage(375);
    await signIn(page, 'ggz');
    await page.getByRole('button', { name: 'Menu openen' }).click();
    await page.getByRole('link', { name: 'Noodtoegang', exact: true }).click();
    await page.getByRole('heading', { name: 'Noodtoegang', level: 1 }).waitFor();
    await expectAccessible(page, 'emergency-form-375');
    await useNoodknop(page, '8025zt', '5 A');
    await page.getByRole('heading', { name: 'Familie Kramer', level: 1 }).waitFor();
    await banner(page).waitFor();
    await expectAccessible(page, 'emergency-household-375');
    await page.getByRole('button', { name: 'Noodtoegang nu beëindigen' }).click();
    await page.waitForURL(/\/emergency$/);
    const row = page.getByRole('row').filter({ hasText: 'Beëindigd' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Huishouden (niet meer toegankelijk)');
  });

  it('the privacy officer sees what was viewed, approves, and looks up the employee', async () => {
    const page = await newPage();
    await signIn(page, 'privacy');
    await page.getByRole('link', { name: 'Noodtoegang beoordelen' }).click();
    const card = page.getByRole('article', { name: 'Lotte Visser (Jeugdhulp IJsselland)' });
    await card.waitFor();
    expect(await card.textContent()).toContain('Familie Hendriks');
    expect(await card.textContent()).toContain(REASON);
    await card.getByText('Wat is er bekeken').waitFor();
    expect(await card.textContent()).toMatch(/Gebruikt: \d+ minuten/);
    // The phone user's access, ended early, is in the queue too.
    await page.getByRole('article', { name: 'Mark Hendriks (GGZ Oost)' }).waitFor();
    await expectAccessible(page, 'emergency-review-queue');

    await card.getByRole('button', { name: 'Opvolgen' }).click();
    await card.getByText('Schrijf op wat de opvolging is.').waitFor();
    await card.getByRole('button', { name: 'Goedkeuren' }).click();
    await page.getByText('De noodtoegang is goedgekeurd.').waitFor();
    await expect
      .poll(() => page.getByRole('article', { name: 'Lotte Visser (Jeugdhulp IJsselland)' }).count())
      .toBe(0);
    await page.getByText('Beoordeeld', { exact: true }).click();
    const reviewed = page.getByRole('article', { name: 'Lotte Visser (Jeugdhulp IJsselland)' });
    await reviewed.getByText('Goedgekeurd').waitFor();
    await reviewed.getByText('Beoordeeld door Noor Privacy', { exact: false }).waitFor();
    await expectAccessible(page, 'emergency-review-reviewed');

    await page.getByRole('link', { name: 'Toegang per medewerker' }).click();
    await page.getByRole('heading', { name: 'Toegang per medewerker', level: 1 }).waitFor();
    await page.getByRole('combobox', { name: 'Medewerker' }).fill('Lotte');
    await page.getByRole('option', { name: /Lotte Visser/ }).click();
    const hendriks = page
      .getByRole('row')
      .filter({ hasText: 'Familie Hendriks' })
      .filter({ hasText: 'met noodtoegang' });
    // One line per recorded basis (with and without the case's legal grounds), each naming the emergency access.
    await hendriks.first().waitFor();
    for (const text of await hendriks.allTextContents())
      expect(text).toMatch(/emergency_access:[0-9a-f-]{36}/);
    await expectAccessible(page, 'employee-access-1280');
  });

  it('the coordinator goes through "Wie keek mee" with the household and sees the emergency access', async () => {
    for (const width of [1280, 375]) {
      const page = await newPage(width);
      await signIn(page, 'coord2');
      await page.getByRole('link', { name: 'Familie Hendriks' }).first().click();
      await page.getByRole('heading', { name: 'Familie Hendriks', level: 1 }).waitFor();
      expect(await banner(page).count()).toBe(0);
      await page.getByRole('tab', { name: 'Wie keek mee' }).click();
      await page.getByRole('heading', { name: 'Wie keek mee' }).waitFor();
      // A table at 1280 px, one block per line on a phone: the same sentence.
      await page
        .getByText(/^Jeugdhulp IJsselland \(hulpverlener\) bekeek .* met noodtoegang\.$/)
        .first()
        .waitFor();
      await page.getByText('In deze periode is noodtoegang gebruikt.', { exact: false }).waitFor();
      // Organisations and roles, never the employee's name.
      expect(await page.getByText('Lotte Visser').count()).toBe(0);
      await expectAccessible(page, `access-log-${width}`);

      // A period filter that makes no sense is refused in the form; a period long ago shows nothing.
      await page.getByRole('textbox', { name: 'Van', exact: true }).fill('10-01-2025');
      await page.getByRole('textbox', { name: 'Tot en met', exact: true }).fill('05-01-2025');
      await page.getByRole('button', { name: 'Tonen' }).click();
      await page.getByText('De einddatum ligt voor de begindatum.').waitFor();
      await page.getByRole('textbox', { name: 'Tot en met', exact: true }).fill('31-01-2025');
      await page.getByRole('button', { name: 'Tonen' }).click();
      await page.getByText('Van 10-01-2025 tot en met 31-01-2025').waitFor();
      await page.getByText('In deze periode heeft niemand de gegevens bekeken.').waitFor();
    }
  });
});
