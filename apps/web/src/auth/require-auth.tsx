import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { FullPageSpin } from '../components/full-page-spin';
import { ForcedPasswordChangePage } from '../pages/forced-password-change-page';
import { useSessionState } from './session-context';

/**
 * Sends visitors who are not signed in to the login page, remembering where they were going; a user whose
 * password an administrator set changes it first (the address stays, and opens once that is done).
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const state = useSessionState();
  const location = useLocation();
  if (state.status === 'restoring') return <FullPageSpin />;
  if (state.status === 'signed-out') {
    const here = location.pathname + location.search;
    const to = state.loggedOut || here === '/' ? '/login' : `/login?next=${encodeURIComponent(here)}`;
    return <Navigate to={to} replace />;
  }
  if (state.me.user.mustChangePassword) return <ForcedPasswordChangePage />;
  return children;
}

/** Where to go after signing in: only a path of this app, never another site. */
export function safeNextPath(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') && !next.startsWith('/login')
    ? next
    : '/';
}
