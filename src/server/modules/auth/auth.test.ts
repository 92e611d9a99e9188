import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../seed/directory.js';
import { ApiClient, type TestApp, as, createTestApp, emailOf } from '../../testing/api.js';
import { testDbKinds } from '../../testing/databases.js';

describe.each(testDbKinds())('authentication on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => {
    await t.close();
  });

  it('logs in with a __Host- HttpOnly SameSite cookie and returns the session with permissions', async () => {
    const c = new ApiClient(t.app);
    const res = await c.login('coord1');
    expect(res.status).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^__Host-schakel=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('Secure');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain('Domain');
    expect(res.body.user).toMatchObject({
      email: emailOf('coord1'),
      roles: ['coordinator'],
      permissions: ['household.register', 'signal.submit', 'stagnation.worklist', 'emergency.request'],
    });
    expect(res.body.idleTimeoutSeconds).toBe(1800);
    const session = await c.get('/api/v1/auth/session');
    expect(session.status).toBe(200);
    expect(session.body.user.name).toBe('Sanne de Boer');
  });

  it('issues a new session id at every login and ends the previous one', async () => {
    const c = await as(t.app, 'coord2');
    const first = c.cookie;
    await c.login('coord2');
    expect(c.cookie).not.toBe(first);
    const old = new ApiClient(t.app);
    old.cookie = first;
    expect((await old.get('/api/v1/auth/session')).status).toBe(401);
  });

  it('gives the same answer for an unknown e-mail and a wrong password', async () => {
    const c = new ApiClient(t.app, '10.0.0.1');
    const wrong = await c.request('POST', '/api/v1/auth/login', {
      body: { email: emailOf('coord1'), password: 'niet-het-goede-wachtwoord' },
    });
    const unknown = await c.request('POST', '/api/v1/auth/login', {
      body: { email: 'niemand@schakel.demo', password: 'niet-het-goede-wachtwoord' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe('INVALID_CREDENTIALS');
  });

  it('refuses requests without a session, and state changes without the CSRF token', async () => {
    const anon = new ApiClient(t.app);
    const res = await anon.get('/api/v1/households');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
    const c = await as(t.app, 'coord1');
    const noToken = await c.request('POST', '/api/v1/households', {
      body: { name: 'Familie Zonder Token' },
      csrf: false,
    });
    expect(noToken.status).toBe(403);
    expect(noToken.body.error.code).toBe('CSRF_INVALID');
    const wrongToken = await c.request('POST', '/api/v1/households', {
      body: { name: 'Familie Fout Token' },
      headers: { 'x-csrf-token': 'x'.repeat(43) },
      csrf: false,
    });
    expect(wrongToken.status).toBe(403);
    const list = await c.get('/api/v1/households');
    expect(list.body.items.map((h: { name: string }) => h.name)).not.toContain('Familie Zonder Token');
  });

  it('logout ends the session', async () => {
    const c = await as(t.app, 'jeugd');
    const cookie = c.cookie;
    expect((await c.post('/api/v1/auth/logout')).status).toBe(204);
    const again = new ApiClient(t.app);
    again.cookie = cookie;
    expect((await again.get('/api/v1/auth/session')).status).toBe(401);
  });

  it('expires a session after 30 idle minutes and after 12 hours in all', async () => {
    const idle = await as(t.app, 'ggz');
    await t.database.app.execute(sql`update sessions set last_seen_at = now() - interval '31 minutes'`);
    const res = await idle.get('/api/v1/auth/session');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('SESSION_EXPIRED');
    const old = await as(t.app, 'ggz');
    await t.database.app.execute(sql`update sessions set expires_at = now() - interval '1 second'`);
    expect((await old.get('/api/v1/auth/session')).body.error.code).toBe('SESSION_EXPIRED');
  });

  it('throttles failed logins per account (5 in 15 minutes) and per address (20)', async () => {
    const c = new ApiClient(t.app, '10.0.0.2');
    const email = emailOf('school');
    for (let i = 0; i < 5; i++) {
      const r = await c.request('POST', '/api/v1/auth/login', {
        body: { email, password: `fout-wachtwoord-${i}` },
      });
      expect(r.status).toBe(401);
    }
    const blocked = await new ApiClient(t.app, '10.0.0.3').request('POST', '/api/v1/auth/login', {
      body: { email, password: DEMO_PASSWORD },
    });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('TOO_MANY_ATTEMPTS');
    expect(blocked.headers['retry-after']).toBe('900');

    const addr = new ApiClient(t.app, '10.0.0.4');
    for (let i = 0; i < 20; i++) {
      await addr.request('POST', '/api/v1/auth/login', {
        body: { email: `onbekend${i}@schakel.demo`, password: 'fout-wachtwoord' },
      });
    }
    const fromAddr = await addr.request('POST', '/api/v1/auth/login', {
      body: { email: emailOf('woning'), password: DEMO_PASSWORD },
    });
    expect(fromAddr.status).toBe(429);
    const elsewhere = await new ApiClient(t.app, '10.0.0.5').login('woning');
    expect(elsewhere.status).toBe(200);
  });

  it('changes a password only to a strong one, with the current password', async () => {
    const c = await as(t.app, 'verslaving');
    const wrongCurrent = await c.post('/api/v1/auth/password', {
      currentPassword: 'fout',
      newPassword: 'een-heel-sterk-wachtwoord',
    });
    expect(wrongCurrent.status).toBe(400);
    const short = await c.post('/api/v1/auth/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'kort',
    });
    expect(short.status).toBe(422);
    expect(short.body.error).toMatchObject({ code: 'WEAK_PASSWORD', fields: [{ path: 'newPassword' }] });
    const common = await c.post('/api/v1/auth/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'password1234',
    });
    expect(common.status).toBe(422);
    const ok = await c.post('/api/v1/auth/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'Groene-fiets-op-de-dijk-7',
    });
    expect(ok.status).toBe(204);
    expect((await new ApiClient(t.app).login('verslaving', 'Groene-fiets-op-de-dijk-7')).status).toBe(200);
  });

  it('answers /healthz with the version and database kind', async () => {
    const res = await new ApiClient(t.app).get('/healthz');
    expect(res.body).toEqual({ status: 'ok', version: 'test', database: kind });
  });

  it('publishes OpenAPI 3.1 generated from the zod schemas', async () => {
    const res = await new ApiClient(t.app).get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/households', '/api/v1/households/{id}/members', '/api/v1/auth/login']),
    );
    const post = res.body.paths['/api/v1/households'].post;
    expect(post.requestBody.content['application/json'].schema.properties.name.maxLength).toBe(120);
  });
});
