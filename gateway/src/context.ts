import type { IncomingMessage } from 'node:http';
import { DEV_ROLES_HEADER, type Logger } from '@bianmin/kit';

/** What the gateway keeps per request. */
export interface GatewayContext {
  requestId: string;
  log: Logger;
  /** Headers passed on to every subgraph fetch made for this request. */
  forwardedHeaders: Record<string, string>;
}

export interface ContextOptions {
  log: Logger;
  /** In production the development roles header is dropped, never forwarded. */
  production: boolean;
}

function header(req: IncomingMessage, name: string, maxLength: number): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' && value.length > 0 ? value.slice(0, maxLength) : undefined;
}

/**
 * Build the request's context. `requestId` is the incoming `x-request-id` or a new one (kit's HTTP
 * server chooses it), so gateway and subgraph logs of one request share an id.
 */
export function createContext(
  req: IncomingMessage,
  requestId: string,
  options: ContextOptions,
): GatewayContext {
  const forwardedHeaders: Record<string, string> = { 'x-request-id': requestId };
  const language = header(req, 'accept-language', 256);
  if (language) forwardedHeaders['accept-language'] = language;
  if (!options.production) {
    // A development stand-in for sign-in; identity will replace it with verified claims.
    const roles = header(req, DEV_ROLES_HEADER, 512);
    if (roles) forwardedHeaders[DEV_ROLES_HEADER] = roles;
  }
  return { requestId, log: options.log.child({ requestId }), forwardedHeaders };
}
