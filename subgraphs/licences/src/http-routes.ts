import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson, type Logger, type Orm, type RouteHandler } from '@bianmin/kit';
import type { StatusPurpose } from './modules/credential/licence-credential.js';
import { MAX_STATUS_LISTS, STATUS_PURPOSES } from './modules/status-list/status-list.service.js';
import type { LicencesServices } from './services.js';

const notGet = (req: IncomingMessage, res: ServerResponse) => {
  if (req.method === 'GET' || req.method === 'HEAD') return false;
  sendJson(res, 405, { error: 'method not allowed' }, { allow: 'GET, HEAD' });
  return true;
};

/** `/.well-known/did.json`: the issuer's DID document, every key current and retired. */
function didDocumentRoute(services: LicencesServices): RouteHandler {
  return (req, res) => {
    if (notGet(req, res)) return;
    const body = JSON.stringify(services.keys.didDocument());
    res.writeHead(200, {
      'content-type': 'application/did+json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      'cache-control': 'public, max-age=300',
      'access-control-allow-origin': '*',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

/**
 * `/status/<purpose>/<n>`: a signed BitstringStatusListCredential, cacheable for a minute, with a
 * strong ETag (the same on every replica for the same version); `If-None-Match` gets 304.
 */
function statusListRoute(
  orm: Orm,
  services: LicencesServices,
  log: Logger,
  purpose: StatusPurpose,
  n: number,
): RouteHandler {
  return async (req, res) => {
    if (notGet(req, res)) return;
    try {
      const list = await services.statusListPublisher.get(orm.em.fork(), purpose, n);
      if (!list) return sendJson(res, 404, { error: 'no such status list' });
      const headers = {
        'cache-control': 'public, max-age=60',
        etag: list.etag,
        'access-control-allow-origin': '*',
      };
      if (req.headers['if-none-match'] === list.etag) {
        res.writeHead(304, headers);
        res.end();
        return;
      }
      res.writeHead(200, {
        ...headers,
        'content-type': 'application/vc+ld+json; charset=utf-8',
        'content-length': Buffer.byteLength(list.body),
      });
      res.end(req.method === 'HEAD' ? undefined : list.body);
    } catch (error) {
      log.error({ err: error, purpose, list: n }, 'status list failed');
      sendJson(res, 503, { error: 'status list unavailable' }, { 'retry-after': '5' });
    }
  };
}

export function licencesRoutes(
  orm: Orm,
  services: LicencesServices,
  log: Logger,
): Record<string, RouteHandler> {
  const routes: Record<string, RouteHandler> = {
    '/.well-known/did.json': didDocumentRoute(services),
  };
  // kit's routes are exact paths: every list that can exist is registered up front.
  for (const purpose of STATUS_PURPOSES)
    for (let n = 1; n <= MAX_STATUS_LISTS; n++)
      routes[`/status/${purpose}/${n}`] = statusListRoute(orm, services, log, purpose, n);
  return routes;
}
