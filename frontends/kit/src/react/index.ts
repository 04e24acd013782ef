// React pieces every remote renders the same way (antd, react-router). A subpath of its own: the
// kit's main entry stays free of React and antd, for the shell's server and plain TypeScript.
export {
  REMOTE_UI_KEYS,
  RemoteUiProvider,
  remoteUiLabels,
  useRemoteUi,
  type RemoteUiLabels,
  type Translate,
} from './remote-ui';
export { useDocumentTitle } from './document-title';
export { LoadingBlock, QueryError, type QueryErrorProps } from './query-status';
export { LoadMore } from './load-more';
export { usePagedConnection, type PagedConnection, type Paging } from './paged-connection';
export { PageHeading, type Crumb, type PageHeadingProps } from './page-heading';
export { SignInGate, type SignInGateProps } from './sign-in-gate';
