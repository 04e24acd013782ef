import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3FileStore, signS3Request } from './s3-file-store.js';

describe('AWS Signature Version 4 for S3', () => {
  it('signs AWS’s published example (GET /test.txt with a range) exactly', () => {
    // From the S3 documentation, "Signature Calculations for the Authorization Header: Example GET Object".
    const signed = signS3Request({
      method: 'GET',
      host: 'examplebucket.s3.amazonaws.com',
      path: '/test.txt',
      headers: { Range: 'bytes=0-9' },
      payloadSha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      region: 'us-east-1',
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      now: new Date('2013-05-24T00:00:00Z'),
    });
    expect(signed.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });
});

// A real HTTP server standing in for the bucket: it keeps objects in memory and records requests.
// (test/s3-file-store.s3rver.test.ts runs the store against s3rver, an S3-compatible server.)
let server: Server;
let endpoint: string;
const objects = new Map<string, Buffer>();
const seen: { method: string; url: string; authorization: string; sha: string }[] = [];
beforeAll(async () => {
  server = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    seen.push({
      method: req.method!,
      url: req.url!,
      authorization: String(req.headers.authorization),
      sha: String(req.headers['x-amz-content-sha256']),
    });
    if (req.method === 'PUT') objects.set(req.url!, Buffer.concat(chunks));
    if (req.method === 'DELETE') objects.delete(req.url!);
    if (req.method === 'GET' && !objects.has(req.url!)) return res.writeHead(404).end();
    res.writeHead(200).end(req.method === 'GET' ? objects.get(req.url!) : undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the S3 file store', () => {
  it('puts, gets and deletes objects path-style, signing each request with the payload hash', async () => {
    const store = s3FileStore({
      endpoint,
      bucket: 'bianmin-files',
      region: 'cn-north-1',
      accessKeyId: 'AK',
      secretAccessKey: 'SK',
    });
    const bytes = Buffer.from('%PDF-1.7 test');
    await store.put('applications/a1/f1', bytes);
    expect((await store.get('applications/a1/f1'))?.equals(bytes)).toBe(true);
    await store.delete('applications/a1/f1');
    expect(await store.get('applications/a1/f1')).toBeNull();
    expect(seen[0]).toMatchObject({ method: 'PUT', url: '/bianmin-files/applications/a1/f1' });
    expect(seen[0]!.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AK\/\d{8}\/cn-north-1\/s3\/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}$/,
    );
    expect(seen[0]!.sha).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('reports a refused write as an error, so the upload is not recorded', async () => {
    const store = s3FileStore({
      endpoint: 'http://127.0.0.1:9',
      bucket: 'b',
      region: 'r',
      accessKeyId: 'a',
      secretAccessKey: 's',
      timeoutMs: 2000,
    });
    await expect(store.put('k', Buffer.from('x'))).rejects.toThrow();
  });
});
