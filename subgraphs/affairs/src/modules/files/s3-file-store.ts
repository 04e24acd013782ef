import { createHash, createHmac } from 'node:crypto';
import type { FileStore } from './file-store.js';

export interface S3Options {
  /** e.g. https://s3.cn-north-1.amazonaws.com.cn, or a MinIO / OSS-compatible endpoint. */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Clock for signing (tests fix it). */
  now?: () => Date;
  timeoutMs?: number;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
// RFC 3986 unreserved characters stay; everything else is percent-encoded (S3's rule for paths).
const encodePath = (path: string) =>
  path
    .split('/')
    .map((part) =>
      encodeURIComponent(part).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
    )
    .join('/');

/**
 * AWS Signature Version 4 for one S3 request without a query string: the `Authorization` header
 * and the headers it signs. Checked against AWS's published example (see the test).
 */
export function signS3Request(options: {
  method: string;
  host: string;
  path: string;
  headers: Record<string, string>;
  payloadSha256: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  now: Date;
}): Record<string, string> {
  const amzDate = options.now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const date = amzDate.slice(0, 8);
  const headers: Record<string, string> = {
    ...Object.fromEntries(Object.entries(options.headers).map(([k, v]) => [k.toLowerCase(), v.trim()])),
    host: options.host,
    'x-amz-content-sha256': options.payloadSha256,
    'x-amz-date': amzDate,
  };
  const names = Object.keys(headers).sort();
  const canonical = [
    options.method,
    encodePath(options.path),
    '',
    names.map((n) => `${n}:${headers[n]}\n`).join(''),
    names.join(';'),
    options.payloadSha256,
  ].join('\n');
  const scope = `${date}/${options.region}/s3/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
  let key = hmac(`AWS4${options.secretAccessKey}`, date);
  for (const part of [options.region, 's3', 'aws4_request']) key = hmac(key, part);
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  return {
    ...headers,
    authorization: `AWS4-HMAC-SHA256 Credential=${options.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`,
  };
}

/**
 * An S3-compatible bucket as the file store (path-style URLs: `<endpoint>/<bucket>/<key>`, which
 * MinIO and most compatible stores accept). Objects are written with SHA-256 payload signing, so
 * the store refuses bytes changed in transit.
 */
export function s3FileStore(options: S3Options): FileStore {
  const base = new URL(options.endpoint);
  const now = options.now ?? (() => new Date());
  const request = async (method: 'PUT' | 'GET' | 'DELETE', key: string, body?: Buffer) => {
    const path = `${base.pathname.replace(/\/$/, '')}/${options.bucket}/${key}`;
    const headers = signS3Request({
      method,
      host: base.host,
      path,
      headers: body ? { 'content-type': 'application/octet-stream' } : {},
      payloadSha256: sha256(body ?? ''),
      region: options.region,
      accessKeyId: options.accessKeyId,
      secretAccessKey: options.secretAccessKey,
      now: now(),
    });
    delete headers.host; // fetch sets it from the URL
    return fetch(new URL(encodePath(path), base), {
      method,
      headers,
      body: body ? new Uint8Array(body) : undefined,
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  };
  return {
    async put(key, bytes) {
      const response = await request('PUT', key, bytes);
      if (!response.ok) throw new Error(`S3 PUT ${key}: ${response.status}`);
    },
    async get(key) {
      const response = await request('GET', key);
      if (response.status === 404) return null;
      if (!response.ok) throw new Error(`S3 GET ${key}: ${response.status}`);
      return Buffer.from(await response.arrayBuffer());
    },
    async delete(key) {
      const response = await request('DELETE', key);
      if (!response.ok && response.status !== 404) throw new Error(`S3 DELETE ${key}: ${response.status}`);
    },
  };
}
