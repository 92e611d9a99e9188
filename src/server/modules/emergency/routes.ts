import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from '../../../contracts/common.js';
import {
  EmergencyAccess,
  EmergencyAccessList,
  EmergencyRequest,
  EmergencyReviewInput,
  EmergencyReviewItem,
  EmergencyReviewList,
  EmergencyReviewQuery,
  EmergencyStarted,
} from '../../../contracts/emergency.js';
import type { Deps } from '../../deps.js';
import { requireVerifiedSecondFactor } from '../../http/auth-hooks.js';
import { requireIfMatch, setEtag } from '../../http/etag.js';
import { authed, errorResponses, inScope } from '../../http/route-helpers.js';
import { endEmergency, myEmergencies, startEmergency } from './emergency.js';
import { listForReview, reviewEmergency } from './review.js';

const errors = errorResponses;

export function emergencyRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const preHandler = authed(deps);
  /** The review shows audit-trail data: like the audit trail, only after a second factor. */
  const privacy = [...preHandler, requireVerifiedSecondFactor];
  const tags = ['emergency'];
  r.post(
    '/api/v1/emergency-access',
    {
      preHandler,
      schema: {
        tags,
        summary:
          'Emergency access (noodknop): open a household at an address in your region for a stated reason, read-only, for 4 hours',
        body: EmergencyRequest,
        response: { 200: EmergencyStarted, 201: EmergencyStarted, ...errors },
      },
    },
    async (req, reply) => {
      const { started, created } = await inScope(deps, req, (s) => startEmergency(s, req.body));
      setEtag(reply, started.version);
      return reply.status(created ? 201 : 200).send(started);
    },
  );
  r.get(
    '/api/v1/emergency-access/mine',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Your own emergency accesses, active and past',
        response: { 200: EmergencyAccessList, ...errors },
      },
    },
    async (req) => ({ items: await inScope(deps, req, myEmergencies) }),
  );
  r.post(
    '/api/v1/emergency-access/:id/end',
    {
      preHandler,
      schema: {
        tags,
        summary: 'End an active emergency access early (its user, or the privacy officer)',
        params: IdParams,
        response: { 200: EmergencyAccess, ...errors },
      },
    },
    async (req, reply) => {
      const ended = await inScope(deps, req, (s) => endEmergency(s, req.params.id));
      setEtag(reply, ended.version);
      return ended;
    },
  );
  r.get(
    '/api/v1/privacy/emergency-accesses',
    {
      preHandler: privacy,
      schema: {
        tags,
        summary: 'Emergency accesses of your region to review (privacy officer), with what was looked at',
        querystring: EmergencyReviewQuery,
        response: { 200: EmergencyReviewList, ...errors },
      },
    },
    async (req) => ({ items: await inScope(deps, req, (s) => listForReview(s, req.query.status)) }),
  );
  r.post(
    '/api/v1/privacy/emergency-accesses/:id/review',
    {
      preHandler: privacy,
      schema: {
        tags,
        summary: 'Approve an emergency access or follow it up (privacy officer; If-Match: its version)',
        params: IdParams,
        body: EmergencyReviewInput,
        response: { 200: EmergencyReviewItem, ...errors },
      },
    },
    async (req, reply) => {
      const version = requireIfMatch(req);
      const item = await inScope(deps, req, (s) => reviewEmergency(s, req.params.id, version, req.body));
      setEtag(reply, item.version);
      return item;
    },
  );
}
