import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditPage, AuditQuery, AuditVerifyResult } from '../../../contracts/audit.js';

import { requireAccess } from '../../access/require-access.js';
import { verifyAuditChain } from '../../audit/verify.js';
import type { Deps } from '../../deps.js';
import { requireVerifiedSecondFactor } from '../../http/auth-hooks.js';
import { authed, inScope, errorResponses } from '../../http/route-helpers.js';
import { browseAudit } from './browse.js';

const errors = errorResponses;

export function auditRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  /** The audit trail only after a second factor (issue 5): checked here explicitly, not only by role. */
  const preHandler = [...authed(deps), requireVerifiedSecondFactor];
  r.get(
    '/api/v1/audit',
    {
      preHandler,
      schema: {
        tags: ['audit'],
        summary: 'Browse the audit trail (privacy officer)',
        querystring: AuditQuery,
        response: { 200: AuditPage, ...errors },
      },
    },
    async (req) => inScope(deps, req, (s) => browseAudit(s, req.query)),
  );
  r.get(
    '/api/v1/audit/verify',
    {
      preHandler,
      schema: {
        tags: ['audit'],
        summary: 'Verify the hash chain of your region (privacy officer)',
        response: { 200: AuditVerifyResult, ...errors },
      },
    },
    async (req) =>
      inScope(deps, req, async (s) => {
        requireAccess(s, 'audit.read');
        s.audit({
          objectType: 'audit_chain',
          action: 'read',
          basis: 'privacy_audit',
          role: 'privacy_officer',
        });
        return verifyAuditChain(s.tx, s.actor.regionId);
      }),
  );
}
