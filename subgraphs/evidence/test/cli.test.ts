import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ephemeralLogKeys } from '../src/modules/checkpoint/log-keys.js';
import { logEvent, signCheckpoint } from '../src/server.js';
import { applicationStep, drivers, ORIGIN, silentLog, useEvidence } from './setup.js';

const BIN = fileURLToPath(new URL('../bin/evidence-verify.js', import.meta.url));
const PACKAGE = fileURLToPath(new URL('..', import.meta.url));

/** Run the verifier as a person would: the package's bin, in a process of its own. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { cwd: PACKAGE });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** `text` with the character at `at` replaced by another one of the same kind (hex stays hex). */
function changeCharAt(text: string, at: number): string {
  if (at < 0 || at >= text.length) throw new Error('nothing to change there');
  const c = text[at]!;
  const replacement = /[0-9a-f]/.test(c) ? (c === '0' ? '1' : '0') : c === 'A' ? 'B' : 'A';
  return text.slice(0, at) + replacement + text.slice(at + 1);
}

describe.each(drivers)('the command-line verifier on %s', (driver) => {
  const fx = useEvidence(driver);
  let dir: string;
  let url: string;
  let vkey: string;
  const file = (name: string) => join(dir, name);
  const logSteps = async (n: number) => {
    for (let i = 0; i < n; i++)
      await logEvent(fx.orm.em.fork(), 'evidence-affairs', applicationStep(), silentLog);
    await signCheckpoint(fx.orm.em.fork(), fx.keys);
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bianmin-evidence-cli-'));
    const port = await fx.evidence.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${port}/graphql`;
    await logSteps(5);
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('fetches the key, a checkpoint, an entry and a consistency proof over HTTP', async () => {
    const keys = await cli('fetch', 'keys', '--url', url);
    expect(keys.code).toBe(0);
    vkey = (JSON.parse(keys.stdout) as { verifierKey: string }).verifierKey;
    expect(vkey).toBe(fx.keys.current.vkey);

    expect(await cli('fetch', 'checkpoint', '--url', url, '--out', file('old.txt'))).toMatchObject({
      code: 0,
    });
    expect(await readFile(file('old.txt'), 'utf8')).toMatch(new RegExp(`^${ORIGIN}\\n5\\n`));
    const entry = await cli(
      'fetch',
      'entry',
      '--url',
      url,
      '--index',
      '2',
      '--checkpoint',
      file('old.txt'),
      '--out',
      file('entry.json'),
    );
    expect(entry).toMatchObject({ code: 0, stdout: `wrote ${file('entry.json')}\n` });

    await logSteps(6);
    await cli('fetch', 'checkpoint', '--url', url, '--out', file('new.txt'));
    const proof = await cli(
      'fetch',
      'consistency',
      '--url',
      url,
      '--from',
      '5',
      '--to',
      '11',
      '--out',
      file('proof.json'),
    );
    expect(proof.code).toBe(0);
    expect(JSON.parse(await readFile(file('proof.json'), 'utf8'))).toMatchObject({ fromSize: 5, toSize: 11 });
  });

  it('verifies the inclusion of the entry and the consistency of the two checkpoints, offline', async () => {
    const inclusion = await cli(
      'inclusion',
      '--checkpoint',
      file('old.txt'),
      '--key',
      vkey,
      '--entry',
      file('entry.json'),
    );
    expect(inclusion.stderr).toBe('');
    expect(inclusion.code).toBe(0);
    expect(inclusion.stdout).toMatch(
      /^OK: entry 2 \(affairs\.application\.approve, .*\) is in the log bianmin\.yunhu\.gov\.cn\/evidence/,
    );
    const consistency = await cli(
      'consistency',
      '--old',
      file('old.txt'),
      '--new',
      file('new.txt'),
      '--key',
      vkey,
      '--proof',
      file('proof.json'),
    );
    expect(consistency.code).toBe(0);
    expect(consistency.stdout).toMatch(/^OK: the log .* at tree size 11 extends its tree at size 5/);
  });

  it('fails, saying why, when one character of the entry, a proof or a checkpoint is changed', async () => {
    const entry = await readFile(file('entry.json'), 'utf8');
    const note = await readFile(file('old.txt'), 'utf8');
    const proof = await readFile(file('proof.json'), 'utf8');
    const firstHashAfter = (text: string, key: string) =>
      text.indexOf('"', text.indexOf(`"${key}"`) + key.length + 2) + 1;
    const rootLine = note.indexOf('\n', note.indexOf('\n') + 1) + 1;
    const cases: Array<[string, string, string, RegExp, string[]]> = [
      // A code in the entry: APPROVED → BPPROVED.
      [
        'entry.json',
        entry,
        changeCharAt(entry, entry.indexOf('APPROVED')),
        /the entry text does not hash to its leafHash/,
        [],
      ],
      [
        'entry.json',
        entry,
        changeCharAt(entry, firstHashAfter(entry, 'inclusionProof')),
        /inclusion proof does not lead/,
        [],
      ],
      ['old.txt', note, changeCharAt(note, rootLine), /not a valid signed checkpoint: .*does not verify/, []],
      ['old.txt', note, changeCharAt(note, note.lastIndexOf(' ') + 5), /not a valid signed checkpoint/, []],
      [
        'proof.json',
        proof,
        changeCharAt(proof, firstHashAfter(proof, 'proof')),
        /consistency proof does not verify/,
        ['consistency'],
      ],
    ];
    for (const [name, original, tampered, message, mode] of cases) {
      expect(tampered, name).not.toBe(original);
      await writeFile(file(name), tampered);
      const result =
        mode[0] === 'consistency'
          ? await cli(
              'consistency',
              '--old',
              file('old.txt'),
              '--new',
              file('new.txt'),
              '--key',
              vkey,
              '--proof',
              file('proof.json'),
            )
          : await cli(
              'inclusion',
              '--checkpoint',
              file('old.txt'),
              '--key',
              vkey,
              '--entry',
              file('entry.json'),
            );
      await writeFile(file(name), original);
      expect(result.code, `${name}: ${result.stderr}`).toBe(1);
      expect(result.stderr).toMatch(/^FAILED: /);
      expect(result.stderr).toMatch(message);
      expect(result.stdout).toBe('');
    }
  });

  it('fails against another key, swapped checkpoints or a proof for another size', async () => {
    const other = ephemeralLogKeys(ORIGIN).current.vkey;
    const wrongKey = await cli(
      'inclusion',
      '--checkpoint',
      file('old.txt'),
      '--key',
      other,
      '--entry',
      file('entry.json'),
    );
    expect(wrongKey).toMatchObject({ code: 1 });
    expect(wrongKey.stderr).toMatch(/no signature by a trusted key/);
    const swapped = await cli(
      'consistency',
      '--old',
      file('new.txt'),
      '--new',
      file('old.txt'),
      '--key',
      vkey,
      '--proof',
      file('proof.json'),
    );
    expect(swapped.code).toBe(1);
    const later = await cli(
      'inclusion',
      '--checkpoint',
      file('new.txt'),
      '--key',
      vkey,
      '--entry',
      file('entry.json'),
    );
    expect(later.code).toBe(1);
    expect(later.stderr).toMatch(/proof is for tree size 5, the checkpoint for 11/);
  });

  it('explains its usage on a wrong command line (exit 2)', async () => {
    const result = await cli('inclusion', '--checkpoint', file('old.txt'));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--key is required/);
    expect((await cli('frobnicate')).code).toBe(2);
  });
});
