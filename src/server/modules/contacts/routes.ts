import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  Contact,
  ContactInput,
  ContactList,
  ContactPatch,
  HouseholdContactParams,
} from '../../../contracts/chain.js';
import { IdParams } from '../../../contracts/common.js';
import type { Deps } from '../../deps.js';
import { requireIfMatch, setEtag } from '../../http/etag.js';
import { authed, inScope, errorResponses } from '../../http/route-helpers.js';
import { listContacts, logContact, updateContact } from './contacts.js';

const errors = errorResponses;

export function contactRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const preHandler = authed(deps);
  const tags = ['contacts'];
  const base = '/api/v1/households/:id/contacts';
  r.get(
    base,
    {
      preHandler,
      schema: {
        tags,
        summary: 'Appointments and contacts with the household',
        params: IdParams,
        response: { 200: ContactList, ...errors },
      },
    },
    async (req) => ({
      items: await inScope(deps, req, (s) => listContacts(s, req.params.id)),
    }),
  );
  r.post(
    base,
    {
      preHandler,
      schema: {
        tags,
        summary: 'Log a contact or plan an appointment',
        params: IdParams,
        body: ContactInput,
        response: { 201: Contact, ...errors },
      },
    },
    async (req, reply) => {
      const c = await inScope(deps, req, (s) => logContact(s, req.params.id, req.body));
      setEtag(reply, c.version);
      return reply.status(201).send(c);
    },
  );
  r.patch(
    `${base}/:contactId`,
    {
      preHandler,
      schema: {
        tags,
        summary: 'Record the outcome: attended, no-show, cancelled',
        params: HouseholdContactParams,
        body: ContactPatch,
        response: { 200: Contact, ...errors },
      },
    },
    async (req, reply) => {
      const version = requireIfMatch(req);
      const c = await inScope(deps, req, (s) =>
        updateContact(s, req.params.id, req.params.contactId, version, req.body),
      );
      setEtag(reply, c.version);
      return c;
    },
  );
}
