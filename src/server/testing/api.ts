import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import type { Database, DbKind } from '../db/connect.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../seed/directory.js';
import { demoTotpCode, hasDemoTotp } from '../seed/second-factor.js';
import { createTestDatabase } from './databases.js';
import { nextDemoTotpCode } from './second-factor.js';

/** The database behind each test app, so the client can pick an unused TOTP step for the demo accounts. */
const databases = new WeakMap<FastifyInstance, Database>();

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  ownerUrl?: string | undefined;
  close(): Promise<void>;
}

export async function createTestApp(kind: DbKind): Promise<TestApp> {
  const tdb = await createTestDatabase(kind);
  const config = { ...loadConfig({}), webDir: '/nonexistent-web-dir' };
  const app = await buildApp({ db: tdb.database, config, version: 'test' });
  await app.ready();
  databases.set(app, tdb.database);
  return {
    app,
    database: tdb.database,
    ownerUrl: tdb.ownerUrl,
    close: async () => {
      await app.close();
      await tdb.close();
    },
  };
}

/** The demo accounts by key (see seed/directory.ts), e.g. emailOf('coord1'). */
export function emailOf(key: string): string {
  const u = DEMO_USERS.find((x) => x.key === key);
  if (!u) throw new Error(`no demo user ${key}`);
  return u.email;
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | undefined>;
}

/** A browser-like API client: keeps the session cookie and CSRF token, sends JSON. */
export class ApiClient {
  cookie: string | undefined;
  csrf: string | undefined;

  constructor(
    readonly app: FastifyInstance,
    readonly ip = '127.0.0.1',
  ) {}

  /**
   * Logs a demo account in like the browser does. For the accounts seeded with TOTP (administrator, privacy
   * officer) it completes the second factor with the demo secret and returns that answer (the verified session).
   */
  async login(key: string, password = DEMO_PASSWORD): Promise<ApiResponse> {
    const res = await this.request('POST', '/api/v1/auth/login', { body: { email: emailOf(key), password } });
    if (res.status === 200) this.csrf = res.body.csrfToken;
    if (res.status !== 200 || res.body.secondFactor !== 'required' || !hasDemoTotp(key)) return res;
    const code = await this.demoTotpCode(key);
    const second = await this.request('POST', '/api/v1/auth/second-factor', { body: { code } });
    if (second.status === 200) this.csrf = second.body.csrfToken;
    return second;
  }

  /** A code of the demo TOTP secret for a seeded account that the server has not accepted yet. */
  async demoTotpCode(key: string): Promise<string> {
    const database = databases.get(this.app);
    if (!database) return demoTotpCode();
    return nextDemoTotpCode(database.app, emailOf(key));
  }

  async request(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    opts: {
      body?: unknown;
      rawBody?: string;
      headers?: Record<string, string>;
      ifMatch?: number | string;
      csrf?: boolean;
    } = {},
  ): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (this.cookie) headers.cookie = this.cookie;
    if (method !== 'GET' && this.csrf && opts.csrf !== false) headers['x-csrf-token'] = this.csrf;
    if (opts.ifMatch !== undefined)
      headers['if-match'] = typeof opts.ifMatch === 'number' ? `"${opts.ifMatch}"` : opts.ifMatch;
    let payload: string | undefined;
    if (opts.rawBody !== undefined) {
      payload = opts.rawBody;
      headers['content-type'] ??= 'application/json';
    } else if (opts.body !== undefined) {
      payload = JSON.stringify(opts.body);
      headers['content-type'] = 'application/json';
    }
    const res = await this.app.inject({
      method,
      url,
      headers,
      remoteAddress: this.ip,
      ...(payload !== undefined ? { payload } : {}),
    });
    const setCookie = res.headers['set-cookie'];
    for (const c of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
      const [pair] = c.split(';');
      const [name, value] = pair!.split('=');
      if (name === '__Host-schakel' || name === 'schakel')
        this.cookie = value ? `${name}=${value}` : undefined;
    }
    const text = res.body;
    let body: unknown = text;
    if (text && String(res.headers['content-type'] ?? '').includes('json')) body = JSON.parse(text);
    return { status: res.statusCode, body, headers: res.headers as ApiResponse['headers'] };
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('POST', url, { body: body ?? {}, ...(headers ? { headers } : {}) });
  }
  patch(url: string, body: unknown, ifMatch: number) {
    return this.request('PATCH', url, { body, ifMatch });
  }
  del(url: string, ifMatch?: number) {
    return this.request('DELETE', url, ifMatch === undefined ? {} : { ifMatch });
  }
}

/** Logs a demo user in and returns the client. */
export async function as(app: FastifyInstance, key: string, ip?: string): Promise<ApiClient> {
  const c = new ApiClient(app, ip);
  const res = await c.login(key);
  if (res.status !== 200)
    throw new Error(`login as ${key} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return c;
}

export const aHousehold = (name = 'Familie Test') => ({
  name,
  address: { street: 'Teststraat', houseNumber: '1', postcode: '8011 AB', city: 'Zwolle' },
  pyramidCategory: 1,
  members: [
    { name: 'Ouder Test', dateOfBirth: '1985-05-05', role: 'parent' },
    { name: 'Kind Test', dateOfBirth: '2015-05-05', role: 'child', lvb: true },
  ],
  networkContacts: [{ name: 'Oma Test', relation: 'Grootmoeder', quality: 'supportive' }],
});
