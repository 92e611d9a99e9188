import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { SHOTS_DIR, browserMissing } from './support/app.js';
import { browserSession, expectAccessible } from './support/session.js';

/**
 * End-to-end, the policy viewer: lands on the region's figures (never a household), can pick a period, and gets a
 * clear error for a period that runs backwards. Axe on every state.
 */
describe.skipIf(browserMissing)('figures for a policy viewer in the browser', () => {
  const { newPage, signIn } = browserSession();

  for (const width of [1280, 375]) {
    it(`shows only aggregated figures at ${width} px`, async () => {
      const page = await newPage(width);
      await signIn(page, 'policy');
      await page.waitForURL('**/cijfers');
      await page.getByRole('heading', { name: 'Cijfers van de regio' }).waitFor();
      await page.getByText('Huishoudens in de regio', { exact: true }).waitFor();
      await expectAccessible(page, `insights-${width}`);
      await page.screenshot({ path: path.join(SHOTS_DIR, `insights-${width}.png`), fullPage: true });
      // The demo households are not named anywhere on the page.
      const body = await page.locator('main').innerText();
      expect(body).not.toMatch(/Familie/);
      // A policy viewer has no households to go to.
      await page.goto(page.url().replace('/cijfers', '/households/new'));
      await page
        .getByText(/geen toegang|niet gevonden/i)
        .first()
        .waitFor();
    });
  }

  it('checks the period', async () => {
    const page = await newPage();
    await signIn(page, 'policy');
    await page.getByLabel('Van', { exact: true }).fill('2026-05-01');
    await page.getByLabel('Tot en met', { exact: true }).fill('2026-04-01');
    await page.getByRole('button', { name: 'Toon cijfers' }).click();
    await page.getByText('De begindatum ligt na de einddatum.').waitFor();
    await expectAccessible(page, 'insights-bad-period');
  });
});
