import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3FileStore } from '../src/modules/files/s3-file-store.js';

// The S3 file store against s3rver, an S3-compatible server (path-style REST API, objects in a
// temporary directory, access key S3RVER). s3rver parses the Version 4 Authorization header and
// refuses unknown access keys, but it does not recompute V4 signatures: the signature itself is
// proven by s3-file-store.test.ts against AWS's published example.
const BUCKET = 'bianmin-files';
let server: S3rver;
let endpoint: string;
let directory: string;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'bianmin-s3rver-'));
  server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory,
    silent: true,
    configureBuckets: [{ name: BUCKET }],
  });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await server?.close();
  if (directory) rmSync(directory, { recursive: true, force: true });
});

const store = (accessKeyId = 'S3RVER') =>
  s3FileStore({ endpoint, bucket: BUCKET, region: 'us-east-1', accessKeyId, secretAccessKey: 'S3RVER' });

describe('the S3 file store against an S3-compatible server', () => {
  it('stores, reads back and deletes an upload, byte for byte (300 kB)', async () => {
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(300_000, 0x2a)]);
    const key = 'applications/4f0c0c47-0f0e-4d3c-9d59-1f1c0a8e2d11/f-1';
    await store().put(key, bytes);
    expect((await store().get(key))?.equals(bytes)).toBe(true);
    await store().delete(key);
    expect(await store().get(key)).toBeNull();
    await expect(store().delete(key)).resolves.toBeUndefined(); // deleting twice is not an error
  });

  it('keeps keys with non-ASCII and reserved characters apart', async () => {
    const keys = ['applications/a/身份证 正面.png', 'applications/a/x+y=z;1', 'applications/a/x y'];
    for (const [i, key] of keys.entries()) await store().put(key, Buffer.from(`file ${i}`));
    for (const [i, key] of keys.entries()) expect((await store().get(key))?.toString()).toBe(`file ${i}`);
  });

  it('reports a write the server refuses (unknown access key) as an error, and nothing is stored', async () => {
    const key = 'applications/a/forged';
    await expect(store('NOT-A-KEY').put(key, Buffer.from('x'))).rejects.toThrow(/S3 PUT .*: 403/);
    expect(await store().get(key)).toBeNull();
  });
});
