import { mebibytes, type PeakMemory } from '../harness/memory.js';
import type { TargetName } from '../harness/options.js';
import type { ClosedLoopResult } from '../load/closed-loop.js';
import type { OpenLoopResult } from '../load/open-loop.js';
import type { StatementsPerOperation } from '../load/sql-statements.js';
import type { SubgraphName } from '../platform/subgraphs.js';
import type { FirstLoad } from '../web/first-load.js';

/** Everything measured for one target. */
export interface TargetReport {
  name: TargetName;
  label: string;
  /** Operations not answered right before the load, with the problem. */
  problems: Map<string, string>;
  closedLoop: (ClosedLoopResult & { label: string })[];
  overload: OpenLoopResult | null;
  sql: StatementsPerOperation;
  /** The gateway's processes (primary first, then its workers). */
  memory: PeakMemory[];
}

const table = (header: string[], align: ('l' | 'r')[], rows: (string | number)[][]) => [
  `| ${header.join(' | ')} |`,
  `| ${align.map((a) => (a === 'r' ? '---:' : '---')).join(' | ')} |`,
  ...rows.map((row) => `| ${row.join(' | ')} |`),
];

const memoryCell = (memory: PeakMemory[]) => {
  if (!memory.length) return '—';
  const [primary, ...workers] = memory;
  if (!workers.length) return mebibytes(primary!.peakBytes);
  return `${mebibytes(primary!.peakBytes)} + ${workers.length} workers ${workers.map((w) => mebibytes(w.peakBytes)).join(' / ')}`;
};

export function throughputTable(reports: TargetReport[]): string[] {
  return table(
    [
      'target',
      'req/s',
      'p50 ms',
      'p99 ms',
      'errors',
      'GraphQL errors',
      'checked in full',
      'peak memory (VmHWM)',
    ],
    ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
    reports.flatMap((report) =>
      report.closedLoop.map((row) => [
        row.label,
        row.rps,
        row.p50,
        row.p99,
        row.failed,
        row.graphqlErrors,
        `${row.sampled}${row.problems.length ? ` (${row.problems.join('; ')})` : ''}`,
        memoryCell(report.memory),
      ]),
    ),
  );
}

export function overloadTable(reports: TargetReport[]): string[] {
  return table(
    [
      'target',
      'offered req/s',
      'admitted (2xx) req/s',
      'shed 503/429',
      'with Retry-After',
      'timeouts',
      'errors',
      'admitted p50 / p99 ms',
    ],
    ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    reports.flatMap((report) => {
      const o = report.overload;
      if (!o) return [];
      return [
        [
          report.label,
          o.offeredRate,
          o.admittedRps,
          o.shed,
          o.shedWithRetryAfter,
          o.timeouts,
          o.errors,
          `${o.admittedP50.toFixed(0)} / ${o.admittedP99.toFixed(0)}`,
        ],
      ];
    }),
  );
}

export function sqlTable(reports: TargetReport[], operations: string[]): string[] {
  const cell = (counts: Partial<Record<SubgraphName, number>> | undefined) => {
    if (!counts) return '—';
    const parts = Object.entries(counts).map(([subgraph, n]) => `${subgraph} ${n}`);
    return parts.length ? parts.join(', ') : '0';
  };
  return table(
    ['operation', ...reports.map((report) => report.label)],
    ['l', ...reports.map(() => 'r' as const)],
    operations.map((name) => [name, ...reports.map((report) => cell(report.sql.get(name)))]),
  );
}

export function subgraphMemoryTable(memory: Record<SubgraphName, PeakMemory[]>): string[] {
  return table(
    ['subgraph process', 'peak memory (VmHWM)'],
    ['l', 'r'],
    Object.entries(memory).map(([name, peaks]) => [name, memoryCell(peaks)]),
  );
}

export function webTable(web: FirstLoad): string[] {
  return table(
    [
      'shell first-load JS (gzip)',
      'JS files',
      'first contentful paint ms',
      'home page content visible ms',
      'runs',
    ],
    ['r', 'r', 'r', 'r', 'r'],
    [
      [
        `${(web.shellJsGzipBytes / 1024).toFixed(1)} KiB`,
        web.shellJsFiles,
        web.firstContentfulPaintMs,
        web.mainContentMs,
        web.runs,
      ],
    ],
  );
}

export function problemLines(reports: TargetReport[]): string[] {
  return reports.flatMap((report) =>
    [...report.problems].map(([operation, problem]) => `- ${report.label}: ${operation} — ${problem}`),
  );
}
