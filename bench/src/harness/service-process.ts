import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { peakMemoryOfTree, type PeakMemory } from './memory.js';

/** The repository's root: services run from there, as `npm start` runs them. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** A port nobody listens on now (the OS picks it), for a child process that cannot listen on 0. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface ServiceProcess {
  name: string;
  pid: number;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Peak memory of the process and everything it forked; read before `stop()`. */
  peakMemory(): PeakMemory[];
  stop(): Promise<void>;
}

export interface ServiceSpec {
  name: string;
  /** Arguments to `node`, e.g. `['--import', 'tsx', 'gateway/src/index.ts']`. */
  args: string[];
  env: Record<string, string>;
  port: number;
  /** Answers 200 once the service can take traffic, e.g. `/readyz`. */
  readyPath: string;
  readyTimeoutMs?: number;
}

/**
 * Start a service as its own Node process on loopback and wait until it is ready. Its output is
 * kept (the last 4 KB) and shown if it fails to start or dies early.
 */
export async function startServiceProcess(spec: ServiceSpec): Promise<ServiceProcess> {
  const child: ChildProcess = spawn(process.execPath, spec.args, {
    cwd: REPO_ROOT,
    env: { ...process.env, ...spec.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-4096));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  // BENCH_SERVICE_LOGS=<dir>: every service's whole output, one file each (to see why a request failed).
  const logDir = process.env.BENCH_SERVICE_LOGS;
  if (logDir) {
    mkdirSync(logDir, { recursive: true });
    const file = createWriteStream(join(logDir, `${spec.name}-${child.pid}.log`));
    child.stdout?.pipe(file);
    child.stderr?.pipe(file);
  }
  let exited: number | string | null = null;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = code ?? signal ?? 'exit';
      resolve();
    }),
  );
  const origin = `http://127.0.0.1:${spec.port}`;
  const deadline = Date.now() + (spec.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (exited !== null) throw new Error(`${spec.name} exited (${exited}) while starting:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${spec.name} was not ready within ${spec.readyTimeoutMs ?? 60_000} ms:\n${output}`);
    }
    const ready = await fetch(`${origin}${spec.readyPath}`, { signal: AbortSignal.timeout(2000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    await delay(100);
  }
  return {
    name: spec.name,
    pid: child.pid!,
    origin,
    peakMemory: () => peakMemoryOfTree(child.pid!),
    async stop() {
      if (exited !== null) return;
      const forked = peakMemoryOfTree(child.pid!)
        .map((p) => p.pid)
        .filter((pid) => pid !== child.pid);
      child.kill('SIGTERM');
      // Graceful stop drains in-flight requests; a process that hangs is ended after 10 s.
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exit;
      clearTimeout(timer);
      // Workers whose primary left without them (they would hold the port and the memory).
      for (const pid of forked) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone, as it should be
        }
      }
    },
  };
}
