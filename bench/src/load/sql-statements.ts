import type { Subgraphs, SubgraphName } from '../platform/subgraphs.js';
import { SUBGRAPH_NAMES } from '../platform/subgraphs.js';
import { sendAndCheck } from '../workload/check.js';
import type { PreparedRequest } from '../workload/requests.js';

/** SQL statements one operation costs, per subgraph (only those that ran any). */
export type StatementsPerOperation = Map<string, Partial<Record<SubgraphName, number>>>;

/** Statements run while serving requests, per subgraph, from each one's `GET /metrics`. */
async function requestStatements(subgraphs: Subgraphs): Promise<Record<SubgraphName, number>> {
  const counts = await Promise.all(
    SUBGRAPH_NAMES.map(async (name) => {
      const text = await (await fetch(`${subgraphs.processes[name].origin}/metrics`)).text();
      const pattern = /^bianmin_sql_statements_total\{domain="[^"]+",source="request"\} (\d+)$/gm;
      let sum = 0;
      for (const match of text.matchAll(pattern)) sum += Number(match[1]);
      return [name, sum] as const;
    }),
  );
  return Object.fromEntries(counts) as Record<SubgraphName, number>;
}

/**
 * Each operation of the mix run `repeats` times alone, one after another, and the subgraphs'
 * statement counters read before and after: statements per operation, to catch N+1 queries.
 * Only statements made while serving requests count (kit keeps background work apart). With a
 * response cache in front, repeats after the first may cost nothing: that is the cache working.
 */
export async function countStatements(
  requests: PreparedRequest[],
  subgraphs: Subgraphs,
  repeats: number,
): Promise<StatementsPerOperation> {
  const byOperation = new Map<string, PreparedRequest[]>();
  for (const request of requests)
    byOperation.set(request.operation.name, [...(byOperation.get(request.operation.name) ?? []), request]);
  const result: StatementsPerOperation = new Map();
  for (const [name, ofOperation] of byOperation) {
    const before = await requestStatements(subgraphs);
    for (let i = 0; i < repeats; i++) {
      const problem = await sendAndCheck(ofOperation[i % ofOperation.length]!);
      if (problem) throw new Error(`${name} failed while counting its SQL statements: ${problem}`);
    }
    const after = await requestStatements(subgraphs);
    const perSubgraph: Partial<Record<SubgraphName, number>> = {};
    for (const subgraph of SUBGRAPH_NAMES) {
      const statements = (after[subgraph] - before[subgraph]) / repeats;
      if (statements > 0) perSubgraph[subgraph] = Math.round(statements * 10) / 10;
    }
    result.set(name, perSubgraph);
  }
  return result;
}
