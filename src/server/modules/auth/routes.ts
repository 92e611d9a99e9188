import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ChangePasswordBody,
  LoginBody,
  RecoveryCodes,
  SecondFactorBody,
  SecondFactorStatus,
  SessionInfo,
  TotpCodeBody,
  TotpConfirmed,
  TotpSetup,
} from '../../../contracts/auth.js';

import { runScoped } from '../../db/scope.js';
import type { Deps } from '../../deps.js';
import { errorResponses } from '../../http/route-helpers.js';
import {
  actorOf,
  authenticate,
  clearSessionCookie,
  requestMeta,
  sessionToken,
  setSessionCookie,
} from '../../http/auth-hooks.js';
import { appendAudit } from '../../audit/writer.js';
import { changePassword } from './change-password.js';
import { login } from './login.js';
import {
  completeSecondFactor,
  confirmTotp,
  disableTotp,
  regenerateRecoveryCodes,
  secondFactorStatus,
  setupTotp,
} from './second-factor.js';
import { type SessionSecondFactor, loadSession, deleteSession } from './session-store.js';
import { sessionInfo } from './session-info.js';

const errors = errorResponses;

/** Session info, logout: in every state. */
const ANY_STATE: readonly SessionSecondFactor[] = ['none', 'pending', 'enrol', 'verified'];
/** Setting up TOTP: when enrolment is required, or voluntarily from a full session; never while a code is due. */
const MAY_ENROL: readonly SessionSecondFactor[] = ['none', 'enrol', 'verified'];

export function authRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];

  r.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags,
        summary: 'Log in with e-mail and password',
        body: LoginBody,
        response: { 200: SessionInfo, ...errors },
      },
      config: { rateLimit: false },
    },
    async (request, reply) => {
      const result = await login(
        deps.db.app,
        request.body,
        requestMeta(request),
        sessionToken(request, deps),
      );
      setSessionCookie(reply, deps, result.session.token);
      const loaded = await loadSession(deps.db.app, result.session.token, new Date());
      if (loaded.state !== 'valid') throw new Error('session vanished right after login');
      return sessionInfo(loaded.session);
    },
  );

  r.get(
    '/api/v1/auth/session',
    {
      schema: {
        tags,
        summary: 'The current session, its user and their permissions',
        response: { 200: SessionInfo, ...errors },
      },
      preHandler: authenticate(deps, { allow: ANY_STATE }),
    },
    (request) => sessionInfo(request.authSession!),
  );

  r.post(
    '/api/v1/auth/logout',
    {
      schema: { tags, summary: 'Log out (ends this session)', response: { 204: z.null(), ...errors } },
      preHandler: authenticate(deps, { allow: ANY_STATE }),
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const token = sessionToken(request, deps);
      await deps.db.app.transaction(async (tx) => {
        if (token) await deleteSession(tx, token);
        await appendAudit(
          tx,
          {
            regionId: actor.regionId,
            userId: actor.userId,
            organisationId: actor.organisationId,
            clientAddress: request.ip,
            at: new Date(),
          },
          [{ objectType: 'session', action: 'logout', basis: 'authentication' }],
        );
      });
      clearSessionCookie(reply, deps);
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/v1/auth/password',
    {
      schema: {
        tags,
        summary: 'Change your own password',
        body: ChangePasswordBody,
        response: { 204: z.null(), ...errors },
      },
      preHandler: authenticate(deps),
    },
    async (request, reply) => {
      await runScoped(deps.db.app, actorOf(request), requestMeta(request), (scope) =>
        changePassword(scope, request.body, request.authSession!.id),
      );
      return reply.status(204).send(null);
    },
  );

  /** Sets the cookie of a rotated session and answers its session info. */
  async function rotated(reply: FastifyReply, token: string) {
    setSessionCookie(reply, deps, token);
    const loaded = await loadSession(deps.db.app, token, new Date());
    if (loaded.state !== 'valid') throw new Error('session vanished right after the second factor');
    return sessionInfo(loaded.session);
  }

  r.post(
    '/api/v1/auth/second-factor',
    {
      schema: {
        tags,
        summary: 'Complete the login with a code from the authenticator app, or a one-time recovery code',
        description:
          'Only while the session waits for the second factor. Throttled with the password attempts; a wrong or ' +
          'reused code is 401 INVALID_SECOND_FACTOR. The session gets a new id.',
        body: SecondFactorBody,
        response: { 200: SessionInfo, ...errors },
      },
      preHandler: authenticate(deps, { allow: ['pending'] }),
    },
    async (request, reply) => {
      const session = await completeSecondFactor(
        deps.db.app,
        request.authSession!,
        request.body,
        requestMeta(request),
      );
      return rotated(reply, session.token);
    },
  );

  r.get(
    '/api/v1/auth/totp',
    {
      schema: {
        tags,
        summary: 'Whether your second factor is on, required, and how many recovery codes are left',
        response: { 200: SecondFactorStatus, ...errors },
      },
      preHandler: authenticate(deps),
    },
    (request) => secondFactorStatus(deps.db.app, request.authSession!),
  );

  r.post(
    '/api/v1/auth/totp/setup',
    {
      schema: {
        tags,
        summary: 'Start setting up a second factor: a new secret and its otpauth:// URI, shown this once',
        response: { 200: TotpSetup, ...errors },
      },
      preHandler: authenticate(deps, { allow: MAY_ENROL }),
    },
    (request) => setupTotp(deps.db.app, request.authSession!),
  );

  r.post(
    '/api/v1/auth/totp/confirm',
    {
      schema: {
        tags,
        summary:
          'Confirm the new secret with a code: the second factor is on, and ten recovery codes are shown once',
        body: TotpCodeBody,
        response: { 200: TotpConfirmed, ...errors },
      },
      preHandler: authenticate(deps, { allow: MAY_ENROL }),
    },
    async (request, reply) => {
      const result = await confirmTotp(deps.db.app, request.authSession!, request.body, requestMeta(request));
      return { recoveryCodes: result.recoveryCodes, session: await rotated(reply, result.session.token) };
    },
  );

  r.post(
    '/api/v1/auth/totp/recovery-codes',
    {
      schema: {
        tags,
        summary: 'New recovery codes (the old ones stop working), with a current code',
        body: TotpCodeBody,
        response: { 200: RecoveryCodes, ...errors },
      },
      preHandler: authenticate(deps),
    },
    (request) =>
      regenerateRecoveryCodes(deps.db.app, request.authSession!, request.body, requestMeta(request)),
  );

  r.post(
    '/api/v1/auth/totp/disable',
    {
      schema: {
        tags,
        summary: 'Switch the second factor off, with a current code (refused when it is required for you)',
        body: TotpCodeBody,
        response: { 204: z.null(), ...errors },
      },
      preHandler: authenticate(deps),
    },
    async (request, reply) => {
      await disableTotp(deps.db.app, request.authSession!, request.body, requestMeta(request));
      return reply.status(204).send(null);
    },
  );
}
