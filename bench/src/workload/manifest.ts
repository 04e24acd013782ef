import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The documents the frontends send, exactly as Apollo Client sends them (`__typename`s
 * included), in Apollo's persisted-query manifest format; made by the lead's
 * `npm run persisted:generate` from the frontends' sources.
 */
export const MANIFEST_PATH = fileURLToPath(
  new URL('../../../schema/persisted-documents.json', import.meta.url),
);

export interface PersistedOperation {
  /** sha256 hex of `body`. */
  id: string;
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  body: string;
}

interface Manifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: PersistedOperation[];
}

export function loadManifest(path = MANIFEST_PATH): PersistedOperation[] {
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  if (manifest.format !== 'apollo-persisted-query-manifest' || manifest.version !== 1)
    throw new Error(`${path}: not an Apollo persisted-query manifest (version 1)`);
  for (const operation of manifest.operations) {
    const hash = createHash('sha256').update(operation.body).digest('hex');
    if (hash !== operation.id)
      throw new Error(`${path}: ${operation.name}'s id is not the sha256 of its body`);
  }
  return manifest.operations;
}

/** The operation called `name`; a workload that names a missing one stops here, not mid-run. */
export function operationNamed(operations: PersistedOperation[], name: string): PersistedOperation {
  const found = operations.find((operation) => operation.name === name);
  if (!found) throw new Error(`no operation named ${name} in the persisted-documents manifest`);
  return found;
}
