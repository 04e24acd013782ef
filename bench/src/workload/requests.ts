import { IDENTITY_HEADER } from '@bianmin/kit';
import type { DataFacts } from '../data/facts.js';
import type { SubgraphName } from '../platform/subgraphs.js';
import { operationNamed, type PersistedOperation } from './manifest.js';
import type { MixOperation } from './mix.js';

/** One request of a run, ready to send. */
export interface PreparedRequest {
  operation: MixOperation;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Who is asking: bearer tokens through a gateway, or signed identity headers straight to a subgraph. */
export interface Callers {
  residents: string[];
  staff: string;
}

/** Where the requests go and in what form. */
export type Destination =
  | { kind: 'gateway'; url: string; tokens: Callers; persisted: boolean }
  | { kind: 'subgraph'; urls: Record<SubgraphName, string>; identityHeaders: Callers };

/**
 * The mix as a fixed order of operations: each appears in proportion to its weight, spread out
 * (smooth weighted round-robin, as nginx balances upstreams), never in bursts of one kind.
 */
export function mixOrder(mix: MixOperation[], length: number): MixOperation[] {
  const current = mix.map(() => 0);
  const total = mix.reduce((sum, operation) => sum + operation.weight, 0);
  const order: MixOperation[] = [];
  for (let i = 0; i < length; i++) {
    let best = 0;
    mix.forEach((operation, index) => {
      current[index]! += operation.weight;
      if (current[index]! > current[best]!) best = index;
    });
    current[best]! -= total;
    order.push(mix[best]!);
  }
  return order;
}

/** The body Apollo Client sends: the full text, or only the hash (automatic persisted queries). */
export function bodyOf(
  document: PersistedOperation,
  variables: Record<string, unknown> | undefined,
  persisted: boolean,
) {
  return JSON.stringify(
    persisted
      ? {
          operationName: document.name,
          variables: variables ?? {},
          extensions: { persistedQuery: { version: 1, sha256Hash: document.id } },
        }
      : { operationName: document.name, variables: variables ?? {}, query: document.body },
  );
}

/**
 * `length` requests of `mix` for `destination`: residents take turns (many users, not one), and
 * each operation walks through the data's facts for its variables.
 */
export function prepareRequests(
  mix: MixOperation[],
  manifest: PersistedOperation[],
  facts: DataFacts,
  destination: Destination,
  length = 2000,
): PreparedRequest[] {
  const seen = new Map<string, number>();
  let resident = 0;
  return mixOrder(mix, length).map((operation) => {
    const n = seen.get(operation.name) ?? 0;
    seen.set(operation.name, n + 1);
    const document = operationNamed(manifest, operation.name);
    const variables = operation.variables({ n, facts });
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (destination.kind === 'gateway') {
      const { tokens } = destination;
      const token =
        operation.as === 'staff' ? tokens.staff : tokens.residents[resident++ % tokens.residents.length]!;
      headers.authorization = `Bearer ${token}`;
      return {
        operation,
        url: destination.url,
        headers,
        body: bodyOf(document, variables, destination.persisted),
      };
    }
    if (!operation.subgraph)
      throw new Error(`${operation.name} spans subgraphs: it has no subgraph to ask directly`);
    const { identityHeaders } = destination;
    headers[IDENTITY_HEADER] =
      operation.as === 'staff'
        ? identityHeaders.staff
        : identityHeaders.residents[resident++ % identityHeaders.residents.length]!;
    return {
      operation,
      url: destination.urls[operation.subgraph],
      headers,
      body: bodyOf(document, variables, false),
    };
  });
}
