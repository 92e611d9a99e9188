import { existsSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import pg from 'pg';
import { type Browser, type Page, chromium } from 'playwright-core';
import { buildApp } from '../../../src/server/app.js';
import { prepareDatabase } from '../../../src/server/bootstrap.js';
import { loadConfig } from '../../../src/server/config.js';
import type { DatabaseTarget } from '../../../src/server/db/connect.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../../../src/server/seed/directory.js';
import { nextDemoTotpCode } from '../../../src/server/testing/second-factor.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];
export const SHOTS_DIR = path.resolve('test-results/e2e');

/** Skipped only outside CI when no browser is installed; under CI=true a missing browser fails (scripts/test.ts). */
export const browserMissing = !existsSync(CHROMIUM) && process.env.CI !== 'true';

export interface E2eApp {
  baseUrl: string;
  /** Demo accounts by key (see src/server/seed/directory.ts). */
  logins: Record<string, { email: string; password: string }>;
  /** A fresh second-factor code for a demo account seeded with TOTP (admin, privacy); see testing/second-factor.ts. */
  totpCode(key: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Starts the real server with a fresh database and the demo data, serving the built web app (dist/web).
 * Uses the PostgreSQL server when DATABASE_URL is set (a new database, dropped afterwards), otherwise PGlite in
 * a temporary directory.
 */
export async function startE2eApp(): Promise<E2eApp> {
  const url = process.env.DATABASE_URL;
  let target: DatabaseTarget;
  let cleanup: () => Promise<void>;
  if (url) {
    const name = `schakel_e2e_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    target = { kind: 'postgres', url: u.toString() };
    cleanup = async () => {
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    };
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'schakel-e2e-'));
    target = { kind: 'pglite', dataDir: dir };
    cleanup = () => Promise.resolve(rmSync(dir, { recursive: true, force: true }));
  }
  const { database } = await prepareDatabase(target, { seedDemo: true });
  const config = { ...loadConfig({}), webDir: path.resolve(process.env.SCHAKEL_WEB_DIR ?? 'dist/web') };
  const app = await buildApp({ db: database, config, version: 'e2e' });
  await app.listen({ port: 0, host: 'localhost' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const logins = Object.fromEntries(
    DEMO_USERS.map((u) => [u.key, { email: u.email, password: DEMO_PASSWORD }]),
  );
  return {
    baseUrl: `http://localhost:${port}`,
    logins,
    totpCode: (key) => nextDemoTotpCode(database.app, logins[key]!.email),
    close: async () => {
      await app.close();
      await database.close();
      await cleanup();
    },
  };
}

/**
 * Chromium for e2e. Every page and context asks for reduced motion (the web app respects it), so axe never sees a
 * notification half faded in, which would read as a contrast failure.
 */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  browser.newContext = (options = {}) => newContext({ reducedMotion: 'reduce', ...options });
  browser.newPage = (options = {}) => newPage({ reducedMotion: 'reduce', ...options });
  return browser;
}

/** Runs axe (WCAG 2.1 A and AA) on the page and keeps a screenshot; returns the violations. */
export async function auditPage(page: Page, name: string) {
  mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`), fullPage: true });
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
}
