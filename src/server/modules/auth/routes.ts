import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ChangePasswordBody, LoginBody, SessionInfo } from '../../../contracts/auth.js';

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
import { loadSession, deleteSession } from './session-store.js';
import { sessionInfo } from './session-info.js';

const errors = errorResponses;

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
      return sessionInfo(loaded.session.actor, result.session.csrfToken, result.session.expiresAt);
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
      preHandler: authenticate(deps),
    },
    (request) => {
      const s = request.authSession!;
      return sessionInfo(s.actor, s.csrfToken, s.expiresAt);
    },
  );

  r.post(
    '/api/v1/auth/logout',
    {
      schema: { tags, summary: 'Log out (ends this session)', response: { 204: z.null(), ...errors } },
      preHandler: authenticate(deps),
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
}
