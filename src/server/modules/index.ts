import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.js';
import { adminRoutes } from './admin/routes.js';
import { auditRoutes } from './audit/routes.js';
import { authRoutes } from './auth/routes.js';
import { healthRoutes } from './health/routes.js';
import { householdRoutes } from './households/routes.js';
import { planRoutes } from './plan/routes.js';
import { timelineRoutes } from './timeline/routes.js';
import { serviceRoutes } from './services/routes.js';
import { referralRoutes } from './referrals/routes.js';
import { contactRoutes } from './contacts/routes.js';
import { handoverRoutes } from './handover/routes.js';
import { signalRoutes } from './signals/routes.js';
import { triageRoutes } from './triage/routes.js';
import { assignmentRoutes } from './assignment/routes.js';
import { meldcodeRoutes } from './meldcode/routes.js';
import { notificationRoutes } from './notifications/routes.js';
import { stagnationRoutes } from './stagnation/routes.js';

export function registerModules(app: FastifyInstance, deps: Deps): void {
  healthRoutes(app, deps);
  authRoutes(app, deps);
  adminRoutes(app, deps);
  householdRoutes(app, deps);
  planRoutes(app, deps);
  auditRoutes(app, deps);
  timelineRoutes(app, deps);
  serviceRoutes(app, deps);
  referralRoutes(app, deps);
  contactRoutes(app, deps);
  handoverRoutes(app, deps);
  signalRoutes(app, deps);
  triageRoutes(app, deps);
  assignmentRoutes(app, deps);
  meldcodeRoutes(app, deps);
  notificationRoutes(app, deps);
  stagnationRoutes(app, deps);
}
