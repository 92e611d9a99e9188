import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { Health } from '../../../contracts/health.js';
import type { Deps } from '../../deps.js';

export function healthRoutes(app: FastifyInstance, deps: Deps) {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(
      '/healthz',
      { schema: { tags: ['health'], summary: 'Liveness and database kind', response: { 200: Health } } },
      async () => {
        await deps.db.app.execute(sql`select 1`);
        return { status: 'ok' as const, version: deps.version, database: deps.db.kind };
      },
    );
}
