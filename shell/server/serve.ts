// Static file servers for the shell and the remotes' builds. No dependencies beyond Node: the
// platform's start script imports these factories; `tsx server/serve.ts` runs the shell alone.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { stat, readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { RemoteManifestEntry, RuntimeConfig } from '@bianmin/frontend-kit';

const gzipAsync = promisify(gzip);

export type RouteHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface StaticServerOptions {
  /** Directory to serve (a webpack `dist`). */
  root: string;
  /** Serve `index.html` for unknown paths without a file extension (client-side routes). */
  spaFallback?: boolean;
  /** Send `Access-Control-Allow-Origin: *` — remotes are loaded from the shell's origin. */
  cors?: boolean;
  /** Exact-path handlers that take precedence over files, e.g. `/runtime-config.json`. */
  extraRoutes?: Record<string, RouteHandler>;
}

const TEXT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
};
const BINARY_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(filePath: string): string {
  const ext = path.extname(filePath).toLowerCase();
  return TEXT_TYPES[ext] ?? BINARY_TYPES[ext] ?? 'application/octet-stream';
}

/** Files whose URL never changes while their content does: always revalidate. */
const ENTRY_FILES = new Set(['index.html', 'remoteEntry.js', 'mf-manifest.json', 'mf-stats.json']);
/** `main.3f9a1c2e.js`, `123.ab12cd34.js`: content-hashed by webpack, safe to cache for a year. */
const HASHED_NAME = /\.[0-9a-f]{8,}\.[a-z0-9]+$/i;

export function cacheControlFor(filePath: string): string {
  const base = path.basename(filePath);
  if (ENTRY_FILES.has(base)) return 'no-cache';
  if (HASHED_NAME.test(base)) return 'public, max-age=31536000, immutable';
  return 'no-cache';
}

/** Compressing pays off for text above ~1 KB; small or binary files go as they are. */
const GZIP_MIN_BYTES = 1024;
/** Gzipped bodies cached by path + mtime + size: builds are immutable, so this stays small. */
const GZIP_CACHE_MAX_BYTES = 64 * 1024 * 1024;

function sendText(
  res: http.ServerResponse,
  status: number,
  text: string,
  headers: http.OutgoingHttpHeaders = {},
) {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : text);
}

/** Send a JSON document (UTF-8, no caching) — for small generated endpoints such as the runtime manifest. */
export function sendJson(res: http.ServerResponse, value: unknown): void {
  const body = JSON.stringify(value);
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  const headers = {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-cache',
    ETag: etag,
  };
  if (res.req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Length': Buffer.byteLength(body) });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/**
 * Map a URL path to a file under `root`, or null when it would escape `root` (`..`, encoded
 * slashes, NUL bytes) or cannot be decoded.
 */
export function resolveSafePath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const resolvedRoot = path.resolve(root);
  const target = path.resolve(resolvedRoot, '.' + path.posix.normalize('/' + decoded));
  if (target !== resolvedRoot && !target.startsWith(resolvedRoot + path.sep)) return null;
  return target;
}

export function createStaticServer(options: StaticServerOptions): http.Server {
  const root = path.resolve(options.root);
  const extraRoutes = options.extraRoutes ?? {};
  const gzipCache = new Map<string, Buffer>();
  let gzipCacheBytes = 0;

  async function gzipped(file: string, key: string): Promise<Buffer> {
    const cached = gzipCache.get(key);
    if (cached) return cached;
    const compressed = await gzipAsync(await readFile(file));
    if (gzipCacheBytes + compressed.length <= GZIP_CACHE_MAX_BYTES) {
      gzipCache.set(key, compressed);
      gzipCacheBytes += compressed.length;
    }
    return compressed;
  }

  async function serveFile(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    file: string,
  ): Promise<boolean> {
    let info;
    try {
      info = await stat(file);
    } catch {
      return false;
    }
    if (info.isDirectory()) {
      return serveFile(req, res, path.join(file, 'index.html'));
    }
    if (!info.isFile()) return false;

    const type = contentTypeFor(file);
    const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
    const headers: http.OutgoingHttpHeaders = {
      'Content-Type': type,
      'Cache-Control': cacheControlFor(file),
      ETag: etag,
      'Last-Modified': info.mtime.toUTCString(),
      Vary: 'Accept-Encoding',
    };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return true;
    }

    const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const compressible = path.extname(file).toLowerCase() in TEXT_TYPES && info.size >= GZIP_MIN_BYTES;
    if (acceptsGzip && compressible) {
      const body = await gzipped(file, `${file}:${info.mtimeMs}:${info.size}`);
      res.writeHead(200, { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
      return true;
    }

    res.writeHead(200, { ...headers, 'Content-Length': info.size });
    if (req.method === 'HEAD') {
      res.end();
      return true;
    }
    await new Promise<void>((resolve, reject) => {
      const stream = createReadStream(file);
      stream.on('error', reject);
      res.on('close', () => {
        stream.destroy();
        resolve();
      });
      stream.pipe(res);
    });
    return true;
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (options.cors) {
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', '*');
    }
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') {
      res.writeHead(204, { Allow: 'GET, HEAD, OPTIONS', 'Access-Control-Max-Age': '86400' });
      res.end();
      return;
    }
    if (method !== 'GET' && method !== 'HEAD') {
      sendText(res, 405, 'Method not allowed\n', { Allow: 'GET, HEAD, OPTIONS' });
      return;
    }

    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const route = extraRoutes[pathname];
    if (route) {
      route(req, res);
      return;
    }

    const file = resolveSafePath(root, pathname);
    if (!file) {
      sendText(res, 400, 'Bad request\n');
      return;
    }
    if (await serveFile(req, res, file)) return;

    // Client-side routes (`/services/items/GA-002`) get the app; missing assets (`/x.js`) get a 404.
    const wantsPage = path.extname(pathname) === '' || pathname.endsWith('.html');
    if (options.spaFallback && wantsPage && (await serveFile(req, res, path.join(root, 'index.html'))))
      return;
    sendText(res, 404, 'Not found\n');
  }

  return http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('static server error', error);
      if (!res.headersSent) sendText(res, 500, 'Internal server error\n');
      else res.destroy();
    });
  });
}

/** The services remote as the shell's manifest lists it. */
export function servicesRemote(entry: string): RemoteManifestEntry {
  return {
    name: 'services',
    entry,
    module: './App',
    basePath: '/services',
    title: { 'zh-CN': '办事服务', en: 'Services' },
  };
}

/** The affairs remote (办事: apply online, my applications, the staff workbench). */
export function affairsRemote(entry: string): RemoteManifestEntry {
  return {
    name: 'affairs',
    entry,
    module: './App',
    basePath: '/affairs',
    title: { 'zh-CN': '我的办件', en: 'My applications' },
  };
}

/**
 * The licences remote's wallet (我的证照: licences, QR presentation, sharing with consent). Signed-in
 * residents; the same container also exposes the public verification page (`verifyRemote`).
 */
export function licencesRemote(entry: string): RemoteManifestEntry {
  return {
    name: 'licences',
    entry,
    module: './App',
    basePath: '/licences',
    title: { 'zh-CN': '我的证照', en: 'My licences' },
  };
}

/**
 * 证照核验 — the public page anyone can open, signed in or not, to check a licence: the licences
 * remote's `./Verify` module at the stable path `/verify` that every QR code links to.
 */
export function verifyRemote(entry: string): RemoteManifestEntry {
  return {
    name: 'licences',
    entry,
    module: './Verify',
    basePath: '/verify',
    title: { 'zh-CN': '证照核验', en: 'Verify a licence' },
  };
}

export interface ShellServerOptions {
  /** The shell's webpack output; defaults to `shell/dist`. */
  distDir?: string;
  /** The GraphQL gateway the remotes call. */
  gatewayUrl: string;
  /** Remotes to load at run time, in navigation order. */
  remotes: RemoteManifestEntry[];
}

export const DEFAULT_DIST_DIR = fileURLToPath(new URL('../dist', import.meta.url));

/** The shell's build plus `/runtime-config.json`, the manifest the shell reads on start-up. */
export function createShellServer({
  distDir = DEFAULT_DIST_DIR,
  gatewayUrl,
  remotes,
}: ShellServerOptions): http.Server {
  const runtimeConfig: RuntimeConfig = { gatewayUrl, remotes };
  return createStaticServer({
    root: distDir,
    spaFallback: true,
    extraRoutes: { '/runtime-config.json': (_req, res) => sendJson(res, runtimeConfig) },
  });
}

function main() {
  const port = Number(process.env['PORT'] ?? 3000);
  const gatewayUrl = process.env['GATEWAY_URL'] ?? 'http://localhost:4000/graphql';
  const servicesEntry = process.env['REMOTE_SERVICES_URL'] ?? 'http://localhost:3001/remoteEntry.js';
  const affairsEntry = process.env['REMOTE_AFFAIRS_URL'] ?? 'http://localhost:3002/remoteEntry.js';
  const licencesEntry = process.env['REMOTE_LICENCES_URL'] ?? 'http://localhost:3003/remoteEntry.js';
  if (!existsSync(path.join(DEFAULT_DIST_DIR, 'index.html'))) {
    console.warn(
      `shell: ${DEFAULT_DIST_DIR} has no build yet; run \`npm run build -w @bianmin/shell\` first`,
    );
  }
  const server = createShellServer({
    gatewayUrl,
    remotes: [
      servicesRemote(servicesEntry),
      affairsRemote(affairsEntry),
      licencesRemote(licencesEntry),
      verifyRemote(licencesEntry),
    ],
  });
  server.listen(port, () => {
    process.stdout.write(
      `shell: http://localhost:${port}/ (gateway ${gatewayUrl}, services ${servicesEntry})\n`,
    );
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main();
}
