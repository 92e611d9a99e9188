import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  Organisation,
  OrganisationInput,
  OrganisationList,
  OrganisationPatch,
  ProfessionalList,
  User,
  UserCreate,
  UserList,
  UserPatch,
} from '../../../contracts/admin.js';
import { IdParams } from '../../../contracts/common.js';
import type { Deps } from '../../deps.js';
import { requireIfMatch, setEtag } from '../../http/etag.js';
import { authed, inScope, errorResponses } from '../../http/route-helpers.js';
import {
  createOrganisation,
  getOrganisation,
  listOrganisations,
  updateOrganisation,
} from './organisations.js';
import { createUser, getUser, listProfessionals, listUsers, updateUser } from './users.js';

const errors = errorResponses;

export function adminRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const preHandler = authed(deps);

  r.get(
    '/api/v1/organisations',
    {
      preHandler,
      schema: {
        tags: ['organisations'],
        summary: 'Organisations in your region',
        response: { 200: OrganisationList, ...errors },
      },
    },
    async (req) => ({
      items: await inScope(deps, req, listOrganisations),
    }),
  );
  r.post(
    '/api/v1/organisations',
    {
      preHandler,
      schema: {
        tags: ['organisations'],
        summary: 'Add an organisation (administrator)',
        body: OrganisationInput,
        response: { 201: Organisation, ...errors },
      },
    },
    async (req, reply) => {
      const org = await inScope(deps, req, (s) => createOrganisation(s, req.body));
      setEtag(reply, org.version);
      return reply.status(201).send(org);
    },
  );
  r.get(
    '/api/v1/organisations/:id',
    {
      preHandler,
      schema: { tags: ['organisations'], params: IdParams, response: { 200: Organisation, ...errors } },
    },
    async (req, reply) => {
      const org = await inScope(deps, req, (s) => getOrganisation(s, req.params.id));
      setEtag(reply, org.version);
      return org;
    },
  );
  r.patch(
    '/api/v1/organisations/:id',
    {
      preHandler,
      schema: {
        tags: ['organisations'],
        summary: 'Change an organisation (administrator; If-Match)',
        params: IdParams,
        body: OrganisationPatch,
        response: { 200: Organisation, ...errors },
      },
    },
    async (req, reply) => {
      const version = requireIfMatch(req);
      const org = await inScope(deps, req, (s) => updateOrganisation(s, req.params.id, version, req.body));
      setEtag(reply, org.version);
      return org;
    },
  );

  r.get(
    '/api/v1/users',
    {
      preHandler,
      schema: {
        tags: ['users'],
        summary: 'User accounts (administrator)',
        response: { 200: UserList, ...errors },
      },
    },
    async (req) => ({
      items: await inScope(deps, req, listUsers),
    }),
  );
  r.post(
    '/api/v1/users',
    {
      preHandler,
      schema: {
        tags: ['users'],
        summary: 'Create a user account (administrator)',
        body: UserCreate,
        response: { 201: User, ...errors },
      },
    },
    async (req, reply) => {
      const user = await inScope(deps, req, (s) => createUser(s, req.body));
      setEtag(reply, user.version);
      return reply.status(201).send(user);
    },
  );
  r.get(
    '/api/v1/users/:id',
    { preHandler, schema: { tags: ['users'], params: IdParams, response: { 200: User, ...errors } } },
    async (req, reply) => {
      const user = await inScope(deps, req, (s) => getUser(s, req.params.id));
      setEtag(reply, user.version);
      return user;
    },
  );
  r.patch(
    '/api/v1/users/:id',
    {
      preHandler,
      schema: {
        tags: ['users'],
        summary: 'Change, disable or enable an account (administrator; If-Match)',
        params: IdParams,
        body: UserPatch,
        response: { 200: User, ...errors },
      },
    },
    async (req, reply) => {
      const version = requireIfMatch(req);
      const user = await inScope(deps, req, (s) => updateUser(s, req.params.id, version, req.body));
      setEtag(reply, user.version);
      return user;
    },
  );

  r.get(
    '/api/v1/professionals',
    {
      preHandler,
      schema: {
        tags: ['users'],
        summary: 'Directory of professionals who can be involved with a household',
        response: { 200: ProfessionalList, ...errors },
      },
    },
    async (req) => ({
      items: await inScope(deps, req, listProfessionals),
    }),
  );
}
