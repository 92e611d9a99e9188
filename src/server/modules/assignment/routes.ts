import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AssignInput, AssignmentView, CaseloadBoard } from '../../../contracts/assignment.js';
import { IdParams } from '../../../contracts/common.js';
import type { Deps } from '../../deps.js';
import { requireIfMatch, setEtag } from '../../http/etag.js';
import { authed, inScope, errorResponses } from '../../http/route-helpers.js';
import { assignCoordinator } from './assign.js';
import { caseloadBoard } from './caseloads.js';
import { assignmentView } from './view.js';

const errors = errorResponses;

export function assignmentRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const preHandler = authed(deps);
  const tags = ['assignment'];
  r.get(
    '/api/v1/assignment/households/:id',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Coordinator candidates for a household',
        params: IdParams,
        response: { 200: AssignmentView, ...errors },
      },
    },
    async (req, reply) => {
      const v = await inScope(deps, req, (s) => assignmentView(s, req.params.id));
      setEtag(reply, v.household.version);
      return v;
    },
  );
  r.post(
    '/api/v1/assignment/households/:id',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Assign or switch the coordinator (If-Match: the household version)',
        params: IdParams,
        body: AssignInput,
        response: { 200: AssignmentView, ...errors },
      },
    },
    async (req, reply) => {
      const version = requireIfMatch(req);
      const v = await inScope(deps, req, (s) => assignCoordinator(s, req.params.id, version, req.body));
      setEtag(reply, v.household.version);
      return v;
    },
  );
  r.get(
    '/api/v1/caseloads',
    {
      preHandler,
      schema: { tags, summary: 'Caseloads against the norm', response: { 200: CaseloadBoard, ...errors } },
    },
    (req) => inScope(deps, req, caseloadBoard),
  );
}
