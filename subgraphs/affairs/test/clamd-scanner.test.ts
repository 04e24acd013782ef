import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { clamdScanner } from '../src/modules/files/clamd-scanner.js';

// The scanner against a real ClamAV daemon (Debian's clamav-daemon; .ci/run installs it). Its
// signature database is one signature of our own for the EICAR test string, because the official
// databases need a download this machine cannot make; the protocol and the verdicts are clamd's.
const CLAMD = '/usr/sbin/clamd';
// The EICAR anti-virus test file, assembled so this source file is not itself "infected".
const EICAR = Buffer.from(
  ['X5O!P%@AP[4\\PZX54(P^)7CC)7}$', 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'].join(''),
);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe.skipIf(!existsSync(CLAMD))(
  existsSync(CLAMD)
    ? 'the clamd virus scanner'
    : `the clamd virus scanner — skipped: ${CLAMD} is not installed`,
  () => {
    let dir: string;
    let clamd: ChildProcess;
    let port: number;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'bianmin-clamd-'));
      writeFileSync(join(dir, 'bianmin.ndb'), `Bianmin.Test.EICAR:0:*:${EICAR.toString('hex')}\n`);
      port = await freePort();
      writeFileSync(
        join(dir, 'clamd.conf'),
        [
          'Foreground yes',
          `DatabaseDirectory ${dir}`,
          `TCPSocket ${port}`,
          'TCPAddr 127.0.0.1',
          `TemporaryDirectory ${dir}`,
          'StreamMaxLength 1M',
        ].join('\n'),
      );
      clamd = spawn(CLAMD, [`--config-file=${join(dir, 'clamd.conf')}`], { stdio: 'ignore' });
      const scan = clamdScanner({ host: '127.0.0.1', port, timeoutMs: 2000 });
      // clamd loads its database before it listens: wait until it answers.
      await vi.waitUntil(async () => (await scan(Buffer.from('ping'), meta)) === 'CLEAN', {
        timeout: 60_000,
        interval: 250,
      });
    }, 70_000);
    afterAll(() => {
      clamd?.kill();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const meta = { contentType: 'application/pdf', fileName: 'scan.pdf' };

    it('passes a clean file and names the signature of an infected one', async () => {
      const seen: string[] = [];
      const scan = clamdScanner({ host: '127.0.0.1', port, onVerdict: (_, reply) => seen.push(reply) });
      expect(await scan(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200_000, 0x20)]), meta)).toBe(
        'CLEAN',
      );
      // Inside a larger file, across the 64 KiB chunk boundary.
      const hidden = Buffer.concat([Buffer.alloc(65_530, 0x20), EICAR, Buffer.alloc(1000, 0x20)]);
      expect(await scan(hidden, meta)).toBe('INFECTED');
      expect(seen).toEqual(['stream: OK', 'stream: Bianmin.Test.EICAR.UNOFFICIAL FOUND']);
    });

    it('refuses (UNAVAILABLE) what clamd will not scan, and when clamd cannot be reached', async () => {
      const scan = clamdScanner({ host: '127.0.0.1', port });
      expect(await scan(Buffer.alloc(2 * 1024 * 1024, 0x20), meta)).toBe('UNAVAILABLE'); // over StreamMaxLength
      const closed = clamdScanner({ host: '127.0.0.1', port: await freePort(), timeoutMs: 2000 });
      expect(await closed(EICAR, meta)).toBe('UNAVAILABLE');
    });
  },
);
