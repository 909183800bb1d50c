import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { AppAbility } from '@evalflow/domain';
import type { MeView } from '../api/types';
import type { Session, SessionState } from './session';

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** The session object: send requests with it, sign in and out through it. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}

export function useSessionState(): SessionState {
  const session = useSession();
  return useSyncExternalStore(session.subscribe, session.getState);
}

/** Who is signed in and what they may do; only for pages behind <RequireAuth>. */
export function useSignedIn(): { me: MeView; ability: AppAbility } {
  const state = useSessionState();
  if (state.status !== 'signed-in') throw new Error('useSignedIn used outside a signed-in page');
  return state;
}
