import { createLocalJWKSet, errors, jwtVerify, SignJWT, type JSONWebKeySet } from 'jose';
import type { Identity } from './identity.js';
import type { SigningKeys } from './signing-keys.js';

export const ACCESS_TOKEN_ISSUER = 'bianmin-identity';
export const ACCESS_TOKEN_AUDIENCE = 'bianmin-api';
export const ACCESS_TOKEN_TTL_SECONDS = 600;
/** The one algorithm accepted: `none`, HS256 and the rest are refused before any key is used. */
const ALGORITHMS = ['EdDSA'];

interface Claims {
  pid?: string | null;
  roles: string[];
  dept?: string | null;
  sid?: string | null;
  mfa?: boolean;
  client_id?: string | null;
  scope?: string;
}

/** A short-lived access token (JWT, EdDSA) for the identity. */
export async function signAccessToken(
  keys: SigningKeys,
  identity: Identity,
  options: { ttlSeconds?: number; now?: number } = {},
): Promise<string> {
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  const claims: Claims = {
    pid: identity.personId ?? null,
    roles: identity.roles,
    dept: identity.department ?? null,
    sid: identity.sessionId ?? null,
    mfa: identity.mfa ?? false,
    client_id: identity.clientId ?? null,
    scope: identity.scopes?.join(' '),
  };
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'EdDSA', kid: keys.kid, typ: 'at+jwt' })
    .setSubject(identity.accountId ?? identity.clientId ?? 'anonymous')
    .setIssuer(ACCESS_TOKEN_ISSUER)
    .setAudience(ACCESS_TOKEN_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + (options.ttlSeconds ?? ACCESS_TOKEN_TTL_SECONDS))
    .sign(keys.privateKey);
}

export type AccessTokenProblem = 'expired' | 'invalid';

/**
 * One jose key set per published key set: it imports each public key once and keeps it, instead
 * of once per token checked (a WeakMap, so a reloaded key set simply replaces the old one).
 */
const keySets = new WeakMap<JSONWebKeySet, ReturnType<typeof createLocalJWKSet>>();
function keySetOf(jwks: JSONWebKeySet) {
  let keySet = keySets.get(jwks);
  if (!keySet) keySets.set(jwks, (keySet = createLocalJWKSet(jwks)));
  return keySet;
}

/** Verify signature (EdDSA only, key by `kid`), issuer, audience and expiry. */
export async function verifyAccessToken(
  jwks: JSONWebKeySet,
  token: string,
  options: { now?: number } = {},
): Promise<{ ok: true; identity: Identity } | { ok: false; problem: AccessTokenProblem; detail: string }> {
  try {
    const { payload } = await jwtVerify(token, keySetOf(jwks), {
      algorithms: ALGORITHMS,
      issuer: ACCESS_TOKEN_ISSUER,
      audience: ACCESS_TOKEN_AUDIENCE,
      currentDate: options.now ? new Date(options.now) : undefined,
      clockTolerance: 5,
      requiredClaims: ['exp', 'iat', 'sub'],
    });
    const roles = Array.isArray(payload.roles)
      ? payload.roles.filter((r): r is string => typeof r === 'string')
      : [];
    const clientId = typeof payload.client_id === 'string' ? payload.client_id : null;
    return {
      ok: true,
      identity: {
        accountId: clientId ? null : (payload.sub ?? null),
        personId: typeof payload.pid === 'string' ? payload.pid : null,
        roles,
        department: typeof payload.dept === 'string' ? payload.dept : null,
        sessionId: typeof payload.sid === 'string' ? payload.sid : null,
        mfa: payload.mfa === true,
        clientId,
        scopes: typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [],
      },
    };
  } catch (error) {
    if (error instanceof errors.JWTExpired)
      return { ok: false, problem: 'expired', detail: 'the access token has expired' };
    const detail = error instanceof errors.JOSEError ? error.code : 'unreadable token';
    return { ok: false, problem: 'invalid', detail };
  }
}
