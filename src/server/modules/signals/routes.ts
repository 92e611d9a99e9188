import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody } from '../../../contracts/common.js';
import {
  ProfessionalSignalInput,
  PublicSignalInput,
  PublicSignalReceipt,
  PublicSignalStatus,
  SignalList,
  SignalStatusQuery,
  SignalSummary,
} from '../../../contracts/signals.js';
import type { Deps } from '../../deps.js';
import { requestMeta } from '../../http/auth-hooks.js';
import { authed, inScope } from '../../http/route-helpers.js';
import { signalSettings } from './settings.js';
import { signalStatus } from './status.js';
import { listOwnSignals, submitProfessionalSignal } from './submit-professional.js';
import { submitPublicSignal } from './submit-public.js';

const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  413: ErrorBody,
  415: ErrorBody,
  422: ErrorBody,
  429: ErrorBody,
};

/** The public form's requests are small; anything larger is refused before parsing (413). */
export const PUBLIC_BODY_LIMIT = 16 * 1024;

export function signalRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const settings = signalSettings();
  const tags = ['signals'];

  r.post(
    '/api/v1/public/signals',
    {
      bodyLimit: PUBLIC_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Report a concern without an account (rate limited per address)',
        body: PublicSignalInput,
        response: { 201: PublicSignalReceipt, ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await submitPublicSignal(deps.db.app, req.body, requestMeta(req), settings)),
  );
  r.get(
    '/api/v1/public/signals/status',
    {
      schema: {
        tags,
        summary: 'The status of a report, by its reference code',
        querystring: SignalStatusQuery,
        response: { 200: PublicSignalStatus, ...errors },
      },
    },
    (req) => signalStatus(deps.db.app, req.query.code),
  );

  const preHandler = authed(deps);
  r.post(
    '/api/v1/signals',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Pass a signal on (professional)',
        body: ProfessionalSignalInput,
        response: { 201: SignalSummary, ...errors },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await inScope(deps, req, (s) => submitProfessionalSignal(s, req.body, settings))),
  );
  r.get(
    '/api/v1/signals/mine',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Signals you passed on, with their status',
        response: { 200: SignalList, ...errors },
      },
    },
    async (req) => ({
      items: await inScope(deps, req, listOwnSignals),
    }),
  );
}
