import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ErrorBody } from '../../contracts/common.js';
import type { Scope } from '../db/scope.js';
import { runScoped } from '../db/scope.js';
import type { Deps } from '../deps.js';
import { actorOf, authenticate, requestMeta } from './auth-hooks.js';
import { idempotency } from './idempotency.js';

/** The preHandlers every authenticated route uses: session + CSRF, then Idempotency-Key on POST. */
export function authed(deps: Deps) {
  return [authenticate(deps), idempotency(deps)];
}

/** Runs a use case in the actor-scoped transaction of this request. */
export function inScope<T>(
  deps: Deps,
  request: FastifyRequest,
  fn: (scope: Scope) => Promise<T>,
): Promise<T> {
  return runScoped(deps.db.app, actorOf(request), requestMeta(request), fn);
}

/** The error responses every API route documents (the body is always ErrorBody; see http/errors.ts). */
export const errorResponses = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  412: ErrorBody,
  413: ErrorBody,
  415: ErrorBody,
  422: ErrorBody,
  428: ErrorBody,
  429: ErrorBody,
};

/** Responses of a route that answers 204 on success. */
export const noContentResponses = { 204: z.null(), ...errorResponses };
