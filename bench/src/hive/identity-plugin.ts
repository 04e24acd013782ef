import {
  ANONYMOUS_IDENTITY,
  IDENTITY_HEADER,
  loadOrCreateKeyFile,
  publicJwks,
  signInternalIdentity,
  verifyAccessToken,
  type Identity,
} from '@bianmin/kit';
import type { GatewayPlugin } from '@graphql-hive/gateway';

/**
 * What our gateway does for every request, as a Hive Gateway plugin, so that the peer can serve
 * the same signed-in operations: verify `Authorization: Bearer <access token>` against the
 * identity service's public keys and pass the verified identity to every subgraph fetch in the
 * HMAC-signed `x-bianmin-identity` header (kit's `signInternalIdentity`). Verified once per
 * request. A token that does not verify fails the request's subgraph fetches (our gateway
 * answers 401 instead; no request of the benchmark carries one).
 */
export function useBianminIdentity(options: { keyFile: string; internalSecret: string }): GatewayPlugin {
  const jwks = loadOrCreateKeyFile(options.keyFile).then(publicJwks);
  const signedHeaders = new WeakMap<Request, Promise<string>>();

  async function identityOf(request: Request): Promise<Identity> {
    const match = /^Bearer\s+([A-Za-z0-9._~+/=-]{10,4096})$/.exec(request.headers.get('authorization') ?? '');
    if (!match) return ANONYMOUS_IDENTITY;
    const verified = await verifyAccessToken(await jwks, match[1]!);
    if (!verified.ok) throw new Error(`access token refused: ${verified.problem}`);
    return verified.identity;
  }

  const signedHeaderOf = (request: Request) => {
    let header = signedHeaders.get(request);
    if (!header) {
      header = identityOf(request).then((identity) => signInternalIdentity(identity, options.internalSecret));
      signedHeaders.set(request, header);
    }
    return header;
  };

  return {
    async onFetch({ context, options: init, setOptions }) {
      // Fetches without a client request (the supergraph, health probes) carry no identity.
      // (Hive's Request is the whatwg-node ponyfill's, not always the global class.)
      const request = (context as { request?: Request }).request;
      if (!request?.headers) return;
      const headers = new Headers(init.headers as HeadersInit | undefined);
      headers.set(IDENTITY_HEADER, await signedHeaderOf(request));
      setOptions({ ...init, headers: Object.fromEntries(headers) });
    },
  };
}
