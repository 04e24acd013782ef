import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityGranteeDirectory } from './grantee-directory.js';

// Identity's public `organization(code)` as a real HTTP server would answer it.
let server: Server;
let url: string;
beforeAll(async () => {
  server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += String(chunk);
    const { variables } = JSON.parse(body) as { variables: { code: string } };
    const organizations: Record<string, string> = { MZ: 'DEPARTMENT', PC1: 'PARTNER' };
    if (variables.code === 'BOOM') return res.writeHead(500).end();
    const kind = organizations[variables.code];
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ data: { organization: kind ? { code: variables.code, kind } : null } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the grantee directory (identity organizations)', () => {
  it('knows departments, refuses other organizations and unknown codes, and says when it cannot tell', async () => {
    const directory = identityGranteeDirectory({ url });
    expect(await directory.department('MZ')).toBe('DEPARTMENT');
    expect(await directory.department('PC1')).toBe('NOT_A_DEPARTMENT');
    expect(await directory.department('XX')).toBe('NOT_A_DEPARTMENT');
    expect(await directory.department('BOOM')).toBe('UNAVAILABLE');
    expect(await identityGranteeDirectory({ url: 'http://127.0.0.1:9/graphql' }).department('MZ')).toBe(
      'UNAVAILABLE',
    );
  });
});
