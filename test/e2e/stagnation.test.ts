import { describe, expect, it } from 'vitest';
import { browserMissing } from './support/app.js';
import { browserSession, expectAccessible } from './support/session.js';

/**
 * End-to-end, stagnation: a partner professional reports that a client stopped coming (on the household page), the
 * coordinator sees it in the worklist, records outreach and resolves it; the process manager sees the regional
 * board and the settings. Every page visited is checked with axe.
 */
describe.skipIf(browserMissing)('stagnation in the browser', () => {
  const e2e = browserSession();
  const { newPage, signIn } = e2e;

  it('a partner reports on the household page that the client stopped coming', async () => {
    const page = await newPage();
    await signIn(page, 'jeugd');
    await page.getByRole('link', { name: 'Familie de Vries' }).first().click();
    await page.getByRole('heading', { name: 'Stagnatie' }).waitFor();
    await expectAccessible(page, 'stagnation-household-partner');
    await page.getByRole('button', { name: 'Stagnatie melden' }).click();
    await page.getByRole('dialog').waitFor();
    await page
      .getByLabel(/^Korte beschrijving/)
      .fill('Moeder is drie weken niet op de afspraken gekomen en neemt niet op.');
    await expectAccessible(page, 'stagnation-report-dialog');
    await page.getByRole('button', { name: 'Melden', exact: true }).click();
    await page.getByText('Je melding is verstuurd naar de regisseur.').waitFor();
    await page.getByText('Ze komen niet meer', { exact: false }).first().waitFor();
    // The briefing of step 1 (addressed to the partner professional): no names, a request to acknowledge.
    await page.getByRole('link', { name: 'Escalaties aan mij' }).click();
    await page
      .getByRole('heading', { name: /^Gemeld/ })
      .first()
      .waitFor();
    await expectAccessible(page, 'stagnation-escalations');
    await page.getByRole('button', { name: 'Ik heb dit gezien en onderneem actie' }).first().click();
    await page.getByText('Bevestigd op', { exact: false }).first().waitFor();
  });

  it('the coordinator sees it in the worklist, records outreach and resolves it', async () => {
    const page = await newPage();
    await signIn(page, 'coord1');
    await page.getByRole('link', { name: 'Stagnaties' }).click();
    await page.getByRole('table').waitFor();
    const row = page
      .getByRole('row')
      .filter({ hasText: 'Familie de Vries' })
      .filter({ hasText: 'Ze komen niet meer' });
    await row.waitFor();
    await expectAccessible(page, 'stagnation-worklist');
    await row.getByRole('link', { name: 'Gemeld' }).click();
    await page.getByRole('heading', { name: 'Opschaling' }).waitFor();
    await expectAccessible(page, 'stagnation-detail');

    await page.getByRole('button', { name: 'Ik pak dit op' }).click();
    await page.getByText('In behandeling').first().waitFor();
    await page.getByRole('button', { name: 'Actie vastleggen' }).click();
    await page.getByRole('dialog').waitFor();
    await page.getByRole('dialog').getByLabel('Wat heb je gedaan?').click();
    await page.getByRole('option', { name: 'Huisbezoek' }).click();
    await page
      .getByLabel('Welke redenen heeft de cliënt?')
      .fill('Geen geld voor de bus; slechte ervaring met eerdere hulp.');
    await expectAccessible(page, 'stagnation-outreach-dialog');
    await page.getByRole('dialog').getByRole('button', { name: 'Vastleggen', exact: true }).click();
    await page.getByText('Geen geld voor de bus', { exact: false }).waitFor();

    await page.getByRole('button', { name: 'Oplossen' }).click();
    await page.getByRole('dialog').waitFor();
    await page
      .getByLabel(/^Wat is er afgesproken/)
      .fill('Afspraken voortaan thuis; vervoer geregeld via de gemeente.');
    await page.getByRole('dialog').getByRole('button', { name: 'Oplossen' }).click();
    await page.getByText('Opgelost op', { exact: false }).waitFor();
    await expectAccessible(page, 'stagnation-resolved');

    await page.getByRole('link', { name: 'Stagnaties' }).first().click();
    await expect.poll(() => page.getByRole('row').filter({ hasText: 'Ze komen niet meer' }).count()).toBe(0);
  });

  it('the process manager sees the regional board and the settings; a phone shows the worklist too', async () => {
    const page = await newPage();
    await signIn(page, 'process');
    await page.getByRole('link', { name: 'Regiobord stagnatie' }).click();
    await page.getByRole('heading', { name: 'Open opschalingen per stap' }).waitFor();
    await expectAccessible(page, 'stagnation-board');
    await page.getByRole('link', { name: 'Instellingen stagnatie' }).click();
    await page.getByLabel('Gemiste afspraken achter elkaar').waitFor();
    await expectAccessible(page, 'stagnation-settings');

    const phone = await newPage(375);
    await signIn(phone, 'coord1');
    await phone.goto(`${e2e.app.baseUrl}/stagnations`);
    await phone.getByRole('heading', { name: 'Stagnaties', level: 1 }).waitFor();
    await expectAccessible(phone, 'stagnation-worklist-phone');
  });
});
