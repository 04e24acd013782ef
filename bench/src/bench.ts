/**
 * `npm run bench`: the resident mix against our gateway, Hive Gateway (each without and with its
 * levers) and the subgraphs directly, in one session on loopback, over the same subgraph
 * processes and data. Prints a markdown table and writes it to bench/results/<timestamp>.md.
 * Bounded in time (BENCH_SECONDS per target); figures, never assertions.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { benchOptions, type BenchOptions } from './harness/options.js';
import { runClosedLoop } from './load/closed-loop.js';
import { runOpenLoop } from './load/open-loop.js';
import { countStatements } from './load/sql-statements.js';
import { SUBGRAPH_NAMES } from './platform/subgraphs.js';
import { BenchPlatform, TARGET_LABELS, type RunningTarget } from './platform/targets.js';
import { loadAverage, machineDescription } from './report/machine.js';
import {
  overloadTable,
  problemLines,
  sqlTable,
  subgraphMemoryTable,
  throughputTable,
  webTable,
  type TargetReport,
} from './report/tables.js';
import { ensureWebBuild, measureFirstLoad, type FirstLoad } from './web/first-load.js';
import { checkEveryOperation } from './workload/check.js';
import { RESIDENT_MIX } from './workload/mix.js';
import { prepareRequests } from './workload/requests.js';

const WARM_UP_SECONDS = 3;

/** The "+ levers" targets' levers, in words for the report. */
function leverWords(options: BenchOptions): string {
  const words = [
    options.levers.includes('persisted') ? 'persisted documents (hash only)' : null,
    options.levers.includes('cache') ? `response cache ${options.cacheTtlSeconds} s` : null,
  ].filter(Boolean);
  return words.length ? words.join(' + ') : 'none';
}

async function measureTarget(
  platform: BenchPlatform,
  target: RunningTarget,
  options: BenchOptions,
): Promise<TargetReport> {
  const mix = target.gateway ? RESIDENT_MIX : RESIDENT_MIX.filter((operation) => operation.subgraph);
  const requests = prepareRequests(mix, platform.manifest, platform.data.facts, target.destination);
  const label = TARGET_LABELS[target.name];
  console.log(`${label}: checking every operation, warming up, then ${options.seconds} s of load…`);
  const problems = await checkEveryOperation(requests);
  // Alone, before any load: nothing else runs in the subgraphs while their counters are read.
  const sql = await countStatements(requests, platform.subgraphs, options.sqlRepeats);
  await runClosedLoop(requests, { seconds: WARM_UP_SECONDS, connections: options.connections });
  const closedLoop = (await runClosedLoop(requests, options)).map((row) => {
    if (target.gateway) return { ...row, label };
    const subgraph = SUBGRAPH_NAMES.find((name) => platform.subgraphs.processes[name].origin === row.origin)!;
    const names = [
      ...new Set(requests.filter((r) => r.operation.subgraph === subgraph).map((r) => r.operation.name)),
    ];
    return { ...row, label: `${subgraph} subgraph directly (${names.join(', ')})` };
  });
  let overload = null;
  if (target.gateway) {
    const capacity = closedLoop.reduce((sum, row) => sum + row.rps, 0);
    const rate = Math.max(1, Math.round(capacity * options.overloadFactor));
    console.log(`${label}: overload, ${rate} req/s offered for ${options.overloadSeconds} s…`);
    overload = await runOpenLoop(requests, {
      rate,
      seconds: options.overloadSeconds,
      timeoutMs: options.overloadTimeoutMs,
    });
  }
  return {
    name: target.name,
    label,
    problems,
    closedLoop,
    overload,
    sql,
    memory: target.gateway?.peakMemory() ?? [],
  };
}

const options = benchOptions();
const loadBefore = loadAverage();
const started = Date.now();
const platform = await BenchPlatform.start(options);
const reports: TargetReport[] = [];
/** Targets that could not be measured: said in the results, and the others still run. */
const failures: string[] = [];
let web: FirstLoad | null = null;
let subgraphMemory;
try {
  // Tokens must outlive a target's whole turn: load, statement counts, overload and its drain.
  const turnMs =
    (WARM_UP_SECONDS + options.seconds + options.overloadSeconds + 60) * 1000 + options.overloadTimeoutMs;
  for (const name of options.targets) {
    try {
      const target = await platform.startTarget(name, turnMs);
      try {
        reports.push(await measureTarget(platform, target, options));
      } finally {
        await target.stop();
      }
    } catch (error) {
      console.error(`${TARGET_LABELS[name]} failed:`, error);
      failures.push(
        `- ${TARGET_LABELS[name]}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      );
    }
  }
  if (options.web) {
    ensureWebBuild(console.log);
    console.log("web: the shell's first load in Chromium…");
    web = await measureFirstLoad((shellOrigin) => platform.startGatewayForShell(shellOrigin));
  }
  subgraphMemory = Object.fromEntries(
    SUBGRAPH_NAMES.map((name) => [name, platform.subgraphs.processes[name].peakMemory()]),
  ) as Parameters<typeof subgraphMemoryTable>[0];
} finally {
  await platform.stop();
}

const facts = platform.data.facts;
const weights = RESIDENT_MIX.map((operation) => `${operation.name} ${operation.weight}`).join(', ');
const problems = problemLines(reports);
const lines = [
  `## Our gateway vs Hive Gateway: the resident mix (${new Date().toISOString().slice(0, 10)})`,
  '',
  `Machine: ${machineDescription()}. Load average (1 / 5 / 15 min) ${loadBefore} before, ${loadAverage()} after; ` +
    `${Math.round((Date.now() - started) / 1000)} s in all.`,
  '',
  `Options: ${options.seconds} s of closed-loop load per target after ${WARM_UP_SECONDS} s of warm-up, ` +
    `${options.connections} connections, ${options.workers} worker process(es) per gateway, ` +
    `${platform.sessions.residents.length} signed-in resident(s) and one member of staff, levers: ${leverWords(options)}; overload ${options.overloadFactor}× the measured ` +
    `capacity for ${options.overloadSeconds} s (timeout ${options.overloadTimeoutMs} ms); SQL statements over ` +
    `${options.sqlRepeats} runs of each operation. Data: ${facts.description}` +
    `${facts.loadSeconds ? ` (made in ${facts.loadSeconds} s)` : ' (from the cache)'}.`,
  '',
  `Mix (weights): ${weights}. The subgraphs directly answer the operations one subgraph serves alone.`,
  '',
  ...(failures.length ? ['Targets that could not be measured:', '', ...failures, ''] : []),
  ...(problems.length ? ['Operations not answered right before the load:', '', ...problems, ''] : []),
  '### Throughput (closed loop)',
  '',
  ...throughputTable(reports),
  '',
  '### Overload (open loop, latency from the scheduled send time)',
  '',
  ...overloadTable(reports),
  '',
  '### SQL statements per operation',
  '',
  ...sqlTable(
    reports,
    RESIDENT_MIX.map((operation) => operation.name),
  ),
  '',
  '### Subgraph processes (whole session)',
  '',
  ...subgraphMemoryTable(subgraphMemory),
  '',
  ...(web
    ? ["### The shell's first load (Chromium, our gateway with levers)", '', ...webTable(web), '']
    : []),
].join('\n');
console.log(`\n${lines}`);
mkdirSync(new URL('../results/', import.meta.url), { recursive: true });
const file = new URL(`../results/${new Date().toISOString().replace(/[:.]/g, '-')}.md`, import.meta.url);
writeFileSync(file, lines);
console.log(`written to ${file.pathname}`);
