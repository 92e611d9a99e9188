import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from '../../../contracts/common.js';
import {
  Consent,
  ConsentInput,
  ConsentList,
  ConsentParams,
  ConsentWithdrawal,
  LegalBasis,
  LegalBasisEnd,
  LegalBasisInput,
  LegalBasisList,
  LegalBasisParams,
} from '../../../contracts/consent.js';
import type { Deps } from '../../deps.js';
import { requireIfMatch, setEtag } from '../../http/etag.js';
import { authed, errorResponses as errors, inScope } from '../../http/route-helpers.js';
import { endLegalBasis } from './end-legal-basis.js';
import { listConsents } from './list-consents.js';
import { listLegalBases } from './list-legal-bases.js';
import { recordConsent } from './record-consent.js';
import { recordLegalBasis } from './record-legal-basis.js';
import { withdrawConsent } from './withdraw-consent.js';

/** Consent (instemming) and legal bases of a household (issue 5, privacy by design). */
export function consentRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const preHandler = authed(deps);
  const tags = ['privacy'];
  const base = '/api/v1/households/:id';

  r.get(
    `${base}/consents`,
    {
      preHandler,
      schema: {
        tags,
        summary: 'Consents of the household (a partner sees only those given to their organisation)',
        params: IdParams,
        response: { 200: ConsentList, ...errors },
      },
    },
    async (req) => ({ items: await inScope(deps, req, (s) => listConsents(s, req.params.id)) }),
  );
  r.post(
    `${base}/consents`,
    {
      preHandler,
      schema: {
        tags,
        summary: 'Record a consent (coordinator); 422 CONSENT_INVALID lists every broken rule',
        params: IdParams,
        body: ConsentInput,
        response: { 201: Consent, ...errors },
      },
    },
    async (req, reply) => {
      const c = await inScope(deps, req, (s) => recordConsent(s, req.params.id, req.body));
      setEtag(reply, c.version);
      return reply.status(201).send(c);
    },
  );
  r.post(
    `${base}/consents/:consentId/withdraw`,
    {
      preHandler,
      schema: {
        tags,
        summary: 'Withdraw a consent (coordinator, If-Match); effective on the next request',
        params: ConsentParams,
        body: ConsentWithdrawal,
        response: { 200: Consent, ...errors },
      },
    },
    async (req, reply) => {
      const version = requireIfMatch(req);
      const c = await inScope(deps, req, (s) =>
        withdrawConsent(s, req.params.id, req.params.consentId, version, req.body),
      );
      setEtag(reply, c.version);
      return c;
    },
  );

  r.get(
    `${base}/legal-bases`,
    {
      preHandler,
      schema: {
        tags,
        summary: "The case's legal basis and sharing without consent",
        params: IdParams,
        response: { 200: LegalBasisList, ...errors },
      },
    },
    async (req) => ({ items: await inScope(deps, req, (s) => listLegalBases(s, req.params.id)) }),
  );
  r.post(
    `${base}/legal-bases`,
    {
      preHandler,
      schema: {
        tags,
        summary: "Record the case's basis (coordinator) or a sharing without consent (anyone involved)",
        params: IdParams,
        body: LegalBasisInput,
        response: { 201: LegalBasis, ...errors },
      },
    },
    async (req, reply) => {
      const b = await inScope(deps, req, (s) => recordLegalBasis(s, req.params.id, req.body));
      setEtag(reply, b.version);
      return reply.status(201).send(b);
    },
  );
  r.post(
    `${base}/legal-bases/:basisId/end`,
    {
      preHandler,
      schema: {
        tags,
        summary: 'End a legal basis now (If-Match)',
        params: LegalBasisParams,
        body: LegalBasisEnd,
        response: { 200: LegalBasis, ...errors },
      },
    },
    async (req, reply) => {
      const version = requireIfMatch(req);
      const b = await inScope(deps, req, (s) => endLegalBasis(s, req.params.id, req.params.basisId, version));
      setEtag(reply, b.version);
      return b;
    },
  );
}
