import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO, GATEWAY, gql, signIn } from './support/gateway.js';

// 存证 end to end: a resident's step reaches the evidence log through affairs' outbox and the bus;
// a signed checkpoint covers it; the offline verifier (the real CLI, as a citizen would run it)
// checks its inclusion through the gateway, refuses a tampered copy, and a witness follows the log.
const repo = join(import.meta.dirname, '..', '..');
const cli = (script: string, args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'subgraphs/evidence/src', script), ...args], {
    cwd: repo,
    encoding: 'utf8',
    timeout: 60_000,
  });
const verify = (...args: string[]) => cli('cli/verify.ts', args);

async function treeSize(request: APIRequestContext): Promise<number> {
  const data = await gql<{ evidenceCheckpoint: { treeSize: number } | null }>(
    request,
    `{ evidenceCheckpoint { treeSize } }`,
  );
  return data.evidenceCheckpoint?.treeSize ?? 0;
}

/** A resident submits an MZ-004 application: at least one new entry (affairs.application.submit). */
async function submitOne(request: APIRequestContext) {
  const resident = await signIn(request, DEMO.resident);
  const ERR = 'error { code message }';
  const APP = 'id version materials { id required fromLicenceType }';
  type App = {
    id: string;
    version: number;
    materials: { id: string; required: boolean; fromLicenceType: string | null }[];
  };
  const item = (
    await gql<{ serviceItemByCode: { id: string } }>(request, `{ serviceItemByCode(code: "MZ-004") { id } }`)
  ).serviceItemByCode;
  let app = (
    await gql<{ startApplication: { application: App } }>(
      request,
      `mutation ($i: ID!) { startApplication(itemId: $i) { ok ${ERR} application { ${APP} } } }`,
      { i: item.id },
      resident,
    )
  ).startApplication.application;
  app = (
    await gql<{ saveApplicationDraft: { application: App } }>(
      request,
      `mutation ($id: ID!, $v: Int!, $l: [ID!]) { saveApplicationDraft(id: $id, expectedVersion: $v, input: { useLicenceFor: $l }) { ok ${ERR} application { ${APP} } } }`,
      {
        id: app.id,
        v: app.version,
        l: app.materials.filter((m) => m.required && m.fromLicenceType).map((m) => m.id),
      },
      resident,
    )
  ).saveApplicationDraft.application;
  const submitted = (
    await gql<{ actOnApplication: { ok: boolean } }>(
      request,
      `mutation ($id: ID!, $v: Int!) { actOnApplication(id: $id, expectedVersion: $v, action: "submit") { ok ${ERR} } }`,
      { id: app.id, v: app.version },
      resident,
    )
  ).actOnApplication;
  expect(submitted.ok).toBe(true);
}

test('a step reaches the signed log; the offline verifier proves it, refuses a forgery, and a witness follows', async ({
  request,
}) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'bianmin-evidence-e2e-'));
  const file = (name: string) => join(dir, name);
  const before = await treeSize(request);
  await submitOne(request);
  // The checkpointer signs every 10 s while the log grows.
  await expect.poll(() => treeSize(request), { timeout: 45_000, intervals: [500] }).toBeGreaterThan(before);

  const keys = verify('fetch', 'keys', '--url', GATEWAY);
  expect(keys.status, keys.stderr).toBe(0);
  const key = /[\w.\-/]+\+[0-9a-f]{8}\+[A-Za-z0-9+/=]+/.exec(keys.stdout)?.[0];
  expect(key).toBeTruthy();

  expect(verify('fetch', 'checkpoint', '--url', GATEWAY, '--out', file('note.txt')).status).toBe(0);
  const size = Number(readFileSync(file('note.txt'), 'utf8').split('\n')[1]);
  expect(size).toBeGreaterThan(before);
  const index = String(size - 1);
  const fetched = verify(
    'fetch',
    'entry',
    '--url',
    GATEWAY,
    '--index',
    index,
    '--checkpoint',
    file('note.txt'),
    '--out',
    file('entry.json'),
  );
  expect(fetched.status, fetched.stderr).toBe(0);
  const ok = verify(
    'inclusion',
    '--checkpoint',
    file('note.txt'),
    '--entry',
    file('entry.json'),
    '--key',
    key!,
  );
  expect(ok.status, ok.stdout + ok.stderr).toBe(0);
  expect(ok.stdout).toContain('OK');

  // One changed character in the entry: refused.
  const entry = readFileSync(file('entry.json'), 'utf8');
  writeFileSync(file('forged.json'), entry.replace(/"v\\":1/, '"v\\":2'));
  expect(readFileSync(file('forged.json'), 'utf8')).not.toBe(entry);
  const forged = verify(
    'inclusion',
    '--checkpoint',
    file('note.txt'),
    '--entry',
    file('forged.json'),
    '--key',
    key!,
  );
  expect(forged.status).toBe(1);

  // A witness accepts the current checkpoint, then a later one with its consistency proof.
  const witness = () =>
    cli('witness/main.ts', ['--url', GATEWAY, '--key', key!, '--state', file('witness.json'), '--once']);
  const first = witness();
  expect(first.status, first.stderr).toBe(0);
  await submitOne(request);
  await expect.poll(() => treeSize(request), { timeout: 45_000, intervals: [500] }).toBeGreaterThan(size);
  const second = witness();
  expect(second.status, second.stderr).toBe(0);
  const state = JSON.parse(readFileSync(file('witness.json'), 'utf8')) as { treeSize: number };
  expect(state.treeSize).toBeGreaterThan(size);
});
