import type { FastifyRequest } from 'fastify';
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
