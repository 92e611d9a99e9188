import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Service, ServiceInput, ServiceList, ServicePatch, ServiceQuery } from '../../../contracts/chain.js';
import { IdParams } from '../../../contracts/common.js';
import type { Deps } from '../../deps.js';
import { requireIfMatch, setEtag } from '../../http/etag.js';
import { authed, inScope, errorResponses } from '../../http/route-helpers.js';
import { createService, getService, listServices, updateService } from './services.js';

const errors = errorResponses;

export function serviceRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const preHandler = authed(deps);
  const tags = ['services'];
  const base = '/api/v1/services';
  r.get(
    base,
    {
      preHandler,
      schema: {
        tags,
        summary: 'The directory of services in the region',
        querystring: ServiceQuery,
        response: { 200: ServiceList, ...errors },
      },
    },
    async (req) => ({
      items: await inScope(deps, req, (s) => listServices(s, req.query)),
    }),
  );
  r.get(
    `${base}/:id`,
    { preHandler, schema: { tags, params: IdParams, response: { 200: Service, ...errors } } },
    async (req, reply) => {
      const svc = await inScope(deps, req, (s) => getService(s, req.params.id));
      setEtag(reply, svc.version);
      return svc;
    },
  );
  r.post(
    base,
    {
      preHandler,
      schema: {
        tags,
        summary: "Add a service (the organisation's managers)",
        body: ServiceInput,
        response: { 201: Service, ...errors },
      },
    },
    async (req, reply) => {
      const svc = await inScope(deps, req, (s) => createService(s, req.body));
      setEtag(reply, svc.version);
      return reply.status(201).send(svc);
    },
  );
  r.patch(
    `${base}/:id`,
    {
      preHandler,
      schema: {
        tags,
        summary: 'Change a service: waiting time, capacity, contact, active',
        params: IdParams,
        body: ServicePatch,
        response: { 200: Service, ...errors },
      },
    },
    async (req, reply) => {
      const version = requireIfMatch(req);
      const svc = await inScope(deps, req, (s) => updateService(s, req.params.id, version, req.body));
      setEtag(reply, svc.version);
      return svc;
    },
  );
}
