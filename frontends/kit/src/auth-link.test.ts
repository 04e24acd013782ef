import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { ServerError } from '@apollo/client/errors';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApolloClient } from './apollo-client';
import { createAuthLink, isSessionRefusal, type AuthLinkOptions } from './auth-link';
import type { AccessTokenRequest } from './auth';

const ME = gql`
  query Me {
    me {
      id
    }
  }
`;

/**
 * A stand-in for the gateway, over real HTTP: `fresh` is a valid token, `stale` an expired one.
 * It answers a refused token the way the gateway does: 401 + UNAUTHENTICATED/TOKEN_EXPIRED, as
 * `application/graphql-response+json` or, in `json` mode, as plain `application/json`.
 */
const seen: { authorization: string | undefined; language: string | undefined }[] = [];
let mediaType: 'application/graphql-response+json' | 'application/json' = 'application/graphql-response+json';
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    seen.push({ authorization: req.headers.authorization, language: req.headers['accept-language'] });
    const token = req.headers.authorization?.replace(/^Bearer /, '');
    let status = 200;
    let body: unknown = { data: { me: token === 'fresh' ? { __typename: 'Account', id: 'a1' } : null } };
    if (token && token !== 'fresh') {
      status = 401;
      body = {
        errors: [
          {
            message: 'The access token has expired; refresh the session.',
            extensions: { code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' },
          },
        ],
      };
    }
    res.writeHead(status, { 'content-type': `${mediaType}; charset=utf-8` });
    res.end(JSON.stringify(body));
  });
});
let uri = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  uri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen.length = 0;
  mediaType = 'application/graphql-response+json';
});

function clientWith(options: AuthLinkOptions) {
  return new ApolloClient({
    link: ApolloLink.from([createAuthLink(options), new HttpLink({ uri })]),
    cache: new InMemoryCache(),
  });
}

/** A session whose first token is stale and whose refresh yields `refreshed`. */
function tokens(refreshed: string | null) {
  return vi.fn(async (request?: AccessTokenRequest) => (request?.rejected ? refreshed : 'stale'));
}

describe('createAuthLink', () => {
  it('sends the bearer token and the UI language', async () => {
    const client = clientWith({ getAccessToken: async () => 'fresh', getLocale: () => 'en' });
    const { data } = await client.query({ query: ME, fetchPolicy: 'network-only' });
    expect(data).toEqual({ me: { __typename: 'Account', id: 'a1' } });
    expect(seen).toEqual([{ authorization: 'Bearer fresh', language: 'en' }]);
  });

  it('sends no Authorization header when nobody is signed in', async () => {
    const client = clientWith({ getAccessToken: async () => null });
    const { data } = await client.query({ query: ME, fetchPolicy: 'network-only' });
    expect(data).toEqual({ me: null });
    expect(seen[0]?.authorization).toBeUndefined();
  });

  it.each(['application/graphql-response+json', 'application/json'] as const)(
    'refreshes once on TOKEN_EXPIRED (%s) and retries with the new token',
    async (type) => {
      mediaType = type;
      const getAccessToken = tokens('fresh');
      const onUnauthenticated = vi.fn();
      const client = clientWith({ getAccessToken, onUnauthenticated });
      const { data } = await client.query({ query: ME, fetchPolicy: 'network-only' });
      expect(data).toEqual({ me: { __typename: 'Account', id: 'a1' } });
      expect(getAccessToken.mock.calls).toEqual([[undefined], [{ rejected: 'stale' }]]);
      expect(seen.map((s) => s.authorization)).toEqual(['Bearer stale', 'Bearer fresh']);
      expect(onUnauthenticated).not.toHaveBeenCalled();
    },
  );

  it('when the session cannot be refreshed: onUnauthenticated, then the operation as anonymous', async () => {
    const onUnauthenticated = vi.fn();
    const client = clientWith({ getAccessToken: tokens(null), onUnauthenticated });
    const { data } = await client.query({ query: ME, fetchPolicy: 'network-only' });
    expect(data).toEqual({ me: null });
    expect(seen.map((s) => s.authorization)).toEqual(['Bearer stale', undefined]);
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });

  it('does not send a mutation again without a token: the refusal goes to the caller', async () => {
    const onUnauthenticated = vi.fn();
    const client = clientWith({ getAccessToken: tokens(null), onUnauthenticated });
    const failure = await client
      .mutate({
        mutation: gql`
          mutation Change {
            changePassword {
              ok
            }
          }
        `,
      })
      .catch((e: unknown) => e);
    expect(isSessionRefusal(failure)).toBe(true);
    expect(seen).toHaveLength(1);
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });

  it('retries only once when the new token is refused too', async () => {
    mediaType = 'application/json';
    const onUnauthenticated = vi.fn();
    const client = clientWith({ getAccessToken: tokens('also-stale'), onUnauthenticated });
    const failure = await client.query({ query: ME, fetchPolicy: 'network-only' }).catch((e: unknown) => e);
    expect(ServerError.is(failure) && failure.statusCode).toBe(401);
    expect(isSessionRefusal(failure)).toBe(true);
    expect(seen.map((s) => s.authorization)).toEqual(['Bearer stale', 'Bearer also-stale']);
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });

  it('fails the operation when the token cannot be had (refresh unreachable)', async () => {
    const client = clientWith({ getAccessToken: () => Promise.reject(new Error('offline')) });
    const failure = await client.query({ query: ME, fetchPolicy: 'network-only' }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ message: 'offline' });
    expect(isSessionRefusal(failure)).toBe(false);
    expect(seen).toHaveLength(0);
  });
});

describe('createApolloClient', () => {
  it('keeps one client per URL and uses the latest auth options', async () => {
    const first = createApolloClient(uri);
    const second = createApolloClient(uri, { getAccessToken: async () => 'fresh' });
    expect(second).toBe(first);
    await second.query({ query: ME, fetchPolicy: 'network-only' });
    expect(seen[0]?.authorization).toBe('Bearer fresh');
  });
});
