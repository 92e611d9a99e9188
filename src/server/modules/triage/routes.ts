import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from '../../../contracts/common.js';
import {
  SignalDetail,
  SignalList,
  SignalQueueQuery,
  TriageDecisionInput,
  TriageDecisionResult,
} from '../../../contracts/signals.js';
import type { Deps } from '../../deps.js';
import { requireIfMatch, setEtag } from '../../http/etag.js';
import { authed, inScope, errorResponses } from '../../http/route-helpers.js';
import { decideSignal } from './decide.js';
import { triageQueue } from './queue.js';
import { getSignalForTriage } from './signal-detail.js';

const errors = errorResponses;

export function triageRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const preHandler = authed(deps);
  const tags = ['triage'];
  r.get(
    '/api/v1/triage/signals',
    {
      preHandler,
      schema: {
        tags,
        summary: 'The triage queue of your region',
        querystring: SignalQueueQuery,
        response: { 200: SignalList, ...errors },
      },
    },
    async (req) => ({
      items: await inScope(deps, req, (s) => triageQueue(s, req.query.state)),
    }),
  );
  r.get(
    '/api/v1/triage/signals/:id',
    {
      preHandler,
      schema: {
        tags,
        summary: 'A signal with candidate matches',
        params: IdParams,
        response: { 200: SignalDetail, ...errors },
      },
    },
    async (req, reply) => {
      const d = await inScope(deps, req, (s) => getSignalForTriage(s, req.params.id));
      setEtag(reply, d.version);
      return d;
    },
  );
  r.post(
    '/api/v1/triage/signals/:id/decision',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Decide a signal (If-Match: the signal version)',
        params: IdParams,
        body: TriageDecisionInput,
        response: { 200: TriageDecisionResult, ...errors },
      },
    },
    async (req, reply) => {
      const version = requireIfMatch(req);
      const result = await inScope(deps, req, (s) => decideSignal(s, req.params.id, version, req.body));
      setEtag(reply, result.signal.version);
      return result;
    },
  );
}
