import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  Handover,
  HandoverComplete,
  HandoverCreate,
  HandoverList,
  HandoverParams,
  HandoverPatch,
} from '../../../contracts/chain.js';
import { IdParams } from '../../../contracts/common.js';
import type { Deps } from '../../deps.js';
import { requireIfMatch, setEtag } from '../../http/etag.js';
import { authed, inScope, errorResponses } from '../../http/route-helpers.js';
import { completeHandover, listHandovers, planHandover, updateHandover } from './handovers.js';

const errors = errorResponses;

export function handoverRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const preHandler = authed(deps);
  const tags = ['handover'];
  const base = '/api/v1/households/:id/handovers';
  r.get(
    base,
    { preHandler, schema: { tags, params: IdParams, response: { 200: HandoverList, ...errors } } },
    async (req) => ({
      items: await inScope(deps, req, (s) => listHandovers(s, req.params.id)),
    }),
  );
  r.post(
    base,
    {
      preHandler,
      schema: {
        tags,
        summary: 'Plan a warm handover',
        params: IdParams,
        body: HandoverCreate,
        response: { 201: Handover, ...errors },
      },
    },
    async (req, reply) => {
      const h = await inScope(deps, req, (s) => planHandover(s, req.params.id, req.body));
      setEtag(reply, h.version);
      return reply.status(201).send(h);
    },
  );
  r.patch(
    `${base}/:handoverId`,
    {
      preHandler,
      schema: {
        tags,
        summary: 'Joint meeting and handover letter',
        params: HandoverParams,
        body: HandoverPatch,
        response: { 200: Handover, ...errors },
      },
    },
    async (req, reply) => {
      const version = requireIfMatch(req);
      const h = await inScope(deps, req, (s) =>
        updateHandover(s, req.params.id, req.params.handoverId, version, req.body),
      );
      setEtag(reply, h.version);
      return h;
    },
  );
  r.post(
    `${base}/:handoverId/complete`,
    {
      preHandler,
      schema: {
        tags,
        summary: 'End the sending involvement (If-Match required)',
        params: HandoverParams,
        body: HandoverComplete,
        response: { 200: Handover, ...errors },
      },
    },
    async (req, reply) => {
      const version = requireIfMatch(req);
      const h = await inScope(deps, req, (s) =>
        completeHandover(s, req.params.id, req.params.handoverId, version, req.body),
      );
      setEtag(reply, h.version);
      return h;
    },
  );
}
