import { describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { SHOTS_DIR, browserMissing } from './support/app.js';
import { browserSession, expectAccessible } from './support/session.js';

/**
 * End-to-end, the chain: a coordinator refers a member, the receiving professional accepts it from their queue in
 * a second browser, records the first contact, and the coordinator sees the referral started. The network map
 * (ecogram) and the timeline render and are accessible.
 */
describe.skipIf(browserMissing)('the chain in the browser', () => {
  const e2e = browserSession();
  const { newPage, signIn } = e2e;
  let householdUrl = '';
  async function choose(page: Page, label: string | RegExp, option: string) {
    await page.getByRole('dialog').getByLabel(label).click();
    await page.getByRole('option', { name: option }).click();
  }

  it('the coordinator refers a member to a service', async () => {
    const page = await newPage();
    await signIn(page, 'coord1');
    await page
      .getByRole('link', { name: /Familie de Vries/ })
      .first()
      .click();
    await page.waitForURL(/\/households\/[0-9a-f-]+/);
    householdUrl = page.url().replace(/\/(members|involved)$/, '');
    await page.goto(`${householdUrl}/referrals`);
    await page.getByRole('button', { name: 'Nieuwe verwijzing' }).click();
    await choose(page, /^Dienst/, 'Schuldhulpverlening');
    await choose(page, /^Voor wie/, 'Marloes de Vries');
    await page
      .getByLabel(/^Hulpvraag/)
      .fill('Huurachterstand en schulden bij de zorgverzekeraar. Graag een intake.');
    await expectAccessible(page, 'chain-referral-new');
    await page.getByRole('button', { name: 'Verwijzen' }).click();
    const card = page.getByRole('article', { name: /Schuldhulpverlening: Marloes de Vries/ });
    await expect.poll(() => card.getByText('Verstuurd').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'chain-referrals-sent');
  });

  it('the receiving professional takes it in, accepts it and records the first contact, in a second browser', async () => {
    const page = await newPage();
    await signIn(page, 'schuld');
    await page.getByRole('link', { name: 'Verwijzingen' }).click();
    await page.waitForURL(/\/referrals$/);
    const card = page.getByRole('article', { name: /Schuldhulpverlening: Marloes de Vries/ });
    await expect.poll(() => card.count()).toBe(1);
    // Only what is needed: the client, the question, the sender; not the household file.
    await expect.poll(() => card.getByText('Huurachterstand en schulden').count()).toBe(1);
    await expectAccessible(page, 'chain-queue');
    for (const action of ['In behandeling nemen', 'Aannemen', 'Eerste contact vastleggen']) {
      await card.getByRole('button', { name: action }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Bevestigen' }).click();
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    }
    await page.getByText('Alles', { exact: true }).click();
    await expect.poll(() => card.getByText('Gestart').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SHOTS_DIR, 'chain-queue-started.png'), fullPage: true });
  });

  it("the sender sees the referral started, and the new partner on 'who is involved'", async () => {
    const page = await newPage();
    await signIn(page, 'coord1');
    await page.goto(`${householdUrl}/referrals`);
    const card = page.getByRole('article', { name: /Schuldhulpverlening: Marloes de Vries/ });
    await expect.poll(() => card.getByText('Gestart').count()).toBeGreaterThan(0);
    await page.goto(`${householdUrl}/involved`);
    await expect.poll(() => page.getByText('Fatma Demir').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'chain-involved');
    await page.goto(`${householdUrl}/contacts`);
    await expect.poll(() => page.getByText('Geweest').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'chain-contacts');
  });

  it('renders the network map (ecogram) with a table alternative, and the timeline', async () => {
    const page = await newPage();
    await signIn(page, 'coord1');
    await page.goto(`${householdUrl}/map`);
    const svg = page.getByRole('img', { name: /Netwerkkaart van Familie de Vries/ });
    await expect.poll(() => svg.count()).toBe(1);
    await expect.poll(() => page.locator('svg[role="img"] circle').count()).toBeGreaterThan(6);
    await expect.poll(() => page.getByRole('table').getByText('Kevin Smit').count()).toBe(1);
    await expectAccessible(page, 'chain-ecogram');
    await page.goto(`${householdUrl}/timeline`);
    await expect
      .poll(() => page.getByText('Gestart bij Schuldhulpverlening: de cliënt is aangekomen').count())
      .toBe(1);
    await expectAccessible(page, 'chain-timeline');
    const phone = await newPage(375);
    await signIn(phone, 'coord1');
    await phone.goto(`${householdUrl}/map`);
    await expect.poll(() => phone.getByRole('img', { name: /Netwerkkaart/ }).count()).toBe(1);
    await expectAccessible(phone, 'chain-ecogram-phone');
    await phone.goto(`${householdUrl}/referrals`);
    await expectAccessible(phone, 'chain-referrals-phone');
  });

  it('the directory of services is readable and accessible', async () => {
    const page = await newPage();
    await signIn(page, 'jeugdmgr');
    await page.getByRole('link', { name: 'Hulpaanbod' }).click();
    await expect
      .poll(() => page.getByRole('button', { name: 'Ambulante gezinsbegeleiding wijzigen' }).count())
      .toBe(1);
    await expectAccessible(page, 'chain-services');
  });
});
