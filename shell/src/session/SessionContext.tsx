import { ApolloProvider } from '@apollo/client/react';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ApolloClient } from '@apollo/client';
import { createApolloClient, isLocale, type RemoteAuth } from '@bianmin/frontend-kit';
import { browserSessionManager } from './browser-session';
import { signInPath } from './return-to';
import type { SessionManager, SessionState, SessionTokens } from './session-manager';

export interface SessionValue {
  state: SessionState;
  manager: SessionManager;
  client: ApolloClient;
  /** A sign-in, sign-up or TOTP confirmation issued tokens. */
  establish(tokens: SessionTokens): void;
  /** Server then local sign-out; rejects (after signing out here) when the server did not confirm. */
  signOut(options?: { everywhere?: boolean }): Promise<void>;
  /** Go to the sign-in page, coming back to `returnTo` afterwards. */
  requireSignIn(returnTo: string): void;
  /**
   * The session expired while the resident was on a page: a sign-in dialog is open over it, so
   * what they typed stays where it is. Pages that need sign-in keep rendering while this is true.
   */
  reauthenticating: boolean;
  /** Close the dialog without signing in. */
  cancelReauthentication(): void;
  /** The `auth` prop for remotes. */
  remoteAuth: RemoteAuth;
}

const SessionContext = createContext<SessionValue | null>(null);

/**
 * The session for everything below it: the page's session manager for this gateway, the shell's
 * Apollo Client (bearer token, one refresh on TOKEN_EXPIRED, server messages in the UI language),
 * and the caches emptied whenever the signed-in account changes.
 */
export function SessionProvider({ gatewayUrl, children }: { gatewayUrl: string; children: ReactNode }) {
  const { i18n } = useTranslation();
  const navigate = useNavigate();
  const manager = browserSessionManager(gatewayUrl);
  const state = useSyncExternalStore(manager.subscribe, manager.getState);
  const [reauthenticating, setReauthenticating] = useState(false);

  const client = createApolloClient(gatewayUrl, {
    getAccessToken: manager.getAccessToken,
    onUnauthenticated: () => manager.expire(),
    getLocale: () => (isLocale(i18n.language) ? i18n.language : 'zh-CN'),
  });

  // Who is signed in decides what the cache may hold: never show one account's data to the next.
  // A session that expires under the resident's hands (not at start-up, not on purpose) opens the
  // sign-in dialog over the page instead, and the page keeps its data and its half-filled forms.
  const lastAccount = useRef<string | null>(null);
  useEffect(() => {
    let before = manager.getState();
    return manager.subscribe(() => {
      const now = manager.getState();
      const was = before;
      before = now;
      if (now.status === 'signed-in') {
        setReauthenticating(false);
        if (lastAccount.current !== now.accountId) {
          if (lastAccount.current !== null) void client.resetStore().catch(() => undefined);
          lastAccount.current = now.accountId;
        }
      } else if (now.status === 'signed-out' && was.status !== 'signed-out') {
        if (was.status === 'signed-in' && now.reason === 'expired') setReauthenticating(true);
        else {
          lastAccount.current = null;
          void client.clearStore();
        }
      }
    });
  }, [manager, client]);

  const cancelReauthentication = useCallback(() => {
    setReauthenticating(false);
    lastAccount.current = null;
    void client.clearStore();
  }, [client, setReauthenticating]);

  const requireSignIn = useCallback((returnTo: string) => navigate(signInPath(returnTo)), [navigate]);
  const signedIn = state.status === 'signed-in';

  const remoteAuth = useMemo<RemoteAuth>(
    () => ({ getAccessToken: manager.getAccessToken, signedIn, requireSignIn }),
    [manager, signedIn, requireSignIn],
  );

  const value = useMemo<SessionValue>(
    () => ({
      state,
      manager,
      client,
      establish: (tokens) => manager.establish(tokens),
      signOut: (options) => manager.signOut(options),
      requireSignIn,
      reauthenticating: reauthenticating && state.status === 'signed-out',
      cancelReauthentication,
      remoteAuth,
    }),
    [state, manager, client, requireSignIn, reauthenticating, remoteAuth, cancelReauthentication],
  );

  return (
    <SessionContext.Provider value={value}>
      <ApolloProvider client={client}>{children}</ApolloProvider>
    </SessionContext.Provider>
  );
}

/** The session; throws outside `<SessionProvider>`. */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** The session, or null while the runtime config (and so the gateway) is not known yet. */
export function useOptionalSession(): SessionValue | null {
  return useContext(SessionContext);
}
