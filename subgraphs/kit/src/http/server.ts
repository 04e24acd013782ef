import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { Logger } from '../logger.js';
import type { AdmissionControl } from './admission.js';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface HttpServerOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  /** Builds the per-request context; receives the request id chosen for this request. */
  context: (req: IncomingMessage, requestId: string) => Promise<TContext>;
  log: Logger;
  /** Extra routes (exact path match), e.g. `/healthz`, `/readyz`. */
  routes?: Record<string, RouteHandler>;
  graphqlPath?: string;
  /** Origins allowed by CORS; none means no CORS headers (same-origin only). */
  corsOrigins?: string[];
  maxBodyBytes?: number;
  /**
   * Shed load past capacity: GraphQL requests beyond what it admits get 503 with `Retry-After`
   * (an `UNAVAILABLE` error, `reason: OVERLOADED`) at once. Health and other routes are not counted.
   */
  admission?: AdmissionControl;
  /**
   * Runs after the body is read and before Apollo Server: answer the request itself (and return
   * true), or return false to let Apollo Server handle it. The gateway's response cache uses it to
   * send stored answers without running the GraphQL pipeline.
   */
  preHandler?: (req: IncomingMessage, res: ServerResponse, body: unknown) => Promise<boolean>;
}

export interface HttpServerHandle {
  server: Server;
  listen(port: number, host?: string): Promise<number>;
  /** Stop accepting, let in-flight requests finish (up to `graceMs`), then close sockets. */
  close(graceMs?: number): Promise<void>;
  /** True once `close` started: readiness reports 503 so a load balancer stops sending traffic. */
  readonly draining: boolean;
}

export class PayloadTooLargeError extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new PayloadTooLargeError(`request body over ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** 503 for a request shed by admission control: a GraphQL-shaped body and `Retry-After`. */
function sendOverloaded(res: ServerResponse, requestId: string, retryAfterSeconds: number) {
  sendJson(
    res,
    503,
    {
      errors: [
        {
          message: 'The service is busy right now. Please try again in a moment.',
          extensions: { code: 'UNAVAILABLE', reason: 'OVERLOADED', retryAfterSeconds, requestId },
        },
      ],
    },
    { 'retry-after': String(retryAfterSeconds), 'cache-control': 'no-store' },
  );
}

function applyCors(req: IncomingMessage, res: ServerResponse, origins: string[] | undefined): void {
  const origin = req.headers.origin;
  if (!origins?.length || !origin) return;
  if (!origins.includes('*') && !origins.includes(origin)) return;
  res.setHeader('access-control-allow-origin', origin);
  res.setHeader('vary', 'Origin');
  res.setHeader(
    'access-control-allow-headers',
    'content-type, authorization, apollographql-client-name, apollographql-client-version, x-request-id, x-apollo-operation-name, apollo-require-preflight, accept-language',
  );
  // PUT: file uploads straight from the browser to a subgraph's signed upload URL.
  res.setHeader('access-control-allow-methods', 'GET, POST, PUT, OPTIONS');
  res.setHeader('access-control-max-age', '600');
}

/**
 * A small node:http integration for Apollo Server 5 (it ships none besides `standalone`, which
 * cannot serve health routes). Shared by every subgraph and the gateway.
 */
export function createHttpServer<TContext extends BaseContext>(
  options: HttpServerOptions<TContext>,
): HttpServerHandle {
  const { apollo, log } = options;
  const graphqlPath = options.graphqlPath ?? '/graphql';
  const maxBody = options.maxBodyBytes ?? 1_000_000;
  let draining = false;

  const server = createServer(async (req, res) => {
    const requestId = (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID();
    res.setHeader('x-request-id', requestId);
    if (draining) res.setHeader('connection', 'close');
    applyCors(req, res, options.corsOrigins);
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (req.method === 'OPTIONS') {
        res.writeHead(204).end();
        return;
      }
      const route = options.routes?.[url.pathname];
      if (route) return await route(req, res);
      if (url.pathname !== graphqlPath) return sendJson(res, 404, { error: 'not found' });
      if (!options.admission) return await serveGraphQL(req, res, url, requestId);
      const release = await options.admission.enter();
      if (!release) return sendOverloaded(res, requestId, options.admission.retryAfterSeconds);
      try {
        // A client that gave up while queued gets nothing; its slot goes to the next one.
        if (!req.socket.destroyed) await serveGraphQL(req, res, url, requestId);
      } finally {
        release();
      }
    } catch (error) {
      if (error instanceof PayloadTooLargeError) {
        return sendJson(res, 413, {
          errors: [{ message: 'The request is too large.', extensions: { code: 'BAD_REQUEST' } }],
        });
      }
      log.error({ err: error, requestId }, 'unhandled HTTP error');
      if (!res.headersSent) {
        sendJson(res, 500, {
          errors: [
            {
              message: `Internal error (request id ${requestId}).`,
              extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
            },
          ],
        });
      } else res.end();
    }
  });

  async function serveGraphQL(req: IncomingMessage, res: ServerResponse, url: URL, requestId: string) {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown = undefined;
    if (req.method === 'POST') {
      const text = await readBody(req, maxBody);
      const type = headers.get('content-type') ?? '';
      if (type.startsWith('application/json') || type.startsWith('application/graphql-response+json')) {
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          return sendJson(res, 400, {
            errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }],
          });
        }
      } else {
        body = text;
      }
    }
    if (options.preHandler && (await options.preHandler(req, res, body))) return;
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: () => options.context(req, requestId),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    // A request that was already running when shutdown began closes its connection when done.
    if (draining) res.setHeader('connection', 'close');
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
    } else {
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    }
  }
  // Track requests per socket, so that draining can close each socket the moment it is idle
  // (Node's closeIdleConnections misses sockets that become idle after the call).
  const active = new Map<Socket, number>();
  server.on('connection', (socket) => {
    active.set(socket, 0);
    socket.on('close', () => active.delete(socket));
  });
  server.on('request', (req, res) => {
    const socket = req.socket;
    active.set(socket, (active.get(socket) ?? 0) + 1);
    res.on('finish', () => {
      const left = (active.get(socket) ?? 1) - 1;
      active.set(socket, left);
      if (draining && left === 0) setImmediate(() => socket.destroy());
    });
  });
  const closeIdle = () => {
    for (const [socket, n] of active) if (n === 0) socket.destroy();
  };
  server.keepAliveTimeout = 65_000; // longer than typical load balancer idle timeouts
  server.headersTimeout = 66_000;

  return {
    server,
    get draining() {
      return draining;
    },
    listen(port, host = '0.0.0.0') {
      return new Promise((resolvePort, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address();
          resolvePort(typeof address === 'object' && address ? address.port : port);
        });
      });
    },
    close(graceMs = 10_000) {
      draining = true;
      options.admission?.close();
      return new Promise<void>((resolveClose) => {
        if (!server.listening) return resolveClose();
        const timer = setTimeout(() => server.closeAllConnections(), graceMs);
        timer.unref();
        server.close(() => {
          clearTimeout(timer);
          resolveClose();
        });
        closeIdle();
      });
    },
  };
}
