import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is schema/src/subgraphs.ts). */
export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

/** One subgraph's SDL as it goes into composition. */
export interface SubgraphSource {
  /** The folder name under subgraphs/, also the subgraph name in the supergraph. */
  name: string;
  /** Default local URL from schema/subgraphs.json; the gateway can override it per environment. */
  url: string;
  sdl: string;
  /** Where the SDL came from, relative to the repository root (for messages). */
  file: string;
}

/** Folders under subgraphs/ that hold shared code, not a domain. */
const NOT_SUBGRAPHS = new Set(['kit']);

export class DiscoveryError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'DiscoveryError';
  }
}

/** Reads schema/subgraphs.json: subgraph name → default local URL. */
export async function readRegistry(root = REPO_ROOT): Promise<Record<string, string>> {
  const file = join(root, 'schema', 'subgraphs.json');
  const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new DiscoveryError(['schema/subgraphs.json must be an object mapping subgraph name → URL']);
  }
  const problems: string[] = [];
  for (const [name, url] of Object.entries(parsed)) {
    if (typeof url !== 'string' || !/^https?:\/\//.test(url)) {
      problems.push(`schema/subgraphs.json: "${name}" must map to an http(s) URL`);
    }
  }
  if (problems.length) throw new DiscoveryError(problems);
  return parsed as Record<string, string>;
}

/**
 * Every `subgraphs/<name>/src/schema.graphql` (except shared code), sorted by name, each with its
 * URL from the registry. A subgraph without a registry entry is an error: composition needs a URL.
 */
export async function discoverSubgraphs(root = REPO_ROOT): Promise<SubgraphSource[]> {
  const registry = await readRegistry(root);
  const folders = (await readdir(join(root, 'subgraphs'), { withFileTypes: true }))
    .filter((entry) => entry.isDirectory() && !NOT_SUBGRAPHS.has(entry.name))
    .map((entry) => entry.name)
    .sort();

  const problems: string[] = [];
  const sources: SubgraphSource[] = [];
  for (const name of folders) {
    const file = join('subgraphs', name, 'src', 'schema.graphql');
    if (!existsSync(join(root, file))) continue;
    const url = registry[name];
    if (!url) {
      problems.push(
        `${file} has no URL: add "${name}": "http://localhost:<port>/graphql" to schema/subgraphs.json`,
      );
      continue;
    }
    sources.push({ name, url, sdl: await readFile(join(root, file), 'utf8'), file });
  }
  for (const name of Object.keys(registry)) {
    if (!folders.includes(name) || !existsSync(join(root, 'subgraphs', name, 'src', 'schema.graphql'))) {
      problems.push(
        `schema/subgraphs.json lists "${name}", but subgraphs/${name}/src/schema.graphql does not exist`,
      );
    }
  }
  if (problems.length) throw new DiscoveryError(problems);
  if (sources.length === 0) throw new DiscoveryError(['no subgraphs/*/src/schema.graphql found']);
  return sources;
}
