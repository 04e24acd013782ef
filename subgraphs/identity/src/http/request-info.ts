import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import { IDENTITY_HEADER, verifyInternalIdentity } from '@bianmin/kit';

/** What sign-in needs to know about the HTTP request beyond kit's context. */
export interface RequestInfo {
  /** The client's IP address, when known. */
  ip: string | null;
  /**
   * `forwarded`: the client IP the gateway signed into the identity header (it cannot be forged:
   * a raw X-Forwarded-For from a caller is never trusted here); `socket`: the TCP peer, which
   * behind the gateway is the gateway itself, so per-IP limits apply only to `forwarded`.
   */
  ipSource: 'forwarded' | 'socket' | null;
  userAgent: string | null;
}

const NONE: RequestInfo = Object.freeze({ ip: null, ipSource: null, userAgent: null });
const storage = new AsyncLocalStorage<RequestInfo>();

function clean(ip: string | undefined): string | null {
  if (!ip) return null;
  const plain = ip.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  return isIP(plain) ? plain : null;
}

export function requestInfoOf(req: IncomingMessage, secret: string): RequestInfo {
  const header = req.headers[IDENTITY_HEADER];
  const verified = typeof header === 'string' ? verifyInternalIdentity(header, secret) : null;
  const forwarded = verified?.ok ? clean(verified.clientIp) : null;
  const socket = clean(req.socket.remoteAddress);
  const agent = req.headers['user-agent'];
  return {
    ip: forwarded ?? socket,
    ipSource: forwarded ? 'forwarded' : socket ? 'socket' : null,
    userAgent: typeof agent === 'string' && agent.length > 0 ? agent.slice(0, 256) : null,
  };
}

/** The current request's info (inside `withRequestInfo` or a request to a tracked server). */
export function currentRequestInfo(): RequestInfo {
  return storage.getStore() ?? NONE;
}

/** Run `fn` as if serving a request with this info (tests, and the server hook below). */
export function withRequestInfo<T>(info: Partial<RequestInfo>, fn: () => T): T {
  return storage.run({ ...NONE, ...info }, fn);
}

/**
 * kit's subgraph context carries no HTTP request, so the identity server keeps each request's
 * client address and user agent in AsyncLocalStorage for the resolvers it leads to. (If kit's
 * context grows a `request` field, this hook can go.)
 */
export function trackRequestInfo(server: Server, secret: string): void {
  type Listener = (req: IncomingMessage, res: ServerResponse) => void;
  const listeners = server.listeners('request') as Listener[];
  server.removeAllListeners('request');
  for (const listener of listeners) {
    server.on('request', (req: IncomingMessage, res: ServerResponse) =>
      storage.run(requestInfoOf(req, secret), () => listener.call(server, req, res)),
    );
  }
}
