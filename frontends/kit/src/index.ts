export { createApolloClient, createCatalogCache, type ApolloClientOptions } from './apollo-client';
export { createAuthLink, isSessionRefusal, type AuthLinkOptions } from './auth-link';
export {
  SIGNED_OUT_AUTH,
  tokenProblemOf,
  type AccessTokenRequest,
  type GetAccessToken,
  type RemoteAuth,
  type TokenProblem,
} from './auth';
export { describeQueryError, type QueryProblem } from './errors';
export { createAppI18n } from './i18n';
export {
  DEFAULT_LOCALE,
  LOCALES,
  isLocale,
  type Locale,
  type RemoteAppProps,
  type RemoteManifestEntry,
  type RuntimeConfig,
} from './contracts';
