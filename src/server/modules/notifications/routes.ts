import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../contracts/common.js';
import { NotificationList, UnreadCount } from '../../../contracts/notifications.js';
import type { Deps } from '../../deps.js';
import { authed, inScope, errorResponses } from '../../http/route-helpers.js';
import { listInbox, markAllRead, markRead, unreadCount } from './inbox.js';

const errors = errorResponses;

export function notificationRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const preHandler = authed(deps);
  const tags = ['notifications'];
  const base = '/api/v1/notifications';
  r.get(
    base,
    {
      preHandler,
      schema: {
        tags,
        summary: 'Your notifications (latest 50)',
        response: { 200: NotificationList, ...errors },
      },
    },
    (req) => inScope(deps, req, listInbox),
  );
  r.get(
    `${base}/unread-count`,
    {
      preHandler,
      schema: {
        tags,
        summary: 'How many unread notifications you have',
        response: { 200: UnreadCount, ...errors },
      },
    },
    async (req) => ({
      unread: await inScope(deps, req, unreadCount),
    }),
  );
  r.post(
    `${base}/:id/read`,
    {
      preHandler,
      schema: { tags, summary: 'Mark one as read', params: IdParams, response: { 204: z.null(), ...errors } },
    },
    async (req, reply) => {
      await inScope(deps, req, (s) => markRead(s, req.params.id));
      return reply.status(204).send(null);
    },
  );
  r.post(
    `${base}/read-all`,
    { preHandler, schema: { tags, summary: 'Mark all as read', response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      await inScope(deps, req, markAllRead);
      return reply.status(204).send(null);
    },
  );
}
