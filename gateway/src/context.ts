import type { IncomingMessage } from 'node:http';
import { HeaderMap } from '@apollo/server';
import { ErrorCode, IDENTITY_HEADER, signInternalIdentity, type Identity, type Logger } from '@bianmin/kit';
import { GraphQLError } from 'graphql';
import { identityFromRequest, type TokenKeys } from './auth.js';
import { rateLimitOf, type ClientRateLimiter } from './client-rate-limit.js';
import type { RevokedSessions } from './revoked-sessions.js';

/** What the gateway keeps per request. */
export interface GatewayContext {
  requestId: string;
  log: Logger;
  /** The verified caller (anonymous without a token). */
  identity: Identity;
  /** Headers passed on to every subgraph fetch made for this request. */
  forwardedHeaders: Record<string, string>;
}

export interface ContextOptions {
  log: Logger;
  keys: TokenKeys;
  /** Sessions identity has revoked: their still-valid tokens are refused. */
  revokedSessions?: Pick<RevokedSessions, 'has'>;
  /** The secret shared with subgraphs for the signed identity header. */
  internalSecret: string;
  /** Take the client IP from X-Forwarded-For (behind a trusted load balancer) instead of the socket. */
  trustProxy?: boolean;
  /** Counts partner clients' requests; without it, partner clients are not limited. */
  clientLimiter?: ClientRateLimiter;
  /** The limit for a client token without a `rate:<n>` scope. */
  defaultClientRateLimit?: number;
}

/** The caller's IP: the socket peer, or the first X-Forwarded-For entry behind a trusted proxy. */
export function clientIpOf(req: IncomingMessage, trustProxy: boolean): string | undefined {
  const forwarded = trustProxy ? header(req, 'x-forwarded-for', 512)?.split(',')[0]?.trim() : undefined;
  return forwarded || req.socket.remoteAddress || undefined;
}

function header(req: IncomingMessage, name: string, maxLength: number): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' && value.length > 0 ? value.slice(0, maxLength) : undefined;
}

/**
 * Build the request's context. `requestId` is the incoming `x-request-id` or a new one (kit's HTTP
 * server chooses it), so gateway and subgraph logs of one request share an id. The verified
 * identity travels to subgraphs as a signed, short-lived header — never the caller's own token.
 */
export async function createContext(
  req: IncomingMessage,
  requestId: string,
  options: ContextOptions,
): Promise<GatewayContext> {
  const identity = await identityAndLimits(req, options);
  const forwardedHeaders: Record<string, string> = {
    'x-request-id': requestId,
    [IDENTITY_HEADER]: signInternalIdentity(identity, options.internalSecret, {
      requestId,
      clientIp: clientIpOf(req, options.trustProxy ?? false),
    }),
  };
  const language = header(req, 'accept-language', 256);
  if (language) forwardedHeaders['accept-language'] = language;
  // Shown in the account's list of active sessions; informational, so it need not be signed.
  const agent = header(req, 'user-agent', 256);
  if (agent) forwardedHeaders['user-agent'] = agent;
  return { requestId, log: options.log.child({ requestId }), identity, forwardedHeaders };
}

/**
 * The caller's verified identity, after the partner rate limit: throws the 401 of a bad token or
 * the 429 of a partner client over its limit, as GraphQL errors Apollo Server sends as they are.
 */
export async function identityAndLimits(
  req: IncomingMessage,
  options: Pick<ContextOptions, 'keys' | 'revokedSessions' | 'clientLimiter' | 'defaultClientRateLimit'>,
): Promise<Identity> {
  const identity = await identityFromRequest(req, options.keys, options.revokedSessions);
  if (identity.clientId && options.clientLimiter) {
    const limit = rateLimitOf(identity.scopes, options.defaultClientRateLimit ?? 600);
    const taken = options.clientLimiter.take(identity.clientId, limit);
    if (!taken.allowed) throw rateLimited(taken.retryAfterSeconds, limit);
  }
  return identity;
}

/** 429 for a partner client over its per-minute limit; `Retry-After` says when the window resets. */
function rateLimited(retryAfterSeconds: number, limit: number): GraphQLError {
  return new GraphQLError(
    `Rate limit of ${limit} requests per minute exceeded; retry after ${retryAfterSeconds} s.`,
    {
      extensions: {
        code: ErrorCode.RATE_LIMITED,
        retryAfterSeconds,
        http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
      },
    },
  );
}
