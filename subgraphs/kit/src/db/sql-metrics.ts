import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Orm } from './orm.js';

/**
 * Opt-in count of SQL statements (`SQL_METRICS=true`), for the benchmark's "statements per
 * operation" that catches N+1 queries. Every statement the ORM's knex runs is counted by domain,
 * apart for those issued while serving an HTTP request and those of background work (outbox
 * relays, schedulers), which would otherwise blur a per-request figure.
 */
export const sqlMetricsEnabled = (env: Record<string, string | undefined> = process.env) =>
  env.SQL_METRICS === 'true';

type Source = 'request' | 'background';
const counts = new Map<string, Record<Source, number>>();
const requestScope = new AsyncLocalStorage<true>();

/** From now on, the statements that `server`'s requests cause count as `source="request"`. */
export function countStatementsOfRequests(server: Server): void {
  const listeners = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) =>
    requestScope.run(true, () => {
      for (const listener of listeners) listener.call(server, req, res);
    }),
  );
}

/** Count every statement `orm` runs, under `domain`. */
export function countSqlStatements(orm: Orm, domain: string): void {
  const tally = counts.get(domain) ?? { request: 0, background: 0 };
  counts.set(domain, tally);
  const knex = (orm.em.getConnection() as unknown as { getKnex(): NodeJS.EventEmitter }).getKnex();
  knex.on('query', () => {
    tally[requestScope.getStore() ? 'request' : 'background'] += 1;
  });
}

/** The counters in Prometheus' text format. */
export function sqlMetricsText(): string {
  const lines = [
    '# HELP bianmin_sql_statements_total SQL statements run, by domain and by what caused them.',
    '# TYPE bianmin_sql_statements_total counter',
  ];
  for (const [domain, tally] of counts) {
    for (const source of ['request', 'background'] as const)
      lines.push(`bianmin_sql_statements_total{domain="${domain}",source="${source}"} ${tally[source]}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `GET /metrics`. */
export function sqlMetricsRoute(_req: IncomingMessage, res: ServerResponse): void {
  const text = sqlMetricsText();
  res.writeHead(200, {
    'content-type': 'text/plain; version=0.0.4; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
