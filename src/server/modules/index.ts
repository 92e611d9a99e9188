import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.js';
import { adminRoutes } from './admin/routes.js';
import { auditRoutes } from './audit/routes.js';
import { authRoutes } from './auth/routes.js';
import { healthRoutes } from './health/routes.js';
import { householdRoutes } from './households/routes.js';

export function registerModules(app: FastifyInstance, deps: Deps): void {
  healthRoutes(app, deps);
  authRoutes(app, deps);
  adminRoutes(app, deps);
  householdRoutes(app, deps);
  auditRoutes(app, deps);
}
