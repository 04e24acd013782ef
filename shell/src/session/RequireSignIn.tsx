import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { signInPath } from './return-to';
import { useSession } from './SessionContext';
import { SessionPending } from './SessionPending';

/**
 * A route that needs sign-in: to `/signin?returnTo=<here>` when nobody is signed in. While the
 * session-expired dialog is open the page stays mounted, so a half-filled form keeps its values.
 */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { state, reauthenticating } = useSession();
  const { pathname, search, hash } = useLocation();
  if (state.status === 'restoring') return <SessionPending />;
  if (state.status === 'signed-in' || reauthenticating) return children;
  return <Navigate to={signInPath(`${pathname}${search}${hash}`)} replace />;
}
