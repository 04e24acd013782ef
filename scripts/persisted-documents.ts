/**
 * `npm run persisted:generate` writes, and `npm run persisted:check` verifies, the manifest of every
 * GraphQL document the first-party frontends send: `schema/persisted-documents.json`, in Apollo's
 * persisted-query-manifest format. The gateway resolves `extensions.persistedQuery.sha256Hash`
 * from it (so the browser sends a hash, not the document) and, with `PERSISTED_DOCUMENTS=require`,
 * refuses other documents from anyone but partner clients.
 *
 * Each document's body is captured from a real Apollo Client with the frontends' own cache, so it
 * is byte for byte what the browser prints and hashes (`__typename`s added, client-only parts
 * removed). Documents sent with plain `fetch` (the shell's session transport) are listed as sent.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ApolloClient, ApolloLink, Observable } from '@apollo/client';
import { print } from '@apollo/client/utilities';
import { createCatalogCache } from '@bianmin/frontend-kit';
import { Kind, type DocumentNode, type OperationDefinitionNode } from 'graphql';

const root = fileURLToPath(new URL('..', import.meta.url));
const MANIFEST = join(root, 'schema', 'persisted-documents.json');
const SOURCE_ROOTS = [
  'frontends/services/src',
  'frontends/affairs/src',
  'frontends/licences/src',
  'shell/src',
];

export interface PersistedOperation {
  id: string;
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  body: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry) ? [path] : [];
  });
}

const isDocument = (value: unknown): value is DocumentNode =>
  typeof value === 'object' && value !== null && (value as DocumentNode).kind === Kind.DOCUMENT;

const operationOf = (document: DocumentNode) =>
  document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);

/** What Apollo Client puts on the wire for `document`: captured by a link that answers nothing. */
async function wireBody(document: DocumentNode): Promise<string> {
  let captured: string | undefined;
  const client = new ApolloClient({
    cache: createCatalogCache(),
    link: new ApolloLink((operation) => {
      captured = print(operation.query);
      return new Observable((observer) => {
        observer.next({ data: null });
        observer.complete();
      });
    }),
  });
  const operation = operationOf(document)!;
  if (operation.operation === 'mutation') await client.mutate({ mutation: document }).catch(() => undefined);
  else await client.query({ query: document, fetchPolicy: 'no-cache' }).catch(() => undefined);
  if (!captured) throw new Error(`Apollo Client sent nothing for ${operation.name?.value ?? 'an operation'}`);
  return captured;
}

export async function collectOperations(): Promise<PersistedOperation[]> {
  const byName = new Map<string, PersistedOperation>();
  const add = (type: PersistedOperation['type'], name: string, body: string, from: string) => {
    const id = createHash('sha256').update(body).digest('hex');
    const existing = byName.get(name);
    if (existing && existing.id !== id)
      throw new Error(`two different operations are named ${name} (${from})`);
    byName.set(name, { id, name, type, body });
  };
  for (const sourceRoot of SOURCE_ROOTS) {
    for (const file of sourceFiles(join(root, sourceRoot))) {
      const text = readFileSync(file, 'utf8');
      if (!text.includes('gql`') && !text.includes('SESSION_DOCUMENTS')) continue;
      const exports = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      for (const value of Object.values(exports)) {
        if (!isDocument(value)) continue;
        const operation = operationOf(value);
        if (!operation?.name) continue; // fragments only
        add(operation.operation, operation.name.value, await wireBody(value), relative(root, file));
      }
      const session = exports.SESSION_DOCUMENTS as Record<string, string> | undefined;
      for (const [name, body] of Object.entries(session ?? {}))
        add('mutation', name, body, relative(root, file));
    }
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function manifestText(operations: PersistedOperation[]): string {
  return `${JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations }, null, 2)}\n`;
}

const check = process.argv.includes('--check');
const text = manifestText(await collectOperations());
if (check) {
  let current = '';
  try {
    current = readFileSync(MANIFEST, 'utf8');
  } catch {
    // missing: reported below
  }
  if (current !== text) {
    console.error(
      'schema/persisted-documents.json is out of date with the frontends’ documents: run `npm run persisted:generate`.',
    );
    process.exit(1);
  }
  console.log('persisted documents manifest is up to date');
} else {
  writeFileSync(MANIFEST, text);
  console.log(`wrote ${relative(root, MANIFEST)}`);
}
