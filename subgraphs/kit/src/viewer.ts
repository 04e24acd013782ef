import type { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import { ANONYMOUS_IDENTITY, type Identity } from './auth/identity.js';
import { IDENTITY_HEADER, verifyInternalIdentity } from './auth/internal-token.js';
import { ErrorCode } from './errors.js';

/** Who is asking, as resolvers see it: the identity the gateway verified, or anonymous. */
export type Viewer = Identity;
export const ANONYMOUS: Viewer = ANONYMOUS_IDENTITY;

/**
 * Development-only stand-in for the secret the gateway and subgraphs share. Refused in production
 * (see `internalAuthSecret`), where INTERNAL_AUTH_SECRET must be set.
 */
export const DEV_INTERNAL_AUTH_SECRET = 'bianmin-development-only-internal-secret-0000';

/**
 * The viewer of a request that reached a subgraph. No identity header: anonymous (only `@public`
 * fields resolve). A header that does not verify: the whole request is refused with 401, so a
 * forged identity never reaches a resolver.
 */
export function viewerFromRequest(req: IncomingMessage | undefined, secret: string): Viewer {
  return callerFromRequest(req, secret).viewer;
}

/**
 * The viewer and the client IP the gateway vouched for. Without the gateway's header the IP is
 * the socket's peer (a direct caller on the internal network).
 */
export function callerFromRequest(
  req: IncomingMessage | undefined,
  secret: string,
): { viewer: Viewer; clientIp: string | null } {
  const header = req?.headers[IDENTITY_HEADER];
  if (header === undefined) return { viewer: ANONYMOUS, clientIp: req?.socket.remoteAddress ?? null };
  const verified = typeof header === 'string' ? verifyInternalIdentity(header, secret) : null;
  if (!verified?.ok) {
    throw new GraphQLError('The identity header is not valid; call this service through the gateway.', {
      extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
    });
  }
  return { viewer: verified.identity, clientIp: verified.clientIp ?? null };
}

export function hasRole(viewer: Viewer, role: string): boolean {
  return viewer.roles.includes(role);
}
