import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import {
  LoadingBlock,
  LoadMore,
  PageHeading,
  QueryError,
  REMOTE_UI_KEYS,
  RemoteUiProvider,
  remoteUiLabels,
  SignInGate,
} from '.';

/** A stand-in for a remote's `t`: the key and its options, so the test sees what was asked. */
const t = (key: string, options?: Record<string, unknown>) =>
  options ? `${key}${JSON.stringify(options)}` : key;

const render = (node: ReactNode) =>
  renderToStaticMarkup(
    <MemoryRouter>
      <RemoteUiProvider classPrefix="svc" labels={remoteUiLabels(t)}>
        {node}
      </RemoteUiProvider>
    </MemoryRouter>,
  );

const connection = (shown: number, total: number, hasNextPage: boolean) => ({
  totalCount: total,
  edges: Array.from({ length: shown }, () => ({})),
  pageInfo: { hasNextPage, endCursor: hasNextPage ? 'c' : null },
});
const paging = { loadMore: () => undefined, loadingMore: false, failed: false };

describe('remoteUiLabels', () => {
  it("reads the remote's own keys, passing counts to the ones that need them", () => {
    const labels = remoteUiLabels(t);
    expect(labels.loading).toBe('common.loading');
    expect(labels.breadcrumb).toBe('app.breadcrumb');
    expect(labels.showing(20, 57)).toBe('common.showing{"shown":20,"total":57}');
    expect(labels.allLoaded(57)).toBe('common.allLoaded{"count":57}');
    expect(REMOTE_UI_KEYS).toContain('errors.unavailableBody');
    expect(REMOTE_UI_KEYS).toHaveLength(14);
  });
});

describe('the components', () => {
  it("use the remote's class prefix and the test ids the journeys rely on", () => {
    const html = render(<LoadingBlock cards={2} />);
    expect(html).toContain('class="svc-loading" role="status" aria-live="polite" data-testid="loading"');
    expect(html).toContain('<span class="svc-visually-hidden">common.loading</span>');
    expect(html).toContain('class="svc-card svc-card--skeleton"');
  });

  it('show a retry button for an unreachable gateway, and the server’s words for bad input', () => {
    const network = render(<QueryError error={new TypeError('Failed to fetch')} onRetry={() => undefined} />);
    expect(network).toContain('data-testid="query-error" class="svc-panel"');
    expect(network).toContain('errors.networkTitle');
    expect(network).toContain('data-testid="query-retry"');
    expect(render(<QueryError error={new TypeError('Failed to fetch')} />)).not.toContain('query-retry');
  });

  it('offer the next page only while there is one', () => {
    const more = render(<LoadMore connection={connection(20, 57, true)} paging={paging} />);
    expect(more).toContain('common.showing{&quot;shown&quot;:20,&quot;total&quot;:57}');
    expect(more).toContain('data-testid="load-more"');
    const all = render(<LoadMore connection={connection(57, 57, false)} paging={paging} />);
    expect(all).toContain('common.allLoaded{&quot;count&quot;:57}');
    expect(all).not.toContain('data-testid="load-more"');
  });

  it('leave out the breadcrumb when there is no trail, and mark the current page', () => {
    expect(render(<PageHeading title="T" />)).toBe('<header class="svc-page-heading"><h1>T</h1></header>');
    const html = render(
      <PageHeading
        title="T"
        crumbs={[{ label: 'Home', to: '/' }, { label: 'Here' }]}
        lead="L"
        leadLang="zh-CN"
      />,
    );
    expect(html).toContain('<nav aria-label="app.breadcrumb" class="svc-breadcrumb">');
    expect(html).toContain('<span aria-current="page">Here</span>');
    expect(html).toContain('<p class="svc-lead" lang="zh-CN">L</p>');
  });

  it('refuse to render without a RemoteUiProvider', () => {
    expect(() => renderToStaticMarkup(<LoadingBlock />)).toThrow(/RemoteUiProvider/);
  });
});

describe('SignInGate', () => {
  const text = { checking: '正在确认登录状态', title: '请先登录', body: '需要登录', action: '去登录' };
  const auth = (signedIn: boolean) => ({
    signedIn,
    getAccessToken: () => Promise.resolve(signedIn ? 'token' : null),
    requireSignIn: () => undefined,
  });

  it('shows the page to a signed-in person', () => {
    const html = render(
      <SignInGate auth={auth(true)} text={text}>
        <p>我的证照</p>
      </SignInGate>,
    );
    expect(html).toContain('我的证照');
    expect(html).not.toContain('正在确认登录状态');
  });

  it('checks the session before saying anything else, and shows nothing personal meanwhile', () => {
    const html = render(
      <SignInGate auth={auth(false)} text={text}>
        <p>我的证照</p>
      </SignInGate>,
    );
    expect(html).toContain('正在确认登录状态');
    expect(html).not.toContain('我的证照');
  });
});
