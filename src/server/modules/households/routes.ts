import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Id, IdParams } from '../../../contracts/common.js';
import {
  ContactParams,
  HistoryList,
  Household,
  HouseholdCreate,
  HouseholdList,
  HouseholdPatch,
  Involvement,
  InvolvementInput,
  InvolvementList,
  InvolvementParams,
  Member,
  MemberInput,
  MemberList,
  MemberParams,
  MemberPatch,
  NetworkContact,
  NetworkContactInput,
  NetworkContactList,
  NetworkContactPatch,
  RemovedList,
} from '../../../contracts/households.js';
import type { Deps } from '../../deps.js';
import { requireIfMatch, setEtag } from '../../http/etag.js';
import { authed, inScope, errorResponses, noContentResponses } from '../../http/route-helpers.js';
import { listHistory } from './history.js';
import { getHousehold, listHouseholds, registerHousehold, updateHousehold } from './households.js';
import { attachProfessional, detachProfessional, listInvolvements } from './involvements.js';
import { memberRecords } from './members.js';
import { networkContactRecords } from './network-contacts.js';
import { listRemoved } from './removed-records.js';

const errors = errorResponses;
const noContent = noContentResponses;

export function householdRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const preHandler = authed(deps);
  const tags = ['households'];
  const base = '/api/v1/households';

  r.get(
    base,
    {
      preHandler,
      schema: {
        tags,
        summary: 'Households you are involved in',
        response: { 200: HouseholdList, ...errors },
      },
    },
    async (req) => ({
      items: await inScope(deps, req, listHouseholds),
    }),
  );
  r.post(
    base,
    {
      preHandler,
      schema: {
        tags,
        summary: 'Register a household (coordinator)',
        body: HouseholdCreate,
        response: { 201: Household, ...errors },
      },
    },
    async (req, reply) => {
      const h = await inScope(deps, req, (s) => registerHousehold(s, req.body));
      setEtag(reply, h.version);
      return reply.status(201).send(h);
    },
  );
  r.get(
    `${base}/:id`,
    { preHandler, schema: { tags, params: IdParams, response: { 200: Household, ...errors } } },
    async (req, reply) => {
      const h = await inScope(deps, req, (s) => getHousehold(s, req.params.id));
      setEtag(reply, h.version);
      return h;
    },
  );
  r.patch(
    `${base}/:id`,
    {
      preHandler,
      schema: { tags, params: IdParams, body: HouseholdPatch, response: { 200: Household, ...errors } },
    },
    async (req, reply) => {
      const version = requireIfMatch(req);
      const h = await inScope(deps, req, (s) => updateHousehold(s, req.params.id, version, req.body));
      setEtag(reply, h.version);
      return h;
    },
  );

  const mtags = ['members'];
  r.get(
    `${base}/:id/members`,
    { preHandler, schema: { tags: mtags, params: IdParams, response: { 200: MemberList, ...errors } } },
    async (req) => ({
      items: await inScope(deps, req, (s) => memberRecords.list(s, req.params.id)),
    }),
  );
  r.post(
    `${base}/:id/members`,
    {
      preHandler,
      schema: { tags: mtags, params: IdParams, body: MemberInput, response: { 201: Member, ...errors } },
    },
    async (req, reply) => {
      const m = await inScope(deps, req, (s) => memberRecords.add(s, req.params.id, req.body));
      setEtag(reply, m.version);
      return reply.status(201).send(m);
    },
  );
  r.patch(
    `${base}/:id/members/:memberId`,
    {
      preHandler,
      schema: { tags: mtags, params: MemberParams, body: MemberPatch, response: { 200: Member, ...errors } },
    },
    async (req, reply) => {
      const version = requireIfMatch(req);
      const m = await inScope(deps, req, (s) =>
        memberRecords.update(s, req.params.id, req.params.memberId, version, req.body),
      );
      setEtag(reply, m.version);
      return m;
    },
  );
  r.delete(
    `${base}/:id/members/:memberId`,
    {
      preHandler,
      schema: {
        tags: mtags,
        summary: 'Remove a member (reversible by an administrator)',
        params: MemberParams,
        response: noContent,
      },
    },
    async (req, reply) => {
      const version = requireIfMatch(req);
      await inScope(deps, req, (s) => memberRecords.remove(s, req.params.id, req.params.memberId, version));
      return reply.status(204).send(null);
    },
  );

  const ntags = ['network'];
  r.get(
    `${base}/:id/network-contacts`,
    {
      preHandler,
      schema: { tags: ntags, params: IdParams, response: { 200: NetworkContactList, ...errors } },
    },
    async (req) => ({
      items: await inScope(deps, req, (s) => networkContactRecords.list(s, req.params.id)),
    }),
  );
  r.post(
    `${base}/:id/network-contacts`,
    {
      preHandler,
      schema: {
        tags: ntags,
        params: IdParams,
        body: NetworkContactInput,
        response: { 201: NetworkContact, ...errors },
      },
    },
    async (req, reply) => {
      const c = await inScope(deps, req, (s) => networkContactRecords.add(s, req.params.id, req.body));
      setEtag(reply, c.version);
      return reply.status(201).send(c);
    },
  );
  r.patch(
    `${base}/:id/network-contacts/:contactId`,
    {
      preHandler,
      schema: {
        tags: ntags,
        params: ContactParams,
        body: NetworkContactPatch,
        response: { 200: NetworkContact, ...errors },
      },
    },
    async (req, reply) => {
      const version = requireIfMatch(req);
      const c = await inScope(deps, req, (s) =>
        networkContactRecords.update(s, req.params.id, req.params.contactId, version, req.body),
      );
      setEtag(reply, c.version);
      return c;
    },
  );
  r.delete(
    `${base}/:id/network-contacts/:contactId`,
    { preHandler, schema: { tags: ntags, params: ContactParams, response: noContent } },
    async (req, reply) => {
      const version = requireIfMatch(req);
      await inScope(deps, req, (s) =>
        networkContactRecords.remove(s, req.params.id, req.params.contactId, version),
      );
      return reply.status(204).send(null);
    },
  );

  const itags = ['involvements'];
  r.get(
    `${base}/:id/involvements`,
    {
      preHandler,
      schema: {
        tags: itags,
        summary: 'Who is involved',
        params: IdParams,
        response: { 200: InvolvementList, ...errors },
      },
    },
    async (req) => ({
      items: await inScope(deps, req, (s) => listInvolvements(s, req.params.id)),
    }),
  );
  r.post(
    `${base}/:id/involvements`,
    {
      preHandler,
      schema: {
        tags: itags,
        summary: 'Attach a partner professional',
        params: IdParams,
        body: InvolvementInput,
        response: { 201: Involvement, ...errors },
      },
    },
    async (req, reply) => {
      const inv = await inScope(deps, req, (s) => attachProfessional(s, req.params.id, req.body));
      return reply.status(201).send(inv);
    },
  );
  r.delete(
    `${base}/:id/involvements/:involvementId`,
    {
      preHandler,
      schema: {
        tags: itags,
        summary: 'Detach a partner professional',
        params: InvolvementParams,
        response: noContent,
      },
    },
    async (req, reply) => {
      await inScope(deps, req, (s) => detachProfessional(s, req.params.id, req.params.involvementId));
      return reply.status(204).send(null);
    },
  );

  r.get(
    `${base}/:id/history`,
    {
      preHandler,
      schema: {
        tags,
        summary: 'Earlier versions of the household records',
        params: IdParams,
        response: { 200: HistoryList, ...errors },
      },
    },
    async (req) => ({
      items: await inScope(deps, req, (s) => listHistory(s, req.params.id)),
    }),
  );

  const atags = ['admin'];
  r.get(
    '/api/v1/admin/removed',
    {
      preHandler,
      schema: {
        tags: atags,
        summary: 'Removed records (administrator)',
        response: { 200: RemovedList, ...errors },
      },
    },
    async (req) => ({
      items: await inScope(deps, req, listRemoved),
    }),
  );
  r.post(
    '/api/v1/admin/removed/:recordType/:id/restore',
    {
      preHandler,
      schema: {
        tags: atags,
        summary: 'Restore a removed record (administrator)',
        params: z.strictObject({ recordType: z.enum(['member', 'network_contact']), id: Id }),
        response: noContent,
      },
    },
    async (req, reply) => {
      const records = req.params.recordType === 'member' ? memberRecords : networkContactRecords;
      await inScope(deps, req, (s) => records.restore(s, req.params.id));
      return reply.status(204).send(null);
    },
  );
}
