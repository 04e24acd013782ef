import { ApolloProvider } from '@apollo/client/react';
import { useLayoutEffect, useMemo, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { createApolloClient, type RemoteAppProps } from '@bianmin/frontend-kit';
import { RemoteUiProvider, remoteUiLabels } from '@bianmin/frontend-kit/react';
import { normalizeBasePath, ServicesContext, type ServicesContextValue } from '../app/services-context';
import { ServicesRoutes } from '../app/ServicesRoutes';
import { createServicesI18n } from '../i18n/i18n';
import '../styles.css';

/**
 * The one module this remote exposes (`services/App`). It renders inside the shell's React tree,
 * router and antd ConfigProvider (all shared singletons) and brings its own Apollo Client and
 * i18next instance.
 */
export default function ServicesApp({ basePath, locale, elderly, gatewayUrl, auth }: RemoteAppProps) {
  // The shell's session: its access token goes with every request (absent standalone: anonymous).
  const [i18n] = useState(() => createServicesI18n(locale));
  const { t } = useTranslation(undefined, { i18n });
  const uiLabels = useMemo(() => remoteUiLabels(t), [t]);
  // Accept-Language follows the UI language, so the catalog's messages (e.g. a bad search) match it.
  const client = createApolloClient(gatewayUrl, {
    getAccessToken: auth?.getAccessToken,
    getLocale: () => (i18n.language === 'en' ? 'en' : 'zh-CN'),
  });

  // Before paint, so a language switch never shows a frame of mixed languages.
  useLayoutEffect(() => {
    if (i18n.language !== locale) void i18n.changeLanguage(locale);
  }, [i18n, locale]);

  const context = useMemo<ServicesContextValue>(
    () => ({ basePath: normalizeBasePath(basePath), locale, elderly }),
    [basePath, locale, elderly],
  );

  return (
    <ApolloProvider client={client}>
      <I18nextProvider i18n={i18n}>
        <ServicesContext.Provider value={context}>
          <RemoteUiProvider classPrefix="svc" labels={uiLabels}>
            <div
              className={elderly ? 'svc-root svc-root--elderly' : 'svc-root'}
              lang={locale}
              data-testid="services-app"
            >
              <ServicesRoutes />
            </div>
          </RemoteUiProvider>
        </ServicesContext.Provider>
      </I18nextProvider>
    </ApolloProvider>
  );
}
