import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SHOTS_DIR,
  auditPage,
  browserMissing,
  launchBrowser,
  startE2eApp,
  type E2eApp,
} from './support/app.js';

const PDFJS = path.resolve('node_modules/pdfjs-dist');
const inDays = (n: number) => {
  const d = new Date(Date.now() + n * 86400000);
  return `${String(d.getDate()).padStart(2, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${d.getFullYear()}`;
};

async function pdfText(data: Buffer): Promise<string> {
  const doc = await getDocument({
    data: new Uint8Array(data),
    isEvalSupported: false,
    standardFontDataUrl: `${PDFJS}/standard_fonts/`,
  }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' '));
  }
  return pages.join('\n').replace(/\s+/g, ' ');
}

/**
 * The plan end to end: assess with the household, write help questions and goals in their own words, add actions,
 * plan an evaluation, propose and agree the plan, a partner reports on their action, and the plan on paper.
 */
describe.skipIf(browserMissing)('the plan in the browser', () => {
  let app: E2eApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let householdUrl = '';

  beforeAll(async () => {
    app = await startE2eApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await app?.close();
  });

  async function newPage(width = 1280): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width, height: width > 500 ? 900 : 740 },
      locale: 'nl-NL',
      timezoneId: 'Europe/Amsterdam',
      acceptDownloads: true,
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
    const { email, password } = app.logins[key]!;
    await page.goto(`${app.baseUrl}/login`);
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel(/^Wachtwoord/).fill(password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  }

  /** A form field by its label, whether or not it is marked required (" *"). */
  function field(scope: Page | ReturnType<Page['getByRole']>, label: string) {
    return scope.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?$`));
  }

  async function choose(
    scope: Page | ReturnType<Page['getByRole']>,
    page: Page,
    label: string,
    option: string | RegExp,
  ) {
    await field(scope, label).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  async function openHousehold(page: Page, tab: string) {
    if (householdUrl) await page.goto(householdUrl);
    else {
      await page.getByRole('link', { name: 'Familie de Vries' }).first().click();
      householdUrl = page.url().replace(/\/(members|network|involved|history)$/, '');
    }
    await page.getByRole('tab', { name: tab }).click();
  }

  it('assesses self-reliance per member: radar chart, trend, and the safety assessment', async () => {
    const page = await newPage();
    await signIn(page, 'coord1');
    await page.getByRole('link', { name: 'Familie de Vries' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Familie de Vries' }).waitFor();
    householdUrl = page.url().replace(/\/(members|network|involved|history)$/, '');
    await page.getByRole('tab', { name: 'Zelfredzaamheid' }).click();
    await page.getByRole('heading', { name: 'Zelfredzaamheid', level: 2 }).waitFor();

    for (const [date, scores] of [
      [inDays(-60), { Financiën: 1, Huisvesting: 2, 'Sociaal netwerk': 3, 'Geestelijke gezondheid': 2 }],
      [inDays(0), { Financiën: 2, Huisvesting: 3, 'Sociaal netwerk': 4, 'Geestelijke gezondheid': 3 }],
    ] as const) {
      await page.getByRole('button', { name: 'Nieuwe meting' }).click();
      const dialog = page.getByRole('dialog', { name: 'Nieuwe meting zelfredzaamheid' });
      await dialog.getByRole('textbox', { name: 'Datum van de meting' }).fill(date);
      await dialog.getByRole('textbox', { name: 'Datum van de meting' }).press('Tab');
      // Saving without a domain explains that at least one is needed.
      await dialog.getByRole('button', { name: 'Opslaan' }).click();
      await dialog.getByText('Kies minstens één leefgebied.').waitFor();
      for (const [domain, score] of Object.entries(scores)) {
        await dialog.getByRole('checkbox', { name: domain, exact: true }).check();
        await dialog
          .getByRole('radiogroup', { name: `Score ${domain}` })
          .getByRole('radio', { name: new RegExp(`^${score} ·`) })
          .check();
      }
      await dialog
        .getByRole('textbox', { name: 'Toelichting' })
        .first()
        .fill('Huurachterstand van drie maanden');
      if (date === inDays(0)) await expectAccessible(page, 'plan-assessment-form');
      await dialog.getByRole('button', { name: 'Opslaan' }).click();
      await dialog.waitFor({ state: 'detached' });
    }
    await page.getByRole('img', { name: 'Laatste scores van Marloes de Vries per leefgebied' }).waitFor();
    await page.getByRole('img', { name: 'Verloop van Financiën' }).waitFor();
    const table = page.getByRole('table', { name: 'Laatste scores van Marloes de Vries' });
    expect(await table.innerText()).toContain('2 · niet zelfredzaam');

    await page.getByRole('button', { name: 'Veiligheid inschatten' }).click();
    const safety = page.getByRole('dialog', { name: 'Inschatting veiligheid kinderen' });
    await safety.getByRole('textbox', { name: 'Zorgen' }).fill('Veel spanning thuis door geldzorgen');
    await safety
      .getByRole('textbox', { name: 'Wat houdt de kinderen veilig?' })
      .fill('Oma Ria past twee middagen per week op');
    await safety.getByRole('radio', { name: 'Verhoogd' }).check();
    await safety.getByRole('button', { name: 'Opslaan' }).click();
    await safety.waitFor({ state: 'detached' });
    await page.getByText('Risico: Verhoogd').waitFor();
    await page.mouse.move(0, 0);
    await expectAccessible(page, 'plan-self-reliance');
    const phone = await newPage(375);
    await signIn(phone, 'coord1');
    await phone.goto(`${householdUrl}/selfReliance`);
    await phone.getByRole('img', { name: /Laatste scores van Marloes/ }).waitFor();
    await expectAccessible(phone, 'plan-self-reliance-phone');
  });

  it('writes help questions and goals in their own words, adds actions and an evaluation; the goal limit is explained', async () => {
    const page = await newPage();
    await signIn(page, 'coord1');
    await openHousehold(page, 'Plan');
    await page.getByRole('heading', { name: 'Hulpvragen' }).waitFor();

    await page.getByRole('button', { name: 'Hulpvraag toevoegen' }).click();
    const q = page.getByRole('dialog', { name: 'Hulpvraag toevoegen' });
    await choose(q, page, 'Van wie is de vraag?', 'Marloes de Vries');
    await choose(q, page, 'Leefgebied', 'Financiën');
    await q
      .getByRole('textbox', { name: 'De vraag, in eigen woorden' })
      .fill('Ik wil weer overzicht over mijn geld en de brieven');
    await q.getByRole('button', { name: 'Opslaan' }).click();
    await q.waitFor({ state: 'detached' });

    const goals = [
      [
        'Ik wil dat de huur elke maand op tijd betaald is',
        'Financiën',
        'De huur is drie maanden op tijd betaald',
      ],
      ['Dylan gaat elke dag naar school', 'Werk & opleiding', 'Dylan mist geen lessen meer zonder reden'],
    ];
    for (const [text, domain, success] of goals) {
      await page.getByRole('button', { name: 'Doel toevoegen' }).click();
      const g = page.getByRole('dialog', { name: 'Doel toevoegen' });
      await g.getByRole('textbox', { name: /Het doel, in de woorden van het gezin/ }).fill(text!);
      await field(g, 'Voor wie is dit doel?').click({ force: true });
      await page
        .getByRole('option', { name: text!.startsWith('Dylan') ? 'Dylan de Vries' : 'Marloes de Vries' })
        .click();
      await g.getByRole('heading', { name: 'Doel toevoegen' }).click();
      await field(g, 'Leefgebieden').click({ force: true });
      await page.getByRole('option', { name: domain! }).click();
      await g.getByRole('heading', { name: 'Doel toevoegen' }).click();
      await g.getByRole('textbox', { name: 'Hoe weten we dat het doel bereikt is?' }).click();
      await g.getByRole('textbox', { name: 'Hoe weten we dat het doel bereikt is?' }).fill(success!);
      if (text!.startsWith('Dylan')) await g.getByRole('radio', { name: 'Maatschappelijk doel' }).check();
      await g.getByRole('textbox', { name: 'Streefdatum' }).fill(inDays(120));
      await g.getByRole('textbox', { name: 'Streefdatum' }).press('Tab');
      await g.getByRole('button', { name: 'Opslaan' }).click();
      await g.waitFor({ state: 'detached' });
    }
    await page.getByText('2 van de 5 doelen lopen.').waitFor();

    // Jayden has a mild intellectual disability: a goal for him makes the limit 3, and a fourth is refused with a reason.
    for (const text of ['Jayden heeft een vaste dagindeling', 'Jayden sport een keer per week']) {
      await page.getByRole('button', { name: 'Doel toevoegen' }).click();
      const g = page.getByRole('dialog', { name: 'Doel toevoegen' });
      await g.getByRole('textbox', { name: /Het doel, in de woorden van het gezin/ }).fill(text);
      await field(g, 'Voor wie is dit doel?').click({ force: true });
      await page.getByRole('option', { name: 'Jayden de Vries' }).click();
      await g.getByRole('heading', { name: 'Doel toevoegen' }).click();
      await field(g, 'Leefgebieden').click({ force: true });
      await page.getByRole('option', { name: 'Tijdsbesteding' }).click();
      await g.getByRole('heading', { name: 'Doel toevoegen' }).click();
      await g.getByRole('textbox', { name: 'Hoe weten we dat het doel bereikt is?' }).click();
      await g
        .getByRole('textbox', { name: 'Hoe weten we dat het doel bereikt is?' })
        .fill('Jayden zegt het zelf');
      await g.getByRole('button', { name: 'Opslaan' }).click();
      if (text.includes('sport')) {
        await g.getByRole('alert').filter({ hasText: 'licht verstandelijke beperking' }).waitFor();
        await expectAccessible(page, 'plan-goal-limit');
        await g.getByRole('button', { name: 'Annuleren' }).click();
      }
      await g.waitFor({ state: 'detached' });
    }
    await page
      .getByText(
        /Omdat de doelen gaan over iemand met een licht verstandelijke beperking \(Jayden de Vries\)/,
      )
      .waitFor();

    await page
      .getByRole('button', { name: 'Actie toevoegen bij: Ik wil dat de huur elke maand op tijd betaald is' })
      .click();
    const a = page.getByRole('dialog', { name: 'Actie toevoegen' });
    await a
      .getByRole('textbox', { name: 'Wat gebeurt er?' })
      .fill('Budgetbeheer aanvragen en de huur automatisch laten betalen');
    await choose(a, page, 'Wie doet het?', 'Schuldhulp Zwolle');
    await a.getByRole('textbox', { name: 'Klaar op' }).fill(inDays(-3));
    await a.getByRole('textbox', { name: 'Klaar op' }).press('Tab');
    await a.getByRole('button', { name: 'Opslaan' }).click();
    await a.getByText('Deze datum ligt in het verleden.').or(a.getByRole('alert')).first().waitFor();
    await a.getByRole('textbox', { name: 'Klaar op' }).fill(inDays(14));
    await a.getByRole('textbox', { name: 'Klaar op' }).press('Tab');
    await a.getByRole('button', { name: 'Opslaan' }).click();
    await a.waitFor({ state: 'detached' });

    await page
      .getByRole('button', { name: 'Actie toevoegen bij: Ik wil dat de huur elke maand op tijd betaald is' })
      .click();
    const b = page.getByRole('dialog', { name: 'Actie toevoegen' });
    await b.getByRole('textbox', { name: 'Wat gebeurt er?' }).fill('Alle post van deze week samen openmaken');
    await choose(b, page, 'Wie doet het?', 'Marloes de Vries');
    await b.getByRole('textbox', { name: 'Klaar op' }).fill(inDays(7));
    await b.getByRole('textbox', { name: 'Klaar op' }).press('Tab');
    await b.getByRole('button', { name: 'Opslaan' }).click();
    await b.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Evaluatie plannen' }).click();
    const e = page.getByRole('dialog', { name: 'Evaluatie plannen' });
    await e.getByRole('textbox', { name: 'Datum' }).fill(inDays(42));
    await e.getByRole('heading', { name: 'Evaluatie plannen' }).click();
    await field(e, 'Wie doen er mee?').focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('option', { name: 'Marloes de Vries' }).click();
    await page.getByRole('option', { name: /Fatma Demir/ }).click();
    await e.getByRole('heading', { name: 'Evaluatie plannen' }).click();
    await e.getByRole('button', { name: 'Opslaan' }).click();
    await e.waitFor({ state: 'detached' });
    await page.getByText(`Gepland op ${inDays(42)}`).waitFor();
    await page.mouse.move(0, 0);
    await expectAccessible(page, 'plan-goals-actions');
  });

  it('proposes the plan, records agreement, a partner acknowledges and reports on their action', async () => {
    const page = await newPage();
    await signIn(page, 'coord1');
    await openHousehold(page, 'Plan');
    const propose = page.getByRole('button', { name: /^Versie \d+ voorstellen$/ });
    await propose.click();
    await page.getByRole('heading', { name: /^Akkoord op versie \d+$/ }).waitFor();
    await page.getByRole('button', { name: 'Akkoord van Marloes de Vries vastleggen' }).click();
    const d = page.getByRole('dialog', { name: 'Akkoord van Marloes de Vries vastleggen' });
    await d.getByRole('radio', { name: 'Op papier getekend' }).check();
    await d.getByRole('button', { name: 'Opslaan' }).click();
    await d.waitFor({ state: 'detached' });
    await page.getByText(/Marloes de Vries: akkoord op .* \(Op papier getekend\)/).waitFor();
    await page.getByRole('button', { name: 'Akkoord namens mijn organisatie' }).click();
    await page.getByText(/Wijkteam Zwolle-Zuid: akkoord op/).waitFor();
    await page.getByText('Wacht op Schuldhulp Zwolle').waitFor();

    const partner = await newPage();
    await signIn(partner, 'schuld');
    await openHousehold(partner, 'Plan');
    await partner.getByRole('button', { name: 'Akkoord namens mijn organisatie' }).click();
    await partner.getByText(/Schuldhulp Zwolle: akkoord op/).waitFor();
    expect(await partner.getByRole('button', { name: 'Doel toevoegen' }).count()).toBe(0);
    await partner.getByRole('button', { name: /Voortgang doorgeven: Budgetbeheer aanvragen/ }).click();
    const r = partner.getByRole('dialog', { name: 'Voortgang doorgeven' });
    await choose(r, partner, 'Stand', 'Loopt vast');
    await r
      .getByRole('textbox', { name: 'Wat houdt het tegen?' })
      .fill('Wachtlijst budgetbeheer tot volgende maand');
    await r.getByRole('button', { name: 'Opslaan' }).click();
    await r.waitFor({ state: 'detached' });
    await partner.getByText('Wachtlijst budgetbeheer tot volgende maand').waitFor();
    await partner.mouse.move(0, 0);
    await expectAccessible(partner, 'plan-partner');

    // The coordinator edits an action the partner just changed: 412, shown side by side, then redone.
    const action = page.getByRole('button', { name: /Actie wijzigen: Budgetbeheer aanvragen/ });
    await action.click();
    const edit = page.getByRole('dialog', { name: 'Actie wijzigen' });
    await edit
      .getByRole('textbox', { name: 'Wat gebeurt er?' })
      .fill('Budgetbeheer aanvragen bij Schuldhulp Zwolle');
    await edit.getByRole('button', { name: 'Opslaan' }).click();
    await edit.getByRole('alert').filter({ hasText: 'Loopt vast' }).waitFor();
    await expectAccessible(page, 'plan-stale-edit');
    await edit.getByRole('button', { name: 'Mijn invoer houden en opnieuw bekijken' }).click();
    await edit.getByRole('button', { name: 'Opslaan' }).click();
    await edit.waitFor({ state: 'detached' });
    await page.getByText('Budgetbeheer aanvragen bij Schuldhulp Zwolle').waitFor();

    const phone = await newPage(375);
    await signIn(phone, 'coord1');
    await openHousehold(phone, 'Plan');
    await phone.getByRole('heading', { name: 'Doelen' }).waitFor();
    await expectAccessible(phone, 'plan-phone');

    await page.getByRole('heading', { name: 'Vergelijk versies' }).scrollIntoViewIfNeeded();
    await page.mouse.move(0, 0);
    await expectAccessible(page, 'plan-versions');
  });

  it('downloads the plan as a PDF in plain Dutch, checks its text and renders the first page', async () => {
    const page = await newPage();
    await signIn(page, 'coord1');
    await openHousehold(page, 'Plan');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Plan als pdf (Nederlands)' }).click(),
    ]);
    const file = await download.path();
    const pdf = readFileSync(file);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf);
    for (const expected of [
      'Ons plan: Familie de Vries',
      '"Ik wil dat de huur elke maand op tijd betaald is"',
      'Zo weten we dat het gelukt is: De huur is drie maanden op tijd betaald',
      'Wie doet wat?',
      'Marloes de Vries: Alle post van deze week samen openmaken',
      'Schuldhulp Zwolle: Budgetbeheer aanvragen bij Schuldhulp Zwolle',
      '(loopt vast)',
      'Wanneer kijken we samen hoe het gaat?',
      'Je regisseur: Sanne de Boer, Wijkteam Zwolle-Zuid',
      '"Ik wil weer overzicht over mijn geld en de brieven"',
    ]) {
      expect(text).toContain(expected);
    }
    mkdirSync(SHOTS_DIR, { recursive: true });
    writeFileSync(path.join(SHOTS_DIR, 'plan.pdf'), pdf);

    // Render page 1 with pdf.js in Chromium and keep a screenshot of it.
    const viewer = await newPage(900);
    const files: Record<string, [string, string | Buffer]> = {
      '/': [
        'text/html',
        '<!doctype html><html lang="nl"><title>Plan</title><body style="margin:0;background:#888"><canvas id="c" style="display:block;margin:0 auto"></canvas><script type="module" src="/view.mjs"></script></body></html>',
      ],
      '/view.mjs': [
        'text/javascript',
        `import * as pdfjs from '/pdf.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = '/pdf.worker.mjs';
const doc = await pdfjs.getDocument({ url: '/plan.pdf', standardFontDataUrl: '/fonts/' }).promise;
const page = await doc.getPage(1);
const viewport = page.getViewport({ scale: 1.4 });
const canvas = document.getElementById('c');
canvas.width = viewport.width; canvas.height = viewport.height;
await page.render({ canvas, canvasContext: canvas.getContext('2d'), viewport }).promise;
document.body.dataset.rendered = String(doc.numPages);`,
      ],
      '/pdf.mjs': ['text/javascript', readFileSync(`${PDFJS}/build/pdf.min.mjs`)],
      '/pdf.worker.mjs': ['text/javascript', readFileSync(`${PDFJS}/build/pdf.worker.min.mjs`)],
      '/plan.pdf': ['application/pdf', pdf],
    };
    await viewer.route('http://pdf.test/**', async (route) => {
      const p = new URL(route.request().url()).pathname;
      if (p.startsWith('/fonts/'))
        return route.fulfill({ body: readFileSync(`${PDFJS}/standard_fonts/${path.basename(p)}`) });
      const f = files[p];
      return f ? route.fulfill({ contentType: f[0], body: f[1] }) : route.fulfill({ status: 404, body: '' });
    });
    await viewer.goto('http://pdf.test/');
    await viewer.waitForSelector('body[data-rendered]');
    await viewer.locator('#c').screenshot({ path: path.join(SHOTS_DIR, 'plan-pdf-page1.png') });

    const [en] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Plan als pdf (Engels)' }).click(),
    ]);
    const enText = await pdfText(readFileSync(await en.path()));
    expect(enText).toContain('Our plan: Familie de Vries');
    expect(enText).toContain('Who can you call?');
  });
});
