import type { KeyObject } from 'node:crypto';
import { publicKeyObject, rawPublicKey } from './ed25519.js';
import type { IssuerKeyRing } from './issuer-keys.js';

/**
 * Finds the public key behind a proof's `verificationMethod` for an issuer the verifier trusts:
 * our own DID from the key ring (no network), a `did:key` from the identifier itself, another
 * `did:web` issuer from its DID document (fetched over HTTPS — plain HTTP only for localhost —
 * and cached). A key counts only when the issuer's document lists it under `assertionMethod`.
 */
export interface KeyResolver {
  keyFor(issuer: string, verificationMethod: string): Promise<KeyObject | null>;
}

export type DocumentFetcher = (url: string) => Promise<unknown>;

/** `did:web:host%3Aport:path` → `https://host:port/path/did.json` (`/.well-known/did.json` without a path). */
export function didWebDocumentUrl(did: string): string | null {
  const parts = did.split(':');
  if (parts.length < 3 || parts[0] !== 'did' || parts[1] !== 'web' || !parts[2]) return null;
  const host = decodeURIComponent(parts[2]);
  if (!/^[A-Za-z0-9.-]+(:\d+)?$/.test(host)) return null;
  const path = parts.slice(3).map(decodeURIComponent);
  const local = /^(localhost|127\.0\.0\.1)(:\d+)?$/.test(host);
  const base = `${local ? 'http' : 'https'}://${host}`;
  return path.length ? `${base}/${path.join('/')}/did.json` : `${base}/.well-known/did.json`;
}

function keyOfDidKey(issuer: string, verificationMethod: string): KeyObject | null {
  const multibase = issuer.slice('did:key:'.length);
  if (verificationMethod !== `${issuer}#${multibase}`) return null;
  const raw = rawPublicKey(multibase);
  return raw ? publicKeyObject(raw) : null;
}

function keyInDocument(document: unknown, issuer: string, verificationMethod: string): KeyObject | null {
  if (!document || typeof document !== 'object') return null;
  const doc = document as Record<string, unknown>;
  if (doc.id !== issuer) return null;
  const absolute = (id: unknown) => (typeof id === 'string' && id.startsWith('#') ? `${issuer}${id}` : id);
  const assertion = Array.isArray(doc.assertionMethod) ? doc.assertionMethod : [];
  const listed = assertion.some((a) =>
    typeof a === 'string'
      ? absolute(a) === verificationMethod
      : absolute((a as { id?: unknown })?.id) === verificationMethod,
  );
  if (!listed) return null;
  const methods = [
    ...(Array.isArray(doc.verificationMethod) ? doc.verificationMethod : []),
    ...assertion.filter((a) => typeof a === 'object'),
  ] as Record<string, unknown>[];
  const method = methods.find((m) => absolute(m?.id) === verificationMethod);
  if (!method || (method.controller !== undefined && method.controller !== issuer)) return null;
  const raw = typeof method.publicKeyMultibase === 'string' ? rawPublicKey(method.publicKeyMultibase) : null;
  return raw ? publicKeyObject(raw) : null;
}

const fetchJson: DocumentFetcher = async (url) => {
  const response = await fetch(url, {
    signal: AbortSignal.timeout(5000),
    headers: { accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
};

export function createKeyResolver(options: {
  ring: IssuerKeyRing;
  fetchDocument?: DocumentFetcher;
  now?: () => number;
  cacheMs?: number;
}): KeyResolver {
  const fetchDocument = options.fetchDocument ?? fetchJson;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { at: number; document: unknown }>();
  return {
    async keyFor(issuer, verificationMethod) {
      if (issuer === options.ring.did) return options.ring.publicKey(verificationMethod);
      if (issuer.startsWith('did:key:')) return keyOfDidKey(issuer, verificationMethod);
      const url = didWebDocumentUrl(issuer);
      if (!url) return null;
      let entry = cache.get(url);
      if (!entry || now() - entry.at > (options.cacheMs ?? 300_000)) {
        try {
          entry = { at: now(), document: await fetchDocument(url) };
          cache.set(url, entry);
        } catch {
          return null;
        }
      }
      return keyInDocument(entry.document, issuer, verificationMethod);
    },
  };
}
