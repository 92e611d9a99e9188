import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../contracts/common.js';
import {
  EscalateInput,
  EscalationBriefingList,
  HouseholdStagnationQuery,
  OutreachInput,
  ResolveInput,
  StagnationBoard,
  StagnationDetail,
  StagnationList,
  StagnationReportInput,
  StagnationSettingsBody,
  StagnationSettingsView,
} from '../../../contracts/stagnation.js';
import type { Deps } from '../../deps.js';
import { requireIfMatch, setEtag } from '../../http/etag.js';
import { authed, inScope, errorResponses } from '../../http/route-helpers.js';
import { regionalBoard } from './board.js';
import { acknowledgeStep, myEscalations } from './escalations.js';
import { getSettings, updateSettings } from './settings.js';
import {
  acknowledge,
  escalate,
  getStagnation,
  householdStagnations,
  recordOutreach,
  reportStagnation,
  resolve,
  worklist,
} from './work.js';

const errors = errorResponses;

export function stagnationRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const preHandler = authed(deps);
  const tags = ['stagnation'];
  const detail = { 200: StagnationDetail, ...errors };

  r.get(
    '/api/v1/stagnations',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Your worklist: open stagnations of your households, most urgent first',
        response: { 200: StagnationList, ...errors },
      },
    },
    async (req) => ({ items: await inScope(deps, req, worklist) }),
  );
  r.get(
    '/api/v1/stagnations/:id',
    { preHandler, schema: { tags, params: IdParams, response: detail } },
    (req) => inScope(deps, req, (s) => getStagnation(s, req.params.id)),
  );
  r.post(
    '/api/v1/stagnations/:id/acknowledge',
    {
      preHandler,
      schema: { tags, summary: 'Acknowledge (coordinator)', params: IdParams, response: detail },
    },
    (req) => inScope(deps, req, (s) => acknowledge(s, req.params.id)),
  );
  r.post(
    '/api/v1/stagnations/:id/outreach',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Record outreach and the reasons found',
        params: IdParams,
        body: OutreachInput,
        response: detail,
      },
    },
    (req) => inScope(deps, req, (s) => recordOutreach(s, req.params.id, req.body)),
  );
  r.post(
    '/api/v1/stagnations/:id/resolve',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Resolve: closes the whole escalation',
        params: IdParams,
        body: ResolveInput,
        response: detail,
      },
    },
    (req) => inScope(deps, req, (s) => resolve(s, req.params.id, req.body)),
  );
  r.post(
    '/api/v1/stagnations/:id/escalate',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Escalate to the next level of the ladder',
        params: IdParams,
        body: EscalateInput.optional(),
        response: detail,
      },
    },
    (req) => inScope(deps, req, (s) => escalate(s, req.params.id)),
  );
  r.get(
    '/api/v1/households/:id/stagnations',
    {
      preHandler,
      schema: {
        tags,
        params: IdParams,
        querystring: HouseholdStagnationQuery,
        response: { 200: StagnationList, ...errors },
      },
    },
    async (req) => ({
      items: await inScope(deps, req, (s) => householdStagnations(s, req.params.id, req.query.status)),
    }),
  );
  r.post(
    '/api/v1/households/:id/stagnations',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Report stagnation by hand',
        params: IdParams,
        body: StagnationReportInput,
        response: { 201: StagnationDetail, ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await inScope(deps, req, (s) => reportStagnation(s, req.params.id, req.body))),
  );
  r.get(
    '/api/v1/escalations',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Escalations addressed to you, with their briefing',
        response: { 200: EscalationBriefingList, ...errors },
      },
    },
    async (req) => ({ items: await inScope(deps, req, myEscalations) }),
  );
  r.post(
    '/api/v1/escalations/:id/acknowledge',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Acknowledge an escalation addressed to you',
        params: IdParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await inScope(deps, req, (s) => acknowledgeStep(s, req.params.id));
      return reply.status(204).send(null);
    },
  );
  r.get(
    '/api/v1/stagnation/board',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Regional board (process managers)',
        response: { 200: StagnationBoard, ...errors },
      },
    },
    (req) => inScope(deps, req, regionalBoard),
  );
  r.get(
    '/api/v1/stagnation/settings',
    { preHandler, schema: { tags, response: { 200: StagnationSettingsView, ...errors } } },
    async (req, reply) => {
      const v = await inScope(deps, req, getSettings);
      setEtag(reply, v.version);
      return v;
    },
  );
  r.patch(
    '/api/v1/stagnation/settings',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Change thresholds and ladder (audited)',
        body: StagnationSettingsBody,
        response: { 200: StagnationSettingsView, ...errors },
      },
    },
    async (req, reply) => {
      const version = requireIfMatch(req);
      const v = await inScope(deps, req, (s) => updateSettings(s, version, req.body));
      setEtag(reply, v.version);
      return v;
    },
  );
}
