import { Bitstring } from './bitstring.js';

/**
 * The verifier's side of the Bitstring Status List: fetches a list credential by URL and keeps it
 * for `cacheMs` (the list's own `max-age`, 60 s), so a revocation shows once the cached copy is
 * refreshed. The caller verifies the list's proof (verify.ts); this only fetches and caches.
 */
export type StatusListFetcher = (url: string) => Promise<unknown>;

export interface StatusListClient {
  get(
    url: string,
  ): Promise<{ ok: true; credential: Record<string, unknown> } | { ok: false; detail: string }>;
  /** Forget cached lists (tests, or an operator after an incident). */
  clear(): void;
}

const MAX_BYTES = 2_000_000;

/** Plain HTTP(S) GET of a list credential, bounded in time and size. */
export const httpStatusListFetcher: StatusListFetcher = async (url) => {
  if (!/^https?:\/\//.test(url)) throw new Error('not an http(s) URL');
  const response = await fetch(url, {
    signal: AbortSignal.timeout(5000),
    headers: { accept: 'application/vc+ld+json, application/json' },
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const text = await response.text();
  if (text.length > MAX_BYTES) throw new Error('status list too large');
  return JSON.parse(text);
};

export function createStatusListClient(options: {
  fetch: StatusListFetcher;
  now?: () => number;
  cacheMs?: number;
  maxEntries?: number;
}): StatusListClient {
  const now = options.now ?? Date.now;
  const ttl = options.cacheMs ?? 60_000;
  const cache = new Map<string, { at: number; credential: Record<string, unknown> }>();
  return {
    async get(url) {
      const hit = cache.get(url);
      // A clock that went backwards (tests, a corrected server clock) does not keep an entry forever.
      const age = hit ? now() - hit.at : -1;
      if (hit && age >= 0 && age < ttl) return { ok: true, credential: hit.credential };
      try {
        const credential = await options.fetch(url);
        if (!credential || typeof credential !== 'object' || Array.isArray(credential))
          return { ok: false, detail: 'the status list is not a JSON object' };
        if (cache.size >= (options.maxEntries ?? 1000)) cache.delete(cache.keys().next().value!);
        cache.set(url, { at: now(), credential: credential as Record<string, unknown> });
        return { ok: true, credential: credential as Record<string, unknown> };
      } catch (error) {
        return { ok: false, detail: `the status list could not be fetched: ${(error as Error).message}` };
      }
    },
    clear: () => cache.clear(),
  };
}

/** Decode a list credential's bitstring (null when it is not a BitstringStatusList). */
export function bitstringOf(credential: Record<string, unknown>): Bitstring | null {
  const subject = credential.credentialSubject as Record<string, unknown> | undefined;
  return typeof subject?.encodedList === 'string' ? Bitstring.decode(subject.encodedList) : null;
}
