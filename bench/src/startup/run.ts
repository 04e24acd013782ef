/**
 * `npm run bench:startup`: the memory and start-up budget of `npm start`. Runs the README's
 * start command exactly as a person would (`npm start` at the root, on the embedded defaults),
 * first on an empty data directory (seeding everything), then again on the data it left
 * ("data already loaded"), and reports for each: the time from the command to the "is running"
 * line and to the first answered GraphQL query, and the resident memory of every process the
 * command started (npm, node, the platform), summed, once ready and after a short settle.
 * Loopback only; ports are the bench's own (5000–5011) so a running `npm start` is not disturbed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const PORTS = {
  SHELL_PORT: 5000,
  SERVICES_PORT: 5001,
  AFFAIRS_REMOTE_PORT: 5002,
  LICENCES_REMOTE_PORT: 5003,
  GATEWAY_PORT: 5010,
  CATALOG_PORT: 5011,
  IDENTITY_PORT: 5012,
  AFFAIRS_PORT: 5013,
  LICENCES_PORT: 5014,
  EVIDENCE_PORT: 5015,
};
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 5000);

/** Every descendant of `pid` (and itself), from /proc. */
function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  const tree: number[] = [];
  const walk = (p: number) => {
    tree.push(p);
    for (const child of children.get(p) ?? []) walk(child);
  };
  walk(pid);
  return tree;
}

function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith(`${field}:`));
    return line ? Number(line.split(/\s+/)[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

const mib = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;

async function firstAnswer(): Promise<void> {
  for (;;) {
    const response = await fetch(`http://127.0.0.1:${PORTS.GATEWAY_PORT}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ lifeEvents { code } }' }),
    }).catch(() => null);
    if (response?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface StartFigures {
  readyMs: number;
  answeredMs: number;
  rssReady: number;
  rssSettled: number;
  peak: number;
  processes: number;
}

async function measureStart(dataDir: string): Promise<StartFigures> {
  const started = performance.now();
  const child: ChildProcess = spawn('npm', ['start'], {
    cwd: repo,
    env: {
      ...process.env,
      ...Object.fromEntries(Object.entries(PORTS).map(([k, v]) => [k, String(v)])),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  const readyMs = await new Promise<number>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('is running')) resolve(performance.now() - started);
    });
    child.once('exit', (code) =>
      reject(new Error(`npm start exited (${code}) before it was ready:\n${output}`)),
    );
  });
  await firstAnswer();
  const answeredMs = performance.now() - started;
  const sum = (field: 'VmRSS' | 'VmHWM') =>
    processTree(child.pid!).reduce((total, pid) => total + statusField(pid, field), 0);
  const rssReady = sum('VmRSS');
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS)); // a fixed settle window, then one reading
  const rssSettled = sum('VmRSS');
  const peak = sum('VmHWM');
  const processes = processTree(child.pid!).length;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid!, 'SIGTERM');
  await exited;
  return { readyMs, answeredMs, rssReady, rssSettled, peak, processes };
}

const dataDir = mkdtempSync(join(tmpdir(), 'bianmin-startup-'));
const load = loadavg()[0]!.toFixed(2);
const first = await measureStart(dataDir);
const restart = await measureStart(dataDir);
rmSync(dataDir, { recursive: true, force: true });

const row = (name: string, f: StartFigures) =>
  `| ${name} | ${(f.readyMs / 1000).toFixed(1)} s | ${(f.answeredMs / 1000).toFixed(1)} s | ${mib(f.rssReady)} | ${mib(f.rssSettled)} | ${mib(f.peak)} | ${f.processes} |`;
const table = [
  `Machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average before: ${load}; SQLite in a new temporary DATA_DIR.`,
  '',
  '| `npm start` | command → "is running" | command → first answer | memory when ready (all processes) | after settling | peak (sum of each process’s peak) | processes |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  row('first start (seeds everything)', first),
  row('restart (data already loaded)', restart),
].join('\n');
console.log(`\n${table}\n`);
const results = join(repo, 'bench', 'results');
mkdirSync(results, { recursive: true });
const file = join(results, `startup-${new Date().toISOString().replace(/[:.]/g, '-')}.md`);
writeFileSync(file, `# npm start: memory and start-up\n\n${table}\n`);
console.log(`written to ${file}`);
