import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from '../../../contracts/common.js';
import { TimelinePage, TimelineQuery } from '../../../contracts/timeline.js';
import type { Deps } from '../../deps.js';
import { authed, inScope, errorResponses } from '../../http/route-helpers.js';
import { readTimeline } from './read-timeline.js';

const errors = errorResponses;

export function timelineRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/households/:id/timeline',
    {
      preHandler: authed(deps),
      schema: {
        tags: ['timeline'],
        summary:
          'The household timeline: everything that happened, newest first, filterable by kind and member',
        params: IdParams,
        querystring: TimelineQuery,
        response: { 200: TimelinePage, ...errors },
      },
    },
    async (req) => inScope(deps, req, (s) => readTimeline(s, req.params.id, req.query)),
  );
}
