import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../contracts/common.js';
import {
  NotificationList,
  NotificationPreferences,
  NotificationPreferencesPatch,
  UnreadCount,
} from '../../../contracts/notifications.js';
import type { Deps } from '../../deps.js';
import { requireIfMatch, setEtag } from '../../http/etag.js';
import { authed, inScope, errorResponses } from '../../http/route-helpers.js';
import { listInbox, markAllRead, markRead, unreadCount } from './inbox.js';
import { getPreferences, updatePreferences } from './preferences.js';

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
  r.get(
    `${base}/preferences`,
    {
      preHandler,
      schema: {
        tags,
        summary: 'Your e-mail choice for notifications (off, immediate, daily_digest)',
        response: { 200: NotificationPreferences, ...errors },
      },
    },
    async (req, reply) => {
      const prefs = await inScope(deps, req, getPreferences);
      setEtag(reply, prefs.version);
      return prefs;
    },
  );
  r.patch(
    `${base}/preferences`,
    {
      preHandler,
      schema: {
        tags,
        summary: 'Change your e-mail choice for notifications (If-Match; "0" before the first save)',
        body: NotificationPreferencesPatch,
        response: { 200: NotificationPreferences, ...errors },
      },
    },
    async (req, reply) => {
      const version = requireIfMatch(req);
      const prefs = await inScope(deps, req, (s) => updatePreferences(s, version, req.body));
      setEtag(reply, prefs.version);
      return prefs;
    },
  );
}
