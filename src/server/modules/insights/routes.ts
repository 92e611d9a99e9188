import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Insights, InsightsQuery } from '../../../contracts/insights.js';
import type { Deps } from '../../deps.js';
import { authed, errorResponses, inScope } from '../../http/route-helpers.js';
import { readInsights } from './read-insights.js';

export function insightsRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/insights',
    {
      preHandler: authed(deps),
      schema: {
        tags: ['insights'],
        summary: 'Aggregated, anonymised figures of the region (small counts suppressed)',
        querystring: InsightsQuery,
        response: { 200: Insights, ...errorResponses },
      },
    },
    (req) => inScope(deps, req, (scope) => readInsights(scope, req.query)),
  );
}
