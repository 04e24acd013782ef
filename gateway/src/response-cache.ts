import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import type { GatewayContext } from './context.js';

interface Entry {
  /** The answer as Apollo Server would send it. */
  result: FormattedExecutionResult;
  /** …and already serialized, for the fast path. */
  body: string;
  maxAgeSeconds: number;
  storedAt: number;
  expiresAt: number;
  bytes: number;
}

/** What an answer depends on besides the data: the document, the operation, variables, language. */
export function responseCacheKey(
  queryHash: string,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | undefined,
  language: string | null | undefined,
): string {
  return `${queryHash}\n${operationName ?? ''}\n${stableJson(variables ?? {})}\n${language ?? ''}`;
}

/** JSON with object keys sorted, so `{a,b}` and `{b,a}` name the same variables. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

const JSON_TYPE = 'application/json; charset=utf-8';
const GRAPHQL_RESPONSE_TYPE = 'application/graphql-response+json; charset=utf-8';

/**
 * The media type Apollo Server would answer with for this `Accept` header (its negotiation between
 * `application/json` and `application/graphql-response+json`: highest q wins, ties go to the one
 * listed first), or null when the header is anything else — then the fast path steps aside.
 */
export function negotiatedType(accept: string | undefined): string | null {
  if (!accept) return JSON_TYPE;
  let best: { type: string; q: number } | null = null;
  for (const part of accept.split(',')) {
    const [range = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    const type =
      range === 'application/graphql-response+json'
        ? GRAPHQL_RESPONSE_TYPE
        : range === 'application/json'
          ? JSON_TYPE
          : null;
    if (type && q > 0 && (!best || q > best.q)) best = { type, q };
  }
  return best?.type ?? null;
}

/**
 * Whole answers kept in this process's memory: only answers every subgraph called marked
 * `public` with a max-age (`Cache-Control`; today the catalog's guides, search, points,
 * departments), so personal data never is. Shared by all callers, keyed by document, operation,
 * variables and `Accept-Language`; at most `maxBytes` (least recently used dropped first), each
 * for the subgraphs' max-age but never longer than `maxTtlSeconds`.
 *
 * Two ways in. The Apollo plugin serves and fills it for every query. The fast path serves a
 * browser's hash-only request (a persisted document) before Apollo Server runs at all: the
 * caller's token is still checked (`authorize`: 401 and partner rate limits stay as they are),
 * and the stored bytes go out as they are — no pipeline, no serializing.
 */
export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly maxTtlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  get size() {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private lookup(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expiresAt <= this.now()) {
      this.bytes -= entry.bytes;
      return undefined;
    }
    this.entries.set(key, entry); // most recently used goes last
    return entry;
  }

  private store(key: string, result: FormattedExecutionResult, maxAgeSeconds: number): void {
    const ttl = Math.min(maxAgeSeconds, this.maxTtlSeconds);
    const body = JSON.stringify(result);
    const bytes = body.length + key.length;
    const existing = this.entries.get(key);
    if (existing) {
      this.entries.delete(key);
      this.bytes -= existing.bytes;
    }
    if (ttl <= 0 || bytes > this.maxBytes) return;
    const storedAt = this.now();
    this.entries.set(key, { result, body, maxAgeSeconds, storedAt, expiresAt: storedAt + ttl * 1000, bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
  }

  private headersOf(entry: Entry): Array<[string, string]> {
    const age = Math.floor((this.now() - entry.storedAt) / 1000);
    return [
      ['age', String(age)],
      ['cache-control', `max-age=${Math.max(0, entry.maxAgeSeconds - age)}, public`],
    ];
  }

  private keyOf(context: GraphQLRequestContext<GatewayContext>): string | null {
    if (context.operation?.operation !== 'query' || !context.queryHash) return null;
    return responseCacheKey(
      context.queryHash,
      context.request.operationName,
      context.request.variables,
      context.request.http?.headers.get('accept-language'),
    );
  }

  plugin(): ApolloServerPlugin<GatewayContext> {
    return {
      requestDidStart: async () => {
        let hit = false;
        // Computed once per request: looked up before execution, stored under after it.
        let key: string | null = null;
        return {
          responseForOperation: async (context) => {
            key = this.keyOf(context);
            const entry = key ? this.lookup(key) : undefined;
            if (!entry) return null;
            hit = true;
            for (const [name, value] of this.headersOf(entry)) context.response.http.headers.set(name, value);
            return { http: context.response.http, body: { kind: 'single', singleResult: entry.result } };
          },
          willSendResponse: async (context) => {
            if (hit || context.response.body.kind !== 'single') return;
            const { singleResult } = context.response.body;
            const policy = context.overallCachePolicy.policyIfCacheable();
            if (!key || singleResult.errors || !policy || policy.scope !== 'PUBLIC') return;
            this.store(key, { data: singleResult.data }, policy.maxAge);
          },
        };
      },
    };
  }

  /**
   * For kit's HTTP server (`preHandler`): answer a hash-only POST from the cache, or return false
   * and let Apollo Server handle it. `authorize` runs the gateway's own token and rate-limit
   * checks; if it throws, Apollo Server answers (with the same refusal).
   */
  fastPath(
    authorize: (req: IncomingMessage) => Promise<unknown>,
    /** Whether this document may be asked for by hash alone (PERSISTED_DOCUMENTS=require: the manifest's only). */
    hashAllowed: (hash: string) => boolean = () => true,
  ): (req: IncomingMessage, res: ServerResponse, body: unknown) => Promise<boolean> {
    return async (req, res, body) => {
      if (req.method !== 'POST' || !body || typeof body !== 'object') return false;
      const { query, operationName, variables, extensions } = body as {
        query?: unknown;
        operationName?: string;
        variables?: Record<string, unknown>;
        extensions?: { persistedQuery?: { version?: number; sha256Hash?: unknown } };
      };
      const hash = extensions?.persistedQuery?.sha256Hash;
      if (query !== undefined || extensions?.persistedQuery?.version !== 1 || typeof hash !== 'string')
        return false;
      if (!hashAllowed(hash)) return false;
      const type = negotiatedType(req.headers.accept);
      if (!type) return false;
      const language = req.headers['accept-language'];
      const entry = this.lookup(
        responseCacheKey(hash, operationName, variables, typeof language === 'string' ? language : undefined),
      );
      if (!entry) return false;
      try {
        await authorize(req);
      } catch {
        return false;
      }
      res.statusCode = 200;
      res.setHeader('content-type', type);
      for (const [name, value] of this.headersOf(entry)) res.setHeader(name, value);
      res.end(entry.body);
      return true;
    };
  }
}
