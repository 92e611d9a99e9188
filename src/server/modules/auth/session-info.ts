import type { SecondFactorState, SessionInfo } from '../../../contracts/auth.js';
import { globalPermissions } from '../../../domain/access/catalogue.js';
import { SESSION_IDLE_TIMEOUT_MS } from '../../../domain/auth/session-rules.js';
import type { LoadedSession, SessionSecondFactor } from './session-store.js';

/** The stored session state as the API names it (`pending` in the database is `required` to the client). */
export const apiSecondFactor = (s: SessionSecondFactor): SecondFactorState =>
  s === 'pending' ? 'required' : s;

export function sessionInfo(s: Omit<LoadedSession, 'id'>): SessionInfo {
  const { actor } = s;
  return {
    user: {
      id: actor.userId,
      name: actor.name,
      email: actor.email,
      roles: actor.roles,
      organisation: { id: actor.organisationId, name: actor.organisationName },
      permissions: globalPermissions(actor.roles),
      totpEnabled: s.totpEnabled,
      secondFactorRequired: s.secondFactorRequired,
    },
    secondFactor: apiSecondFactor(s.secondFactor),
    csrfToken: s.csrfToken,
    idleTimeoutSeconds: SESSION_IDLE_TIMEOUT_MS / 1000,
    expiresAt: s.expiresAt.toISOString(),
  };
}
