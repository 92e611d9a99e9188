import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AccessLogQuery,
  EmployeeAccessLog,
  EmployeeAccessQuery,
  EmployeeList,
  HouseholdAccessLog,
} from '../../../contracts/access-log.js';
import { IdParams } from '../../../contracts/common.js';
import type { Deps } from '../../deps.js';
import { requireVerifiedSecondFactor } from '../../http/auth-hooks.js';
import { authed, errorResponses, inScope } from '../../http/route-helpers.js';
import { employeeAccessLog, householdAccessLog, listEmployees } from './access-log.js';

const errors = errorResponses;

export function accessLogRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const preHandler = authed(deps);
  /** Access per employee is audit-trail data: like the audit trail, only after a second factor. */
  const privacy = [...preHandler, requireVerifiedSecondFactor];
  const tags = ['access-log'];
  r.get(
    '/api/v1/households/:id/access-log',
    {
      preHandler,
      schema: {
        tags,
        summary:
          "Who accessed the household's data: per day, organisation, role, data category, basis and emergency use (coordinator, privacy officer)",
        params: IdParams,
        querystring: AccessLogQuery,
        response: { 200: HouseholdAccessLog, ...errors },
      },
    },
    async (req) => inScope(deps, req, (s) => householdAccessLog(s, req.params.id, req.query)),
  );
  r.get(
    '/api/v1/privacy/access-log',
    {
      preHandler: privacy,
      schema: {
        tags,
        summary:
          'Every household one employee accessed, with basis, consent and emergency use (privacy officer)',
        querystring: EmployeeAccessQuery,
        response: { 200: EmployeeAccessLog, ...errors },
      },
    },
    async (req) => inScope(deps, req, (s) => employeeAccessLog(s, req.query)),
  );
  r.get(
    '/api/v1/privacy/employees',
    {
      preHandler: privacy,
      schema: {
        tags,
        summary: 'The employees of your region, to look up their access (privacy officer)',
        response: { 200: EmployeeList, ...errors },
      },
    },
    async (req) => ({ items: await inScope(deps, req, listEmployees) }),
  );
}
