import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';

/** A recorded decision to ship a breaking change (one entry in schema/breaking-changes.json). */
export interface Acknowledgement {
  /** The change's message or path, exactly as the check prints it. */
  change: string;
  reason: string;
  approvedBy: string;
  /** YYYY-MM-DD */
  date: string;
}

export interface BreakingChange {
  message: string;
  path?: string;
}

/** The breaking changes from one API schema to the next (graphql-inspector's criticality). */
export async function findBreakingChanges(oldSdl: string, newSdl: string): Promise<BreakingChange[]> {
  const changes: Change[] = await diff(buildSchema(oldSdl), buildSchema(newSdl));
  return changes
    .filter((change) => change.criticality.level === CriticalityLevel.Breaking)
    .map((change) =>
      change.path ? { message: change.message, path: change.path } : { message: change.message },
    );
}

/** Breaking changes that no acknowledgement names (by message or by path). */
export function unacknowledged(
  changes: BreakingChange[],
  acknowledgements: Acknowledgement[],
): BreakingChange[] {
  const named = new Set(acknowledgements.map((ack) => ack.change));
  return changes.filter((change) => !named.has(change.message) && !(change.path && named.has(change.path)));
}

export class AcknowledgementError extends Error {
  constructor(readonly problems: string[]) {
    super(`schema/breaking-changes.json is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'AcknowledgementError';
  }
}

/** Validates the acknowledgement file's contents; throws AcknowledgementError listing every problem. */
export function parseAcknowledgements(json: unknown): Acknowledgement[] {
  if (!Array.isArray(json)) throw new AcknowledgementError(['the file must hold a JSON array']);
  const problems: string[] = [];
  json.forEach((entry: unknown, index) => {
    const at = `entry ${index}`;
    if (typeof entry !== 'object' || entry === null) return problems.push(`${at}: must be an object`);
    const record = entry as Record<string, unknown>;
    for (const key of ['change', 'reason', 'approvedBy', 'date'] as const) {
      const value = record[key];
      if (typeof value !== 'string' || value.trim() === '')
        problems.push(`${at}: "${key}" must be a non-empty string`);
    }
    const date = record.date;
    if (typeof date === 'string' && !isIsoDate(date))
      problems.push(`${at}: "date" must be a real date as YYYY-MM-DD`);
  });
  if (problems.length) throw new AcknowledgementError(problems);
  return json as Acknowledgement[];
}

function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** Reads the acknowledgement file; a missing file means no acknowledgements. */
export async function readAcknowledgements(file: string): Promise<Acknowledgement[]> {
  if (!existsSync(file)) return [];
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new AcknowledgementError([
      `not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    ]);
  }
  return parseAcknowledgements(json);
}

const run = promisify(execFile);

/**
 * The last committed `schema/api.graphql` (`git show HEAD:schema/api.graphql`), or null when there
 * is nothing to compare against: no commit yet, the file is not in HEAD, or not a git checkout.
 */
export async function committedApiSdl(root: string): Promise<string | null> {
  try {
    const { stdout } = await run('git', ['show', 'HEAD:./schema/api.graphql'], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch {
    return null;
  }
}
