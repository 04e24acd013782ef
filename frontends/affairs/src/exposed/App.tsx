import { ApolloProvider } from '@apollo/client/react';
import { useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { createApolloClient, SIGNED_OUT_AUTH, type RemoteAppProps } from '@bianmin/frontend-kit';
import { RemoteUiProvider, remoteUiLabels } from '@bianmin/frontend-kit/react';
import { AffairsContext, normalizeBasePath, type AffairsContextValue } from '../app/affairs-context';
import { AffairsNav } from '../app/AffairsNav';
import { AffairsRoutes } from '../app/AffairsRoutes';
import { withAffairsCachePolicies } from '../app/apollo-cache';
import { SignInGate } from '../app/SignInGate';
import { createAffairsI18n } from '../i18n/i18n';
import '../styles.css';

/**
 * The one module this remote exposes (`affairs/App`). It renders inside the shell's React tree,
 * router and antd ConfigProvider (all shared singletons) and brings its own Apollo Client and
 * i18next instance. Everything here is personal: every page needs sign-in.
 */
export default function AffairsApp({ basePath, locale, elderly, gatewayUrl, auth }: RemoteAppProps) {
  const session = auth ?? SIGNED_OUT_AUTH;
  const [i18n] = useState(() => createAffairsI18n(locale));
  const { t } = useTranslation(undefined, { i18n });
  const uiLabels = useMemo(() => remoteUiLabels(t), [t]);
  // The shell's access token goes with every request; Accept-Language makes the server's labels
  // and messages (state names, refusals, rule explanations) come back in the UI language.
  const client = withAffairsCachePolicies(
    createApolloClient(gatewayUrl, {
      getAccessToken: session.getAccessToken,
      getLocale: () => (i18n.language === 'en' ? 'en' : 'zh-CN'),
    }),
  );

  // Before paint, so a language switch never shows a frame of mixed languages.
  useLayoutEffect(() => {
    if (i18n.language !== locale) void i18n.changeLanguage(locale);
  }, [i18n, locale]);

  // Labels from the server are in the language they were fetched in: fetch again after a switch.
  const [fetchedIn, setFetchedIn] = useState(locale);
  useEffect(() => {
    if (fetchedIn === locale) return;
    void client
      .refetchQueries({ include: 'active' })
      .catch(() => undefined)
      .finally(() => setFetchedIn(locale));
  }, [client, locale, fetchedIn]);

  // Personal data must not outlive the session in this tab.
  useEffect(() => {
    if (!session.signedIn) void client.clearStore().catch(() => undefined);
  }, [client, session.signedIn]);

  const context = useMemo<AffairsContextValue>(
    () => ({ basePath: normalizeBasePath(basePath), locale, elderly, auth: session }),
    [basePath, locale, elderly, session],
  );

  return (
    <ApolloProvider client={client}>
      <I18nextProvider i18n={i18n}>
        <AffairsContext.Provider value={context}>
          <RemoteUiProvider classPrefix="aff" labels={uiLabels}>
            <div
              className={elderly ? 'aff-root aff-root--elderly' : 'aff-root'}
              lang={locale}
              data-testid="affairs-app"
            >
              <SignInGate>
                <AffairsNav />
                <AffairsRoutes />
              </SignInGate>
            </div>
          </RemoteUiProvider>
        </AffairsContext.Provider>
      </I18nextProvider>
    </ApolloProvider>
  );
}
