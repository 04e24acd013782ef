import { connect } from 'node:net';
import type { FileScanner } from './file-store.js';

export interface ClamdOptions {
  host: string;
  port: number;
  /** How long a scan may take before the upload is refused as UNAVAILABLE. Default 10 s. */
  timeoutMs?: number;
  /** Observes each verdict with clamd's words (the signature name when infected), for the log. */
  onVerdict?: (verdict: 'CLEAN' | 'INFECTED' | 'UNAVAILABLE', reply: string) => void;
}

/** clamd reads the stream in chunks, each prefixed with its length (4 bytes, big-endian). */
const CHUNK = 64 * 1024;

/**
 * The virus-scan hook backed by ClamAV's daemon, over TCP with its INSTREAM command: the bytes are
 * streamed, clamd answers `stream: OK`, `stream: <signature> FOUND` or an error. Anything other
 * than a clear OK or FOUND — clamd down, a timeout, `INSTREAM size limit exceeded`, a garbled
 * reply — is UNAVAILABLE, and the upload is refused rather than stored unscanned.
 */
export function clamdScanner(options: ClamdOptions): FileScanner {
  return (bytes) =>
    new Promise((resolve) => {
      let reply = '';
      let settled = false;
      const finish = (verdict: 'CLEAN' | 'INFECTED' | 'UNAVAILABLE') => {
        if (settled) return;
        settled = true;
        socket.destroy();
        options.onVerdict?.(verdict, reply.replace(/\0/g, '').trim());
        resolve(verdict);
      };
      const socket = connect({ host: options.host, port: options.port }, () => {
        socket.write('zINSTREAM\0');
        for (let offset = 0; offset < bytes.length; offset += CHUNK) {
          const chunk = bytes.subarray(offset, offset + CHUNK);
          const size = Buffer.alloc(4);
          size.writeUInt32BE(chunk.length);
          socket.write(size);
          socket.write(chunk);
        }
        socket.write(Buffer.alloc(4)); // a zero-length chunk ends the stream
      });
      socket.setTimeout(options.timeoutMs ?? 10_000, () => finish('UNAVAILABLE'));
      socket.on('error', () => finish('UNAVAILABLE'));
      socket.on('data', (data: Buffer) => {
        reply += data.toString('utf8');
        if (!reply.includes('\0')) return;
        const answer = reply.slice(0, reply.indexOf('\0'));
        if (/^stream: OK$/.test(answer)) finish('CLEAN');
        else if (/^stream: .+ FOUND$/.test(answer)) finish('INFECTED');
        else finish('UNAVAILABLE');
      });
      socket.on('end', () => finish('UNAVAILABLE'));
    });
}
