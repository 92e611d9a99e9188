import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  InvolvedOverview,
  NoticeList,
  NoticeParams,
  Referral,
  ReferralCreate,
  ReferralList,
  ReferralParams,
  ReferralQueueQuery,
  ReferralStepInput,
} from '../../../contracts/chain.js';
import { IdParams } from '../../../contracts/common.js';
import type { Deps } from '../../deps.js';
import { requireIfMatch, setEtag } from '../../http/etag.js';
import { authed, inScope, errorResponses } from '../../http/route-helpers.js';
import { createReferral } from './create-referral.js';
import { involvedOverview, listMyNotices, markNoticeRead } from './involved.js';
import { getReferral, listHouseholdReferrals, referralQueue } from './list-referrals.js';
import { stepReferral } from './step-referral.js';

const errors = errorResponses;

export function referralRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const preHandler = authed(deps);
  const tags = ['referrals'];
  r.get(
    '/api/v1/households/:id/involved',
    {
      preHandler,
      schema: {
        tags: ['involvements'],
        summary: 'Who is involved, open referrals and your notices',
        params: IdParams,
        response: { 200: InvolvedOverview, ...errors },
      },
    },
    async (req) => inScope(deps, req, (s) => involvedOverview(s, req.params.id)),
  );
  r.get(
    '/api/v1/households/:id/referrals',
    { preHandler, schema: { tags, params: IdParams, response: { 200: ReferralList, ...errors } } },
    async (req) => ({
      items: await inScope(deps, req, (s) => listHouseholdReferrals(s, req.params.id)),
    }),
  );
  r.post(
    '/api/v1/households/:id/referrals',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Refer a member or the household to a service',
        params: IdParams,
        body: ReferralCreate,
        response: { 201: Referral, ...errors },
      },
    },
    async (req, reply) => {
      const ref = await inScope(deps, req, (s) => createReferral(s, req.params.id, req.body));
      setEtag(reply, ref.version);
      return reply.status(201).send(ref);
    },
  );
  r.get(
    '/api/v1/referrals',
    {
      preHandler,
      schema: {
        tags,
        summary: "Your organisation's incoming referrals",
        querystring: ReferralQueueQuery,
        response: { 200: ReferralList, ...errors },
      },
    },
    async (req) => ({
      items: await inScope(deps, req, (s) => referralQueue(s, req.query.status ?? 'open')),
    }),
  );
  r.get(
    '/api/v1/referrals/:referralId',
    { preHandler, schema: { tags, params: ReferralParams, response: { 200: Referral, ...errors } } },
    async (req, reply) => {
      const ref = await inScope(deps, req, (s) => getReferral(s, req.params.referralId));
      setEtag(reply, ref.version);
      return ref;
    },
  );
  r.post(
    '/api/v1/referrals/:referralId/steps',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Take the next step (If-Match required)',
        params: ReferralParams,
        body: ReferralStepInput,
        response: { 200: Referral, ...errors },
      },
    },
    async (req, reply) => {
      const version = requireIfMatch(req);
      const ref = await inScope(deps, req, (s) => stepReferral(s, req.params.referralId, version, req.body));
      setEtag(reply, ref.version);
      return ref;
    },
  );
  r.get(
    '/api/v1/notices',
    {
      preHandler,
      schema: {
        tags: ['involvements'],
        summary: 'Verwijsindex notices: who else is involved with your clients',
        response: { 200: NoticeList, ...errors },
      },
    },
    async (req) => ({
      items: await inScope(deps, req, listMyNotices),
    }),
  );
  r.post(
    '/api/v1/notices/:noticeId/read',
    {
      preHandler,
      schema: {
        tags: ['involvements'],
        params: NoticeParams,
        body: z.strictObject({}).optional(),
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await inScope(deps, req, (s) => markNoticeRead(s, req.params.noticeId));
      return reply.status(204).send(null);
    },
  );
}
