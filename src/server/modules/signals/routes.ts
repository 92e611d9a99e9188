import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from '../../../contracts/common.js';
import {
  PassedOnDetail,
  PassedOnList,
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
import { requireIfMatch, setEtag } from '../../http/etag.js';
import { authed, inScope, errorResponses } from '../../http/route-helpers.js';
import { acknowledgePassedOn, getPassedOn, listPassedOn } from './passed-on.js';
import { signalSettings } from './settings.js';
import { signalStatus } from './status.js';
import { listOwnSignals, submitProfessionalSignal } from './submit-professional.js';
import { submitPublicSignal } from './submit-public.js';

const errors = errorResponses;

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
  r.get(
    '/api/v1/signals/passed-on',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Signals passed on to your organisation (regular route)',
        response: { 200: PassedOnList, ...errors },
      },
    },
    async (req) => ({ items: await inScope(deps, req, listPassedOn) }),
  );
  r.get(
    '/api/v1/signals/passed-on/:id',
    {
      preHandler,
      schema: {
        tags,
        summary: 'A signal passed on to your organisation',
        params: IdParams,
        response: { 200: PassedOnDetail, ...errors },
      },
    },
    async (req, reply) => {
      const d = await inScope(deps, req, (s) => getPassedOn(s, req.params.id));
      setEtag(reply, d.version);
      return d;
    },
  );
  r.post(
    '/api/v1/signals/passed-on/:id/pick-up',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Acknowledge your organisation picked the signal up (If-Match: the signal version)',
        params: IdParams,
        response: { 200: PassedOnDetail, ...errors },
      },
    },
    async (req, reply) => {
      const version = requireIfMatch(req);
      const d = await inScope(deps, req, (s) => acknowledgePassedOn(s, req.params.id, version));
      setEtag(reply, d.version);
      return d;
    },
  );
}
