import { readdirSync, readFileSync } from 'node:fs';

/** One process's peak resident memory. */
export interface PeakMemory {
  pid: number;
  /** `VmHWM` from /proc/<pid>/status, in bytes: the most the process ever held in RAM. */
  peakBytes: number;
}

function statusOf(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return null; // gone already
  }
}

function peakOf(pid: number): number | null {
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(statusOf(pid) ?? '');
  return match ? Number(match[1]) * 1024 : null;
}

/** Every process whose parent is `pid`, from /proc/<n>/stat (field 4 is the parent's pid). */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name (field 2) is in parentheses and may hold spaces: read after the last ')'.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === pid) children.push(Number(entry));
    } catch {
      // exited while we looked
    }
  }
  return children;
}

/**
 * The peak memory of `pid` and of every process below it (a gateway's forked workers), read while
 * they still run: VmHWM is gone once a process has exited.
 */
export function peakMemoryOfTree(pid: number): PeakMemory[] {
  const found: PeakMemory[] = [];
  const visit = (current: number) => {
    const peakBytes = peakOf(current);
    if (peakBytes === null) return;
    found.push({ pid: current, peakBytes });
    for (const child of childrenOf(current)) visit(child);
  };
  visit(pid);
  return found;
}

export const mebibytes = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;
