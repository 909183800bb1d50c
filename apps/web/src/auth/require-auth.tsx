import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { FullPageSpin } from '../components/full-page-spin';
import { useSessionState } from './session-context';

/** Sends visitors who are not signed in to the login page, remembering where they were going. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const state = useSessionState();
  const location = useLocation();
  if (state.status === 'restoring') return <FullPageSpin />;
  if (state.status === 'signed-out') {
    const here = location.pathname + location.search;
    const to = state.loggedOut || here === '/' ? '/login' : `/login?next=${encodeURIComponent(here)}`;
    return <Navigate to={to} replace />;
  }
  return children;
}

/** Where to go after signing in: only a path of this app, never another site. */
export function safeNextPath(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') && !next.startsWith('/login')
    ? next
    : '/';
}
