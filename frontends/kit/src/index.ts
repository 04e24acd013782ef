export { createApolloClient, createCatalogCache } from './apollo-client';
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
