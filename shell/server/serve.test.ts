import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cacheControlFor,
  createShellServer,
  createStaticServer,
  resolveSafePath,
  servicesRemote,
} from './serve';

const root = mkdtempSync(path.join(tmpdir(), 'bianmin-serve-'));
mkdirSync(path.join(root, 'sub'));
writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>便民</title>');
writeFileSync(path.join(root, 'remoteEntry.js'), `var x = "办事服务";\n`.repeat(200));
writeFileSync(path.join(root, '123.abcdef12.js'), 'console.log(1)');

function listen(server: http.Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );
}

describe('resolveSafePath', () => {
  it('keeps every path inside the root', () => {
    expect(resolveSafePath(root, '/../../etc/passwd')).toBe(path.join(root, 'etc/passwd'));
    expect(resolveSafePath(root, '/..%2f..%2fetc%2fpasswd')).toBe(path.join(root, 'etc/passwd'));
    expect(resolveSafePath(root, '/a%00b')).toBeNull();
    expect(resolveSafePath(root, '/%E0%A4%A')).toBeNull();
  });
});

describe('cacheControlFor', () => {
  it('caches hashed chunks for a year and revalidates entry files', () => {
    expect(cacheControlFor('/x/123.abcdef12.js')).toContain('immutable');
    expect(cacheControlFor('/x/remoteEntry.js')).toBe('no-cache');
    expect(cacheControlFor('/x/index.html')).toBe('no-cache');
    expect(cacheControlFor('/x/main.js')).toBe('no-cache');
  });
});

describe('createStaticServer', () => {
  const server = createStaticServer({ root, spaFallback: true, cors: true });
  let base = '';
  beforeAll(async () => {
    base = await listen(server);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('serves text with charset=utf-8, CORS and gzip', async () => {
    const res = await fetch(`${base}/remoteEntry.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(await res.text()).toContain('办事服务');
  });

  it('answers 304 to a matching ETag', async () => {
    const first = await fetch(`${base}/123.abcdef12.js`);
    const etag = first.headers.get('etag') ?? '';
    const second = await fetch(`${base}/123.abcdef12.js`, { headers: { 'if-none-match': etag } });
    expect(second.status).toBe(304);
  });

  it('falls back to index.html for client routes but 404s missing assets', async () => {
    const page = await fetch(`${base}/services/items/GA-002`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect((await fetch(`${base}/missing.js`)).status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(405);
  });
});

describe('createShellServer', () => {
  const remotes = [servicesRemote('http://localhost:3001/remoteEntry.js')];
  const server = createShellServer({ distDir: root, gatewayUrl: 'http://gw/graphql', remotes });
  let base = '';
  beforeAll(async () => {
    base = await listen(server);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('serves /runtime-config.json from its arguments', async () => {
    const res = await fetch(`${base}/runtime-config.json`);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.json()).toEqual({ gatewayUrl: 'http://gw/graphql', remotes });
  });
});
