/**
 * A small client for the log's public GraphQL API (through the gateway or the subgraph), for
 * the command-line verifier's `fetch` and for the witness. Nothing it returns is trusted: the
 * callers verify signatures and proofs themselves.
 */

/** Runs one operation and returns its `data`; throws LogClientError on GraphQL or HTTP errors. */
export type GraphQLExec = (query: string, variables?: Record<string, unknown>) => Promise<unknown>;

export class LogClientError extends Error {
  constructor(
    message: string,
    readonly code: string | null = null,
  ) {
    super(message);
    this.name = 'LogClientError';
  }
}

/** GraphQL over HTTP POST with a timeout. */
export function httpGraphQL(url: string, { timeoutMs = 10_000 }: { timeoutMs?: number } = {}): GraphQLExec {
  return async (query, variables) => {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new LogClientError(`cannot reach ${url}: ${(error as Error).message}`);
    }
    let body: { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> };
    try {
      body = (await response.json()) as typeof body;
    } catch {
      throw new LogClientError(`${url} answered HTTP ${response.status} without JSON`);
    }
    const first = body.errors?.[0];
    if (first) throw new LogClientError(first.message, first.extensions?.code ?? null);
    if (!response.ok) throw new LogClientError(`${url} answered HTTP ${response.status}`);
    return body.data;
  };
}

export interface CheckpointJson {
  treeSize: number;
  rootHash: string;
  signedNote: string;
  origin: string;
  createdAt: string;
}

/** What `evidenceEntry` returns; the verifier's `--entry` file. */
export interface EntryJson {
  index: number;
  entry: string;
  leafHash: string;
  treeSize: number;
  inclusionProof: string[];
}

/** What `evidenceConsistency` returns; the verifier's `--proof` file. */
export interface ConsistencyJson {
  fromSize: number;
  toSize: number;
  proof: string[];
}

export interface LogKeysJson {
  origin: string;
  verifierKey: string;
  publicKey: string;
  algorithm: string;
  previousVerifierKeys: string[];
}

export interface LogClient {
  checkpoint(): Promise<CheckpointJson | null>;
  entry(index: number, treeSize?: number): Promise<EntryJson>;
  consistency(fromSize: number, toSize: number): Promise<ConsistencyJson>;
  keys(): Promise<LogKeysJson>;
}

export function logClient(exec: GraphQLExec): LogClient {
  const run = async <T>(field: string, query: string, variables?: Record<string, unknown>): Promise<T> => {
    const data = (await exec(query, variables)) as Record<string, T> | null | undefined;
    if (!data || !(field in data)) throw new LogClientError(`the answer has no ${field}`);
    return data[field]!;
  };
  return {
    checkpoint: () =>
      run<CheckpointJson | null>(
        'evidenceCheckpoint',
        'query { evidenceCheckpoint { treeSize rootHash signedNote origin createdAt } }',
      ),
    entry: (index, treeSize) =>
      run<EntryJson>(
        'evidenceEntry',
        'query($index: Int!, $treeSize: Int) { evidenceEntry(index: $index, treeSize: $treeSize) { index entry leafHash treeSize inclusionProof } }',
        { index, treeSize },
      ),
    consistency: (fromSize, toSize) =>
      run<ConsistencyJson>(
        'evidenceConsistency',
        'query($fromSize: Int!, $toSize: Int!) { evidenceConsistency(fromSize: $fromSize, toSize: $toSize) { fromSize toSize proof } }',
        { fromSize, toSize },
      ),
    keys: () =>
      run<LogKeysJson>(
        'evidenceLogKeys',
        'query { evidenceLogKeys { origin verifierKey publicKey algorithm previousVerifierKeys } }',
      ),
  };
}
