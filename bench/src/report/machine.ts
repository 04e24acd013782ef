import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { REPO_ROOT } from '../harness/service-process.js';

/** On a shared machine other work skews the figures: the load average says whether there was any. */
export const loadAverage = () =>
  loadavg()
    .map((load) => load.toFixed(2))
    .join(' / ');

function gitCommit(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    return dirty ? `${commit} (with uncommitted changes)` : commit;
  } catch {
    return 'unknown';
  }
}

/** CPU, cores, memory, Node and the commit: what the results were measured on. */
export function machineDescription(): string {
  const cores = cpus();
  return (
    `${cores.length} × ${cores[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ` +
    `Node ${process.version}, ${process.platform} ${process.arch}; commit ${gitCommit()}`
  );
}
