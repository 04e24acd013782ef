import { createContext, useContext, useMemo, type ReactNode } from 'react';

/**
 * What the kit's components say, in the remote's language. The kit owns no translations: each
 * remote gives its own words, usually `remoteUiLabels(t)` over its own i18next instance.
 */
export interface RemoteUiLabels {
  /** Announced while a skeleton stands in for content. */
  loading: string;
  retry: string;
  badInputTitle: string;
  unavailableTitle: string;
  unavailableBody: string;
  networkTitle: string;
  networkBody: string;
  /** "已显示 20 / 57 项" while there are more pages. */
  showing: (shown: number, total: number) => string;
  /** "已显示全部 57 项" once every page is in. */
  allLoaded: (total: number) => string;
  loadMore: string;
  loadingMore: string;
  loadMoreFailed: string;
  /** The accessible name of the breadcrumb (当前位置). */
  breadcrumb: string;
  /** After each page's name in the browser tab: "一网通办 · 便民". */
  titleSuffix: string;
}

/** A translate function such as i18next's `t`, from the remote's own instance. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

const KEYS = {
  loading: 'common.loading',
  retry: 'common.retry',
  badInputTitle: 'errors.badInputTitle',
  unavailableTitle: 'errors.unavailableTitle',
  unavailableBody: 'errors.unavailableBody',
  networkTitle: 'errors.networkTitle',
  networkBody: 'errors.networkBody',
  showing: 'common.showing',
  allLoaded: 'common.allLoaded',
  loadMore: 'common.loadMore',
  loadingMore: 'common.loadingMore',
  loadMoreFailed: 'common.loadMoreFailed',
  breadcrumb: 'app.breadcrumb',
  titleSuffix: 'app.titleSuffix',
} as const satisfies Record<keyof RemoteUiLabels, string>;

/**
 * The keys `remoteUiLabels` reads from a remote's resources (`common.showing` gets `shown` and
 * `total`, `common.allLoaded` gets `count`). A remote's locale test can check it has them all.
 */
export const REMOTE_UI_KEYS: readonly string[] = Object.values(KEYS);

/** The kit's words from the remote's own translations, under the keys every Bianmin remote has. */
export function remoteUiLabels(t: Translate): RemoteUiLabels {
  return {
    loading: t(KEYS.loading),
    retry: t(KEYS.retry),
    badInputTitle: t(KEYS.badInputTitle),
    unavailableTitle: t(KEYS.unavailableTitle),
    unavailableBody: t(KEYS.unavailableBody),
    networkTitle: t(KEYS.networkTitle),
    networkBody: t(KEYS.networkBody),
    showing: (shown, total) => t(KEYS.showing, { shown, total }),
    allLoaded: (count) => t(KEYS.allLoaded, { count }),
    loadMore: t(KEYS.loadMore),
    loadingMore: t(KEYS.loadingMore),
    loadMoreFailed: t(KEYS.loadMoreFailed),
    breadcrumb: t(KEYS.breadcrumb),
    titleSuffix: t(KEYS.titleSuffix),
  };
}

interface RemoteUi {
  labels: RemoteUiLabels;
  /** Class names in the remote's namespace: `cls('card', 'card--skeleton')` → `svc-card svc-card--skeleton`. */
  cls: (...names: string[]) => string;
}

const RemoteUiContext = createContext<RemoteUi | null>(null);

/**
 * Gives the kit's components the remote's class prefix (`svc`, `aff`: every class a remote's
 * stylesheet defines starts with it, so that styles injected into the shell's document never
 * collide) and its words. A remote wraps its whole tree in it, once.
 */
export function RemoteUiProvider({
  classPrefix,
  labels,
  children,
}: {
  classPrefix: string;
  labels: RemoteUiLabels;
  children: ReactNode;
}) {
  const value = useMemo<RemoteUi>(
    () => ({ labels, cls: (...names) => names.map((name) => `${classPrefix}-${name}`).join(' ') }),
    [classPrefix, labels],
  );
  return <RemoteUiContext.Provider value={value}>{children}</RemoteUiContext.Provider>;
}

export function useRemoteUi(): RemoteUi {
  const ui = useContext(RemoteUiContext);
  if (!ui) throw new Error('A @bianmin/frontend-kit/react component needs a RemoteUiProvider above it');
  return ui;
}
