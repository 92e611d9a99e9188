import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Id, IdParams } from '../../../contracts/common.js';
import { MeldcodeCase, MeldcodeList, MeldcodeStepInput } from '../../../contracts/meldcode.js';
import type { Deps } from '../../deps.js';
import { requireIfMatch, setEtag } from '../../http/etag.js';
import { authed, inScope, errorResponses } from '../../http/route-helpers.js';
import { listMeldcode, openMeldcode, recordStep } from './meldcode.js';

const errors = errorResponses;

export function meldcodeRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const preHandler = authed(deps);
  const tags = ['meldcode'];
  const base = '/api/v1/households/:id/meldcode';
  r.get(
    base,
    {
      preHandler,
      schema: {
        tags,
        summary: 'Meldcode paths of the household (coordinator)',
        params: IdParams,
        response: { 200: MeldcodeList, ...errors },
      },
    },
    async (req) => ({
      items: await inScope(deps, req, (s) => listMeldcode(s, req.params.id)),
    }),
  );
  r.post(
    base,
    {
      preHandler,
      schema: {
        tags,
        summary: 'Start a meldcode path',
        params: IdParams,
        response: { 201: MeldcodeCase, ...errors },
      },
    },
    async (req, reply) => {
      const c = await inScope(deps, req, (s) => openMeldcode(s, req.params.id));
      setEtag(reply, c.version);
      return reply.status(201).send(c);
    },
  );
  r.post(
    `${base}/:caseId/steps`,
    {
      preHandler,
      schema: {
        tags,
        summary: 'Record a step (If-Match: the path version)',
        params: z.strictObject({ id: Id, caseId: Id }),
        body: MeldcodeStepInput,
        response: { 201: MeldcodeCase, ...errors },
      },
    },
    async (req, reply) => {
      const version = requireIfMatch(req);
      const c = await inScope(deps, req, (s) =>
        recordStep(s, req.params.id, req.params.caseId, version, req.body),
      );
      setEtag(reply, c.version);
      return reply.status(201).send(c);
    },
  );
}
