import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base32Decode, totpAt, totpStep } from '../../../domain/auth/totp.js';
import { recoveryCodes, users } from '../../db/schema/index.js';
import { DEMO_PASSWORD } from '../../seed/directory.js';
import { DEMO_TOTP_SECRET } from '../../seed/second-factor.js';
import { ApiClient, type TestApp, as, createTestApp, emailOf } from '../../testing/api.js';
import { testDbKinds } from '../../testing/databases.js';
import { nextTotpCode } from '../../testing/second-factor.js';

const STRONG = 'Tweede-factor-op-de-fiets-9';

describe.each(testDbKinds())('second factor (TOTP) on %s', (kind) => {
  let t: TestApp;
  let admin: ApiClient;
  let privacy: ApiClient;

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await as(t.app, 'admin');
    privacy = await as(t.app, 'privacy');
  });
  afterAll(async () => {
    await t.close();
  });

  /** Password only, as the browser's first step; keeps the cookie and CSRF token. */
  async function passwordLogin(email: string, password = DEMO_PASSWORD, ip?: string) {
    const c = new ApiClient(t.app, ip);
    const res = await c.request('POST', '/api/v1/auth/login', { body: { email, password } });
    expect(res.status).toBe(200);
    c.csrf = res.body.csrfToken;
    return { c, res };
  }

  /** A fresh step of a secret for an account (the server accepts each step once). */
  const code = (email: string, secret: string) => nextTotpCode(t.database.app, email, secret);

  async function createUser(key: string, roles: string[], organisationName = 'Gemeente Zwolle') {
    const orgs = await admin.get('/api/v1/organisations');
    const org = orgs.body.items.find((o: { name: string }) => o.name === organisationName);
    const email = `${key}-${kind}@schakel.demo`;
    const res = await admin.post('/api/v1/users', {
      organisationId: org.id,
      name: `Test ${key}`,
      email,
      roles,
      password: STRONG,
    });
    expect(res.status).toBe(201);
    return email;
  }

  /** Sets up and confirms TOTP in a session; returns the secret and the recovery codes. */
  async function enrol(c: ApiClient, email: string) {
    const setup = await c.post('/api/v1/auth/totp/setup');
    expect(setup.status).toBe(200);
    const secret: string = setup.body.secret;
    const confirmed = await c.post('/api/v1/auth/totp/confirm', { code: await code(email, secret) });
    expect(confirmed.status).toBe(200);
    c.csrf = confirmed.body.session.csrfToken;
    return { secret, recoveryCodes: confirmed.body.recoveryCodes as string[], confirmed };
  }

  const storedRecoveryCodes = (email: string) =>
    t.database.app
      .select({ codeHash: recoveryCodes.codeHash })
      .from(recoveryCodes)
      .innerJoin(users, eq(users.id, recoveryCodes.userId))
      .where(eq(users.email, email));

  async function auditOf(userId: string) {
    const res = await privacy.get(`/api/v1/audit?userId=${userId}&limit=200`);
    expect(res.status).toBe(200);
    return res.body.items as { objectType: string; action: string; outcome: string; basis: string }[];
  }

  it('asks the privacy officer for a code after the password, and refuses everything else until then', async () => {
    const { c, res } = await passwordLogin(emailOf('privacy'));
    expect(res.body.secondFactor).toBe('required');
    expect(res.body.user.totpEnabled).toBe(true);
    expect(res.body.user.secondFactorRequired).toBe(true);

    const households = await c.get('/api/v1/households');
    expect(households.status).toBe(403);
    expect(households.body.error.code).toBe('SECOND_FACTOR_REQUIRED');
    const auditLog = await c.get('/api/v1/audit');
    expect(auditLog.status).toBe(403);
    expect(auditLog.body.error.code).toBe('SECOND_FACTOR_REQUIRED');
    expect((await c.get('/api/v1/audit/verify')).body.error.code).toBe('SECOND_FACTOR_REQUIRED');
    // A session waiting for its code may not replace the secret either.
    const setup = await c.post('/api/v1/auth/totp/setup');
    expect(setup.status).toBe(403);
    expect(setup.body.error.code).toBe('SECOND_FACTOR_REQUIRED');
    expect((await c.get('/api/v1/auth/totp')).status).toBe(403);

    const session = await c.get('/api/v1/auth/session');
    expect(session.status).toBe(200);
    expect(session.body.secondFactor).toBe('required');

    const wrong = await c.post('/api/v1/auth/second-factor', { code: '000000' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('INVALID_SECOND_FACTOR');
    const malformed = await c.post('/api/v1/auth/second-factor', { code: '12345a' });
    expect(malformed.status).toBe(401);

    const pendingCookie = c.cookie;
    const ok = await c.post('/api/v1/auth/second-factor', {
      code: await code(emailOf('privacy'), DEMO_TOTP_SECRET),
    });
    expect(ok.status).toBe(200);
    expect(ok.body.secondFactor).toBe('verified');
    c.csrf = ok.body.csrfToken;
    // A new session id after the second factor; the waiting one is gone.
    expect(c.cookie).not.toBe(pendingCookie);
    const old = new ApiClient(t.app);
    old.cookie = pendingCookie;
    expect((await old.get('/api/v1/auth/session')).status).toBe(401);

    expect((await c.get('/api/v1/audit')).status).toBe(200);
    expect((await c.get('/api/v1/audit/verify')).status).toBe(200);
    // Once verified, the endpoint has nothing left to do.
    expect((await c.post('/api/v1/auth/second-factor', { code: '123456' })).status).toBe(409);
  });

  it('accepts a code once: the same code is refused at the next login, a later step works', async () => {
    const email = emailOf('admin');
    const first = await passwordLogin(email);
    const used = await code(email, DEMO_TOTP_SECRET);
    expect((await first.c.post('/api/v1/auth/second-factor', { code: used })).status).toBe(200);
    const [row] = await t.database.app
      .select({ step: users.totpLastStep })
      .from(users)
      .where(eq(users.email, email));
    const step = row!.step!;
    expect(totpAt(DEMO_TOTP_SECRET, step)).toBe(used);
    expect(Math.abs(step - totpStep(new Date()))).toBeLessThanOrEqual(1);

    const second = await passwordLogin(email);
    const replay = await second.c.post('/api/v1/auth/second-factor', { code: used });
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('INVALID_SECOND_FACTOR');
    // An earlier step than the one used is refused too, even inside the ±1 window.
    const earlier = await second.c.post('/api/v1/auth/second-factor', {
      code: totpAt(DEMO_TOTP_SECRET, step - 1),
    });
    expect(earlier.status).toBe(401);
    const later = await second.c.post('/api/v1/auth/second-factor', {
      code: await code(email, DEMO_TOTP_SECRET),
    });
    expect(later.status).toBe(200);

    const failed = (await auditOf((await admin.get('/api/v1/auth/session')).body.user.id)).filter(
      (e) => e.objectType === 'second_factor' && e.action === 'login' && e.outcome === 'failed',
    );
    expect(failed.length).toBeGreaterThanOrEqual(2);
    expect(failed.every((e) => e.basis === 'authentication')).toBe(true);
  });

  it('lets any user switch TOTP on, shows ten recovery codes once, and each works once', async () => {
    const email = emailOf('coord1');
    const { c, res } = await passwordLogin(email);
    expect(res.body.secondFactor).toBe('none');
    expect(res.body.user.secondFactorRequired).toBe(false);
    expect((await c.get('/api/v1/auth/totp')).body).toEqual({
      enabled: false,
      enabledAt: null,
      required: false,
      recoveryCodesLeft: 0,
    });

    const setup = await c.post('/api/v1/auth/totp/setup');
    expect(setup.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(setup.body.secret)).toHaveLength(20);
    expect(setup.body.otpauthUri).toBe(
      `otpauth://totp/Schakel:${encodeURIComponent(email)}?secret=${setup.body.secret}` +
        '&issuer=Schakel&algorithm=SHA1&digits=6&period=30',
    );
    const wrongConfirm = await c.post('/api/v1/auth/totp/confirm', { code: '000000' });
    expect(wrongConfirm.status).toBe(401);
    expect((await c.get('/api/v1/auth/totp')).body.enabled).toBe(false);

    const confirmed = await c.post('/api/v1/auth/totp/confirm', {
      code: await code(email, setup.body.secret),
    });
    expect(confirmed.status).toBe(200);
    const codes: string[] = confirmed.body.recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const rc of codes) expect(rc).toMatch(/^[a-km-z2-9]{4}-[a-km-z2-9]{4}$/);
    expect(confirmed.body.session.secondFactor).toBe('verified');
    expect(confirmed.body.session.user.totpEnabled).toBe(true);
    c.csrf = confirmed.body.session.csrfToken;
    // Only hashes are stored, and the secret is never shown again.
    const stored = await storedRecoveryCodes(email);
    expect(stored).toHaveLength(10);
    for (const row of stored) expect(codes.map((x) => x.replace('-', ''))).not.toContain(row.codeHash);
    const status = await c.get('/api/v1/auth/totp');
    expect(status.body).toMatchObject({ enabled: true, required: false, recoveryCodesLeft: 10 });
    expect(JSON.stringify(status.body)).not.toContain(setup.body.secret);
    expect((await c.post('/api/v1/auth/totp/setup')).status).toBe(409);

    // Next login: a code is asked; a recovery code (typed in capitals with spaces) works once.
    const next = await passwordLogin(email);
    expect(next.res.body.secondFactor).toBe('required');
    const recovery = await next.c.post('/api/v1/auth/second-factor', {
      recoveryCode: ` ${codes[3]!.toUpperCase()} `,
    });
    expect(recovery.status).toBe(200);
    expect(recovery.body.secondFactor).toBe('verified');
    const again = await passwordLogin(email);
    const reused = await again.c.post('/api/v1/auth/second-factor', { recoveryCode: codes[3] });
    expect(reused.status).toBe(401);
    expect(reused.body.error.code).toBe('INVALID_SECOND_FACTOR');
    expect((await again.c.post('/api/v1/auth/second-factor', { recoveryCode: codes[4] })).status).toBe(200);
    next.c.csrf = recovery.body.csrfToken;
    expect((await next.c.get('/api/v1/auth/totp')).body.recoveryCodesLeft).toBe(8);

    // New recovery codes need a current code; the old ones stop working.
    expect((await next.c.post('/api/v1/auth/totp/recovery-codes', { code: '000000' })).status).toBe(401);
    const fresh = await next.c.post('/api/v1/auth/totp/recovery-codes', {
      code: await code(email, setup.body.secret),
    });
    expect(fresh.status).toBe(200);
    expect(fresh.body.recoveryCodes).toHaveLength(10);
    const afterRegen = await passwordLogin(email);
    expect((await afterRegen.c.post('/api/v1/auth/second-factor', { recoveryCode: codes[5] })).status).toBe(
      401,
    );
    expect(
      (await afterRegen.c.post('/api/v1/auth/second-factor', { recoveryCode: fresh.body.recoveryCodes[0] }))
        .status,
    ).toBe(200);

    // Switching it off needs a current code; afterwards the login asks no code. (The wrong codes so far count
    // towards the throttle, proven in its own test; start this part with a clean window.)
    await t.database.app.execute(sql`delete from login_attempts where email = ${email}`);
    expect((await next.c.post('/api/v1/auth/totp/disable', { code: '000000' })).status).toBe(401);
    const off = await next.c.post('/api/v1/auth/totp/disable', {
      code: await code(email, setup.body.secret),
    });
    expect(off.status).toBe(204);
    expect((await passwordLogin(email)).res.body.secondFactor).toBe('none');
    expect(await storedRecoveryCodes(email)).toHaveLength(0);

    const events = await auditOf(res.body.user.id);
    const kinds = events.map((e) => `${e.objectType}:${e.action}:${e.outcome}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'second_factor:create:success',
        'recovery_codes:create:success',
        'recovery_code:login:success',
        'second_factor:login:failed',
        'second_factor:remove:success',
      ]),
    );
    const ours = events.filter(
      (e) => e.objectType === 'second_factor' || e.objectType.startsWith('recovery_'),
    );
    expect(ours.length).toBeGreaterThanOrEqual(5);
    for (const e of ours) expect(e.basis).toBe('authentication');
  });

  it.each([
    ['administrator', 'beheer2'],
    ['privacy_officer', 'privacy2'],
  ])('makes a new %s set up a second factor before anything else', async (role, key) => {
    const email = await createUser(key, [role]);
    const { c, res } = await passwordLogin(email, STRONG);
    expect(res.body.secondFactor).toBe('enrol');
    expect(res.body.user.totpEnabled).toBe(false);
    expect(res.body.user.secondFactorRequired).toBe(true);
    const blocked = await c.get('/api/v1/households');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('SECOND_FACTOR_ENROLMENT_REQUIRED');
    expect((await c.get('/api/v1/audit')).body.error.code).toBe('SECOND_FACTOR_ENROLMENT_REQUIRED');
    const notYet = await c.post('/api/v1/auth/second-factor', { code: '123456' });
    expect(notYet.status).toBe(403);
    expect(notYet.body.error.code).toBe('SECOND_FACTOR_ENROLMENT_REQUIRED');

    const { secret, recoveryCodes } = await enrol(c, email);
    expect(recoveryCodes).toHaveLength(10);
    expect((await c.get('/api/v1/households')).status).toBe(200);
    if (role === 'privacy_officer') expect((await c.get('/api/v1/audit')).status).toBe(200);

    // Required for this role: switching it off is refused, also with a correct code.
    const off = await c.post('/api/v1/auth/totp/disable', { code: await code(email, secret) });
    expect(off.status).toBe(422);
    expect(off.body.error.code).toBe('RULE_VIOLATION');
    expect((await c.get('/api/v1/auth/totp')).body).toMatchObject({ enabled: true, required: true });

    // The secret is never part of a user or organisation answer.
    const answers = [
      await admin.get('/api/v1/users'),
      await admin.get('/api/v1/organisations'),
      await c.get('/api/v1/auth/session'),
    ];
    for (const a of answers) {
      expect(JSON.stringify(a.body)).not.toContain(secret);
      expect(JSON.stringify(a.body)).not.toMatch(/totpSecret|totp_secret/);
    }
    expect(JSON.stringify((await admin.get('/api/v1/users')).body)).not.toContain(DEMO_TOTP_SECRET);
  });

  it('lets an administrator require a second factor for an organisation: its users enrol at their next request', async () => {
    const jeugd = await as(t.app, 'jeugd');
    expect((await jeugd.get('/api/v1/households')).status).toBe(200);
    const orgs = await admin.get('/api/v1/organisations');
    const org = orgs.body.items.find((o: { name: string }) => o.name === 'Jeugdhulp IJsselland');
    expect(org.requireSecondFactor).toBe(false);

    const coordinator = await as(t.app, 'coord2');
    const notAdmin = await coordinator.patch(
      `/api/v1/organisations/${org.id}`,
      { requireSecondFactor: true },
      org.version,
    );
    expect(notAdmin.status).toBe(403);
    const patched = await admin.patch(
      `/api/v1/organisations/${org.id}`,
      { requireSecondFactor: true },
      org.version,
    );
    expect(patched.status).toBe(200);
    expect(patched.body.requireSecondFactor).toBe(true);

    // The existing session: at its very next request.
    const next = await jeugd.get('/api/v1/households');
    expect(next.status).toBe(403);
    expect(next.body.error.code).toBe('SECOND_FACTOR_ENROLMENT_REQUIRED');
    expect((await jeugd.get('/api/v1/auth/session')).body.secondFactor).toBe('enrol');
    // A new login of a colleague, too; other organisations are not affected.
    const manager = await passwordLogin(emailOf('jeugdmgr'));
    expect(manager.res.body.secondFactor).toBe('enrol');
    expect((await passwordLogin(emailOf('ggz'))).res.body.secondFactor).toBe('none');

    const { secret } = await enrol(jeugd, emailOf('jeugd'));
    expect((await jeugd.get('/api/v1/households')).status).toBe(200);
    const off = await jeugd.post('/api/v1/auth/totp/disable', { code: await code(emailOf('jeugd'), secret) });
    expect(off.status).toBe(422);

    // Back to optional: the user may switch it off again.
    const current = (await admin.get(`/api/v1/organisations/${org.id}`)).body;
    expect(
      (await admin.patch(`/api/v1/organisations/${org.id}`, { requireSecondFactor: false }, current.version))
        .status,
    ).toBe(200);
    const again = await passwordLogin(emailOf('jeugd'));
    expect(again.res.body.secondFactor).toBe('required');
    const verified = await again.c.post('/api/v1/auth/second-factor', {
      code: await code(emailOf('jeugd'), secret),
    });
    again.c.csrf = verified.body.csrfToken;
    expect(
      (await again.c.post('/api/v1/auth/totp/disable', { code: await code(emailOf('jeugd'), secret) }))
        .status,
    ).toBe(204);
  });

  it('throttles wrong codes together with the password attempts', async () => {
    const email = emailOf('privacy');
    await t.database.app.execute(sql`delete from login_attempts where email = ${email}`);
    const { c } = await passwordLogin(email, DEMO_PASSWORD, '10.9.0.1');
    for (let i = 0; i < 5; i++) {
      expect((await c.post('/api/v1/auth/second-factor', { code: `00000${i}` })).status).toBe(401);
    }
    const blocked = await c.post('/api/v1/auth/second-factor', { code: await code(email, DEMO_TOTP_SECRET) });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('TOO_MANY_ATTEMPTS');
    // The password step of the same account is blocked as well.
    const login = await new ApiClient(t.app, '10.9.0.2').request('POST', '/api/v1/auth/login', {
      body: { email, password: DEMO_PASSWORD },
    });
    expect(login.status).toBe(429);
    await t.database.app.execute(sql`delete from login_attempts where email = ${email}`);
  });

  it('documents the endpoints in OpenAPI', async () => {
    const res = await new ApiClient(t.app).get('/api/v1/openapi.json');
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/second-factor',
        '/api/v1/auth/totp',
        '/api/v1/auth/totp/setup',
        '/api/v1/auth/totp/confirm',
        '/api/v1/auth/totp/recovery-codes',
        '/api/v1/auth/totp/disable',
      ]),
    );
  });
});
