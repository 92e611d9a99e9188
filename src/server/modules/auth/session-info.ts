import type { SessionInfo } from '../../../contracts/auth.js';
import { globalPermissions } from '../../../domain/access/catalogue.js';
import { SESSION_IDLE_TIMEOUT_MS } from '../../../domain/auth/session-rules.js';
import type { Actor } from '../../access/actor.js';

export function sessionInfo(actor: Actor, csrfToken: string, expiresAt: Date): SessionInfo {
  return {
    user: {
      id: actor.userId,
      name: actor.name,
      email: actor.email,
      roles: actor.roles,
      organisation: { id: actor.organisationId, name: actor.organisationName },
      permissions: globalPermissions(actor.roles),
    },
    csrfToken,
    idleTimeoutSeconds: SESSION_IDLE_TIMEOUT_MS / 1000,
    expiresAt: expiresAt.toISOString(),
  };
}
