import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { GlobalPermission, SessionInfo } from '../../contracts/index.js';
import { api } from '../api/endpoints.js';
import { isApiError, onSecondFactorNeeded, onUnauthorized, setCsrfToken } from '../api/client.js';

export type SignOutReason = 'expired' | 'unauthenticated' | 'signedOut' | null;

interface SessionContextValue {
  session: SessionInfo | null;
  loading: boolean;
  loadError: unknown;
  signOutReason: SignOutReason;
  setSignedIn: (session: SessionInfo) => void;
  signOut: () => Promise<void>;
  can: (permission: GlobalPermission) => boolean;
  retry: () => void;
}

const SessionContext = createContext<SessionContextValue | null>(null);
export const SESSION_KEY = ['session'] as const;

async function loadSession(): Promise<SessionInfo | null> {
  try {
    const session = await api.auth.session();
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [signOutReason, setSignOutReason] = useState<SignOutReason>(null);
  const query = useQuery({
    queryKey: SESSION_KEY,
    queryFn: loadSession,
    retry: 1,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

  const clearSession = useCallback(
    (reason: SignOutReason) => {
      setCsrfToken(null);
      setSignOutReason(reason);
      queryClient.setQueryData(SESSION_KEY, null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
    },
    [queryClient],
  );

  useEffect(() => {
    onUnauthorized((code) => clearSession(code === 'SESSION_EXPIRED' ? 'expired' : 'unauthenticated'));
    return () => onUnauthorized(null);
  }, [clearSession]);

  // The organisation may start requiring a second factor while the user works: reload the session, whose state
  // then sends the user to the code or set-up screen.
  useEffect(() => {
    onSecondFactorNeeded(() => void queryClient.invalidateQueries({ queryKey: SESSION_KEY }));
    return () => onSecondFactorNeeded(null);
  }, [queryClient]);

  const value = useMemo<SessionContextValue>(() => {
    const session = query.data ?? null;
    return {
      session,
      loading: query.isPending,
      loadError: query.isError ? query.error : null,
      signOutReason,
      setSignedIn: (next) => {
        setCsrfToken(next.csrfToken);
        setSignOutReason(null);
        queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
        queryClient.setQueryData(SESSION_KEY, next);
      },
      signOut: async () => {
        try {
          await api.auth.logout();
        } catch {
          // the session is dropped locally either way
        }
        clearSession('signedOut');
      },
      can: (permission) => !!session?.user.permissions.includes(permission),
      retry: () => void query.refetch(),
    };
  }, [query, signOutReason, queryClient, clearSession]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in session; only for pages behind the login guard. */
export function useMe(): SessionInfo {
  const { session } = useSession();
  if (!session) throw new Error('useMe without a session');
  return session;
}
