import { signInternalIdentity, verifyInternalIdentity } from '@bianmin/kit';
import { afterEach, describe, expect, it } from 'vitest';
import { capturingLogger, startFixture, TEST_INTERNAL_SECRET, type Fixture } from './fixtures.js';

let fixture: Fixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

describe('error masking', () => {
  it('replaces an unexpected subgraph error with the request id, and logs the real one with that id', async () => {
    const { log, lines } = capturingLogger();
    fixture = await startFixture({ log });
    const { status, requestId, body } = await fixture.query('{ boom products { id } }', {
      'x-request-id': 'req-42',
    });

    expect(status).toBe(200);
    expect(requestId).toBe('req-42');
    expect(body.data).toEqual({ boom: null, products: [{ id: 'p1' }, { id: 'p2' }] });
    expect(body.errors).toEqual([
      {
        message: 'Internal error (request id req-42).',
        path: ['boom'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-42' },
      },
    ]);
    expect(JSON.stringify(body)).not.toContain('secret');

    const logged = lines.find((line) => line.msg === 'unexpected error masked');
    expect(logged).toMatchObject({ requestId: 'req-42', level: 50 });
    expect(JSON.stringify(logged)).toContain('postgres://admin:secret@db');
  });

  it('passes errors with a public code through unchanged', async () => {
    fixture = await startFixture();
    const { body } = await fixture.query('{ badInput }');
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: '`first` must be between 1 and 50.',
        path: ['badInput'],
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      }),
    ]);
  });
});

describe('headers forwarded to subgraphs', () => {
  const QUERY = '{ seenHeaders { requestId acceptLanguage identity } }';
  const HEADERS = { 'x-request-id': 'req-7', 'accept-language': 'en-US,en;q=0.8' };
  type Seen = { seenHeaders: { requestId: string; acceptLanguage: string; identity: string } };

  it('forwards the request id, accept-language and a signed anonymous identity', async () => {
    fixture = await startFixture();
    const { body } = await fixture.query(QUERY, HEADERS);
    const seen = (body.data as Seen).seenHeaders;
    expect(seen).toMatchObject({ requestId: 'req-7', acceptLanguage: 'en-US,en;q=0.8' });
    const verified = verifyInternalIdentity(seen.identity, TEST_INTERNAL_SECRET);
    expect(verified).toEqual({ ok: true, identity: { accountId: null, roles: [] }, clientIp: '127.0.0.1' });
  });

  it('never passes a client-supplied identity header through', async () => {
    fixture = await startFixture();
    const forged = signInternalIdentity(
      { accountId: 'admin', roles: ['administrator'] },
      'guessed-secret-guessed-secret-000000',
    );
    const { body } = await fixture.query(QUERY, { ...HEADERS, 'x-bianmin-identity': forged });
    const seen = (body.data as Seen).seenHeaders;
    expect(seen.identity).not.toBe(forged);
    expect(verifyInternalIdentity(seen.identity, TEST_INTERNAL_SECRET)).toMatchObject({
      ok: true,
      identity: { roles: [] },
    });
  });

  it('gives a request without an id a fresh one, the same in the response and upstream', async () => {
    fixture = await startFixture();
    const { body, requestId } = await fixture.query(QUERY);
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.data).toMatchObject({ seenHeaders: { requestId } });
  });
});

describe('production mode', () => {
  it('refuses introspection', async () => {
    fixture = await startFixture({ env: { NODE_ENV: 'production' } });
    const { status, body } = await fixture.query('{ __schema { queryType { name } } }');
    expect(status).toBe(400);
    expect(body.errors?.[0]?.message).toMatch(/introspection is not allowed/i);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('allows introspection in development', async () => {
    fixture = await startFixture();
    const { body } = await fixture.query('{ __schema { queryType { name } } }');
    expect(body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('hides field suggestions in production only', async () => {
    fixture = await startFixture({ env: { NODE_ENV: 'production' } });
    const prod = await fixture.query('{ prodcts { id } }');
    expect(prod.body.errors?.[0]?.message).toMatch(/Cannot query field "prodcts"/);
    expect(prod.body.errors?.[0]?.message).not.toMatch(/Did you mean/);
    await fixture.close();

    fixture = await startFixture();
    const dev = await fixture.query('{ prodcts { id } }');
    expect(dev.body.errors?.[0]?.message).toMatch(/Did you mean "products"/);
  });

  it('serves the landing page in development and none in production', async () => {
    fixture = await startFixture();
    const dev = await fetch(`${fixture.base}/graphql`, { headers: { accept: 'text/html' } });
    expect(dev.status).toBe(200);
    expect(dev.headers.get('content-type')).toMatch(/text\/html/);
    await dev.text();
    await fixture.close();

    fixture = await startFixture({ env: { NODE_ENV: 'production' } });
    const prod = await fetch(`${fixture.base}/graphql`, { headers: { accept: 'text/html' } });
    expect(prod.headers.get('content-type')).not.toMatch(/text\/html/);
    await prod.text();
  });
});
