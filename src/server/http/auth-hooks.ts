import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_ABSOLUTE_TIMEOUT_MS } from '../../domain/auth/session-rules.js';
import { DomainError } from '../../domain/shared/errors.js';
import type { Actor, RequestMeta } from '../access/actor.js';
import type { Deps } from '../deps.js';
import { type LoadedSession, type SessionSecondFactor, loadSession } from '../modules/auth/session-store.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
    authSession?: LoadedSession;
  }
}

export const cookieName = (secure: boolean) => (secure ? '__Host-schakel' : 'schakel');

export function setSessionCookie(reply: FastifyReply, deps: Deps, token: string): void {
  reply.setCookie(cookieName(deps.config.secureCookies), token, {
    path: '/',
    httpOnly: true,
    secure: deps.config.secureCookies,
    sameSite: 'lax',
    maxAge: Math.floor(SESSION_ABSOLUTE_TIMEOUT_MS / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply, deps: Deps): void {
  reply.clearCookie(cookieName(deps.config.secureCookies), {
    path: '/',
    secure: deps.config.secureCookies,
    httpOnly: true,
    sameSite: 'lax',
  });
}

export function sessionToken(request: FastifyRequest, deps: Deps): string | undefined {
  return request.cookies[cookieName(deps.config.secureCookies)];
}

export function requestMeta(request: FastifyRequest): RequestMeta {
  return { clientAddress: request.ip ?? null };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Sessions that may use the API at large: no second factor needed, or it has been given. */
const FULL_ACCESS: readonly SessionSecondFactor[] = ['none', 'verified'];

/**
 * preHandler for every authenticated route: a valid session, and a CSRF token on anything that changes state.
 * A session whose second factor is still to be given (`pending`) or set up (`enrol`) gets 403
 * SECOND_FACTOR_REQUIRED / SECOND_FACTOR_ENROLMENT_REQUIRED, except on the routes that pass those states in
 * `allow` (session info, logout, the second-factor and enrolment endpoints).
 */
export function authenticate(deps: Deps, options: { allow?: readonly SessionSecondFactor[] } = {}) {
  const allowed = options.allow ?? FULL_ACCESS;
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const token = sessionToken(request, deps);
    if (!token) throw new DomainError('UNAUTHENTICATED', 'Log in to continue.');
    const found = await loadSession(deps.db.app, token, new Date());
    if (found.state !== 'valid') {
      clearSessionCookie(reply, deps);
      if (found.state === 'expired')
        throw new DomainError('SESSION_EXPIRED', 'Your session has expired. Log in again.');
      throw new DomainError('UNAUTHENTICATED', 'Log in to continue.');
    }
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameToken(sent, found.session.csrfToken)) {
        throw new DomainError(
          'CSRF_INVALID',
          'The security token is missing or wrong. Reload the page and try again.',
        );
      }
    }
    const state = found.session.secondFactor;
    if (!allowed.includes(state)) {
      if (state === 'pending')
        throw new DomainError('SECOND_FACTOR_REQUIRED', 'Enter the code from your authenticator app first.');
      if (state === 'enrol')
        throw new DomainError(
          'SECOND_FACTOR_ENROLMENT_REQUIRED',
          'Set up a second factor (an authenticator app) first.',
        );
      throw new DomainError('CONFLICT', 'This step does not apply to your session.');
    }
    request.authSession = found.session;
    request.actor = found.session.actor;
  };
}

/** preHandler after `authenticate` for the most sensitive routes (the audit trail): a second factor was given. */
export function requireVerifiedSecondFactor(request: FastifyRequest): Promise<void> {
  if (request.authSession?.secondFactor === 'verified') return Promise.resolve();
  return Promise.reject(
    new DomainError(
      'SECOND_FACTOR_REQUIRED',
      'Log in with a second factor (an authenticator app) to see the audit trail.',
    ),
  );
}

export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new DomainError('UNAUTHENTICATED', 'Log in to continue.');
  return request.actor;
}
