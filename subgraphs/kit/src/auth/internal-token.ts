import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Identity } from './identity.js';

/**
 * The gateway → subgraph identity header. A compact token `v1.<payload>.<mac>`: the payload is the
 * verified identity plus issue and expiry times, the MAC is HMAC-SHA256 with a secret only the
 * gateway and the subgraphs hold. An outside caller cannot forge it, and a captured one expires
 * within a minute.
 */
export const IDENTITY_HEADER = 'x-bianmin-identity';
const VERSION = 'v1';
export const INTERNAL_TOKEN_TTL_SECONDS = 60;

interface Payload {
  id: Identity;
  iat: number;
  exp: number;
  rid?: string;
  /** The caller's IP as the gateway saw it; signed, so subgraphs can rate-limit by it. */
  ip?: string;
}

const mac = (secret: string, data: string) => createHmac('sha256', secret).update(data).digest('base64url');

export function signInternalIdentity(
  identity: Identity,
  secret: string,
  options: { requestId?: string; clientIp?: string; now?: number; ttlSeconds?: number } = {},
): string {
  const iat = Math.floor((options.now ?? Date.now()) / 1000);
  const payload: Payload = {
    id: identity,
    iat,
    exp: iat + (options.ttlSeconds ?? INTERNAL_TOKEN_TTL_SECONDS),
    rid: options.requestId,
    ip: options.clientIp,
  };
  const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return `${VERSION}.${body}.${mac(secret, `${VERSION}.${body}`)}`;
}

export type InternalTokenProblem = 'malformed' | 'bad-signature' | 'expired';

export function verifyInternalIdentity(
  token: string,
  secret: string,
  now: number = Date.now(),
): { ok: true; identity: Identity; clientIp?: string } | { ok: false; problem: InternalTokenProblem } {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== VERSION || !parts[1] || !parts[2])
    return { ok: false, problem: 'malformed' };
  const expected = Buffer.from(mac(secret, `${parts[0]}.${parts[1]}`));
  const given = Buffer.from(parts[2]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, problem: 'bad-signature' };
  let payload: Payload;
  try {
    payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Payload;
  } catch {
    return { ok: false, problem: 'malformed' };
  }
  if (typeof payload.exp !== 'number' || payload.exp * 1000 < now) return { ok: false, problem: 'expired' };
  const id = payload.id;
  if (!id || !Array.isArray(id.roles) || !id.roles.every((r) => typeof r === 'string'))
    return { ok: false, problem: 'malformed' };
  return typeof payload.ip === 'string'
    ? { ok: true, identity: id, clientIp: payload.ip }
    : { ok: true, identity: id };
}
