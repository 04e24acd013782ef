import { ApolloProvider } from '@apollo/client/react';
import { useEffect, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { createApolloClient, SIGNED_OUT_AUTH, type RemoteAppProps } from '@bianmin/frontend-kit';
import { RemoteUiProvider, remoteUiLabels } from '@bianmin/frontend-kit/react';
import { createLicencesI18n } from '../i18n/i18n';
import { withLicencesCachePolicies } from './apollo-cache';
import { LicencesContext, normalizeBasePath, type LicencesContextValue } from './licences-context';
import '../styles.css';

interface Props extends RemoteAppProps {
  /** The wallet holds personal data: its cache is emptied when the session ends. */
  personal: boolean;
  /** i18n key of what follows each page's name in the browser tab. */
  titleSuffixKey: string;
  testId: string;
  children: ReactNode;
}

/**
 * What both exposed modules (`./App`, `./Verify`) render inside: the remote's own Apollo Client
 * and i18next instance, the kit's UI labels and class prefix (`lic`), and the root element with
 * the elderly mode's class. They render inside the shell's React tree, router and antd
 * ConfigProvider (shared singletons).
 */
export function RemoteFrame({
  basePath,
  locale,
  elderly,
  gatewayUrl,
  auth,
  personal,
  titleSuffixKey,
  testId,
  children,
}: Props) {
  const session = auth ?? SIGNED_OUT_AUTH;
  const [i18n] = useState(() => createLicencesI18n(locale));
  const { t } = useTranslation(undefined, { i18n });
  const uiLabels = useMemo(
    () => ({ ...remoteUiLabels(t), titleSuffix: t(titleSuffixKey) }),
    [t, titleSuffixKey],
  );
  // The shell's access token goes with every request (the public verify queries need none and work
  // without); Accept-Language brings the server's labels and messages in the UI language.
  const client = withLicencesCachePolicies(
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

  // Licences and grants must not outlive the session in this tab.
  useEffect(() => {
    if (personal && !session.signedIn) void client.clearStore().catch(() => undefined);
  }, [client, personal, session.signedIn]);

  const context = useMemo<LicencesContextValue>(
    () => ({ basePath: normalizeBasePath(basePath), locale, elderly, auth: session }),
    [basePath, locale, elderly, session],
  );

  return (
    <ApolloProvider client={client}>
      <I18nextProvider i18n={i18n}>
        <LicencesContext.Provider value={context}>
          <RemoteUiProvider classPrefix="lic" labels={uiLabels}>
            <div
              className={elderly ? 'lic-root lic-root--elderly' : 'lic-root'}
              lang={locale}
              data-testid={testId}
            >
              {children}
            </div>
          </RemoteUiProvider>
        </LicencesContext.Provider>
      </I18nextProvider>
    </ApolloProvider>
  );
}
