import { randomBytes, timingSafeEqual } from 'node:crypto';
import { raw, type EntityManager } from '@mikro-orm/core';
import {
  ErrorCode,
  fail,
  ok,
  pick,
  signAccessToken,
  type Failure,
  type Locale,
  type Logger,
  type Result,
  type Viewer,
} from '@bianmin/kit';
import type { IdentityServices } from '../../services.js';
import { hashSecretToken, looksLikeSecretToken, newSecretToken } from '../session/secret-token.js';
import { isFailure, requireSignedIn } from '../session/session.guard.js';
import { throttleKey } from '../sign-in/throttle.js';
import { API_SCOPES, ApiClient, type ApiScope } from './api-client.entity.js';

export const PARTNER_DEVELOPER_ROLE = 'partner-developer';
/** The one role a client token carries; no account, no person. */
export const PARTNER_CLIENT_ROLE = 'partner-client';
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;
export const MAX_RATE_LIMIT_PER_MINUTE = 6000;
/** How long the secret before a rotation keeps working: partners roll keys within a day. */
export const ROTATION_GRACE_MS = 24 * 60 * 60 * 1000;
export const CLIENT_TOKEN_TTL_SECONDS = 600;
/** Clients one developer may hold (revoked ones do not count). */
export const MAX_CLIENTS_PER_OWNER = 20;

const newClientId = () => `pc_${randomBytes(12).toString('base64url')}`;
const CLIENT_ID = /^pc_[A-Za-z0-9_-]{16}$/;

/** Scopes as a list, in the documented order. */
export const scopesOf = (client: ApiClient): ApiScope[] =>
  client.scopes.split(' ').filter((s): s is ApiScope => (API_SCOPES as readonly string[]).includes(s));

/** Equal-length hex digests compared in constant time. */
function sameHash(a: string | null, b: string): boolean {
  if (!a || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

function checkScopes(scopes: unknown, locale: Locale): ApiScope[] | Failure {
  const list = Array.isArray(scopes) ? (scopes as unknown[]) : [];
  const unknown = list.filter((s) => !(API_SCOPES as readonly unknown[]).includes(s));
  if (list.length === 0 || unknown.length > 0)
    return fail(
      ErrorCode.BAD_USER_INPUT,
      pick(locale, {
        zh: `请从 ${API_SCOPES.join('、')} 中至少选择一项权限`,
        en: `Choose at least one scope from ${API_SCOPES.join(', ')}.`,
      }),
      'scopes',
    );
  return API_SCOPES.filter((s) => list.includes(s));
}

async function developerOf(em: EntityManager, services: IdentityServices, viewer: Viewer, locale: Locale) {
  const signedIn = await requireSignedIn(em, viewer, services.now(), locale);
  if (isFailure(signedIn)) return signedIn;
  // The token said partner-developer (kit's @auth); the account must still hold the role.
  if (!signedIn.account.roles.includes(PARTNER_DEVELOPER_ROLE))
    return fail(
      ErrorCode.FORBIDDEN,
      pick(locale, {
        zh: '仅合作开发者可以管理接入应用',
        en: 'Only partner developers can manage API clients.',
      }),
    );
  return signedIn.account;
}

export interface RegisterApiClientInput {
  name: string;
  scopes: string[];
  rateLimitPerMinute?: number | null;
}

/** A new client and its secret, shown this once (only its SHA-256 is kept). */
export async function registerApiClient(
  em: EntityManager,
  services: IdentityServices,
  viewer: Viewer,
  input: RegisterApiClientInput,
  locale: Locale,
  log: Logger,
): Promise<Result<{ client: ApiClient; clientSecret: string }> | Failure> {
  const owner = await developerOf(em, services, viewer, locale);
  if (isFailure(owner)) return owner;
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (name.length < 1 || name.length > 64 || /\p{Cc}/u.test(name))
    return fail(
      ErrorCode.BAD_USER_INPUT,
      pick(locale, { zh: '名称须为 1–64 个字符', en: 'The name must be 1–64 characters.' }),
      'name',
    );
  const scopes = checkScopes(input.scopes, locale);
  if (isFailure(scopes)) return scopes;
  const rate = input.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE;
  if (!Number.isInteger(rate) || rate < 1 || rate > MAX_RATE_LIMIT_PER_MINUTE)
    return fail(
      ErrorCode.BAD_USER_INPUT,
      pick(locale, {
        zh: `每分钟请求上限须为 1–${MAX_RATE_LIMIT_PER_MINUTE}`,
        en: `The rate limit must be 1–${MAX_RATE_LIMIT_PER_MINUTE} requests per minute.`,
      }),
      'rateLimitPerMinute',
    );
  const held = await em.count(ApiClient, { ownerAccountId: owner.id, revokedAt: null });
  if (held >= MAX_CLIENTS_PER_OWNER)
    return fail(
      ErrorCode.CONFLICT,
      pick(locale, {
        zh: `每位开发者最多 ${MAX_CLIENTS_PER_OWNER} 个有效的接入应用，请先吊销不用的`,
        en: `A developer may hold at most ${MAX_CLIENTS_PER_OWNER} active clients; revoke one first.`,
      }),
    );
  const clientSecret = newSecretToken();
  const client: ApiClient = {
    clientId: newClientId(),
    name,
    ownerAccountId: owner.id,
    scopes: scopes.join(' '),
    rateLimitPerMinute: rate,
    secretHash: hashSecretToken(clientSecret),
    previousSecretHash: null,
    previousSecretExpiresAt: null,
    revokedAt: null,
    createdAt: new Date(services.now()),
    lastUsedAt: null,
    usageCount: 0,
  };
  await em.insert(ApiClient, client);
  log.info({ clientId: client.clientId, owner: owner.id }, 'api client registered');
  return ok({ client, clientSecret });
}

/** The developer's clients, newest first (revoked ones too, marked). */
export async function myApiClients(
  em: EntityManager,
  services: IdentityServices,
  viewer: Viewer,
  locale: Locale,
): Promise<ApiClient[] | Failure> {
  const owner = await developerOf(em, services, viewer, locale);
  if (isFailure(owner)) return owner;
  return (await em.find(
    ApiClient,
    { ownerAccountId: owner.id },
    { orderBy: [{ createdAt: 'desc' }, { clientId: 'asc' }] },
  )) as ApiClient[];
}

/** One of the caller's own live clients; someone else's is NOT_FOUND (learn nothing about it). */
async function ownClient(
  em: EntityManager,
  services: IdentityServices,
  viewer: Viewer,
  clientId: string,
  locale: Locale,
): Promise<ApiClient | Failure> {
  const owner = await developerOf(em, services, viewer, locale);
  if (isFailure(owner)) return owner;
  const client = CLIENT_ID.test(clientId)
    ? ((await em.findOne(ApiClient, { clientId, ownerAccountId: owner.id })) as ApiClient | null)
    : null;
  if (!client)
    return fail(
      ErrorCode.NOT_FOUND,
      pick(locale, { zh: '没有这个接入应用', en: 'There is no such API client.' }),
      'clientId',
    );
  if (client.revokedAt)
    return fail(
      ErrorCode.CONFLICT,
      pick(locale, { zh: '该接入应用已吊销', en: 'This API client has been revoked.' }),
      'clientId',
    );
  return client;
}

/** A new secret (shown once); the current one keeps working for ROTATION_GRACE_MS. */
export async function rotateApiClientSecret(
  em: EntityManager,
  services: IdentityServices,
  viewer: Viewer,
  clientId: string,
  locale: Locale,
  log: Logger,
): Promise<Result<{ client: ApiClient; clientSecret: string }> | Failure> {
  const client = await ownClient(em, services, viewer, clientId, locale);
  if (isFailure(client)) return client;
  const clientSecret = newSecretToken();
  const now = services.now();
  const changes = {
    secretHash: hashSecretToken(clientSecret),
    previousSecretHash: client.secretHash,
    previousSecretExpiresAt: new Date(now + ROTATION_GRACE_MS),
  };
  // Conditional on the hash we read: of two concurrent rotations only one wins.
  const changed = await em.nativeUpdate(
    ApiClient,
    { clientId, secretHash: client.secretHash, revokedAt: null },
    changes,
  );
  if (changed !== 1)
    return fail(
      ErrorCode.CONFLICT,
      pick(locale, {
        zh: '密钥刚被更改，请刷新后重试',
        en: 'The secret just changed; reload and try again.',
      }),
    );
  log.info({ clientId }, 'api client secret rotated');
  return ok({ client: { ...client, ...changes }, clientSecret });
}

/** Revoked for good: no more tokens (tokens already issued expire within 10 minutes). */
export async function revokeApiClient(
  em: EntityManager,
  services: IdentityServices,
  viewer: Viewer,
  clientId: string,
  locale: Locale,
  log: Logger,
): Promise<Result<{ client: ApiClient }> | Failure> {
  const client = await ownClient(em, services, viewer, clientId, locale);
  if (isFailure(client)) return client;
  const revokedAt = new Date(services.now());
  await em.nativeUpdate(ApiClient, { clientId, revokedAt: null }, { revokedAt });
  log.info({ clientId }, 'api client revoked');
  return ok({ client: { ...client, revokedAt } });
}

export interface IssueClientTokenArgs {
  clientId: string;
  clientSecret: string;
  scopes?: string[] | null;
}

/**
 * The client-credentials grant. Failed attempts count per client id (the second-factor throttle's
 * rule: 10 per 15 minutes) before the secret is checked, so guessing is bounded; a right secret
 * clears the count. Every failure of id or secret gets the same answer.
 */
export async function issueClientToken(
  em: EntityManager,
  services: IdentityServices,
  args: IssueClientTokenArgs,
  locale: Locale,
  log: Logger,
): Promise<
  | Result<{ accessToken: string; expiresAt: string; scopes: ApiScope[]; retryAfterSeconds: null }>
  | (Failure & { retryAfterSeconds?: number })
> {
  const throttle = services.throttles.clientCredentials;
  const key = throttleKey('client', String(args.clientId).slice(0, 64));
  const attempt = await throttle.take(key);
  if (attempt.refusedForMs !== null) {
    await throttle.giveBack(key);
    const minutes = Math.ceil(attempt.refusedForMs / 60_000);
    return {
      ...fail(
        ErrorCode.RATE_LIMITED,
        pick(locale, {
          zh: `尝试次数过多，请 ${minutes} 分钟后再试`,
          en: `Too many attempts. Try again in ${minutes} minutes.`,
        }),
      ),
      retryAfterSeconds: Math.ceil(attempt.refusedForMs / 1000),
    };
  }
  const now = services.now();
  const client =
    CLIENT_ID.test(args.clientId) && looksLikeSecretToken(args.clientSecret)
      ? ((await em.findOne(ApiClient, { clientId: args.clientId })) as ApiClient | null)
      : null;
  const presented = hashSecretToken(String(args.clientSecret));
  const current = sameHash(client?.secretHash ?? null, presented);
  const previous =
    sameHash(client?.previousSecretHash ?? null, presented) &&
    (client?.previousSecretExpiresAt?.getTime() ?? 0) > now;
  if (!client || client.revokedAt || !(current || previous)) {
    if (attempt.consumed >= throttle.rule.points) await throttle.block(key);
    log.info({ clientId: client?.clientId ?? null }, 'client credentials refused');
    return fail(
      ErrorCode.UNAUTHENTICATED,
      pick(locale, {
        zh: '客户端 ID 或密钥不正确，或应用已吊销',
        en: 'The client id or secret is wrong, or the client has been revoked.',
      }),
    );
  }
  await throttle.clear(key);
  const granted = scopesOf(client);
  const requested = args.scopes ?? granted;
  const outside = requested.filter((s) => !(granted as string[]).includes(s));
  if (outside.length > 0 || requested.length === 0)
    return fail(
      ErrorCode.FORBIDDEN,
      pick(locale, {
        zh: `该应用未获授权的权限：${outside.join('、') || '（空）'}`,
        en: `Scopes not granted to this client: ${outside.join(', ') || '(none)'}.`,
      }),
      'scopes',
    );
  const scopes = API_SCOPES.filter((s) => requested.includes(s));
  const keys = await services.signingKeys();
  const accessToken = await signAccessToken(
    keys,
    {
      accountId: null,
      clientId: client.clientId,
      // `rate:<n>` tells the gateway this client's per-minute limit (see gateway/README).
      scopes: [...scopes, `rate:${client.rateLimitPerMinute}`],
      roles: [PARTNER_CLIENT_ROLE],
    },
    { ttlSeconds: CLIENT_TOKEN_TTL_SECONDS, now },
  );
  const at = new Date(now);
  // One atomic increment: concurrent grants never lose a count.
  await em.nativeUpdate(
    ApiClient,
    { clientId: client.clientId },
    { lastUsedAt: at, usageCount: raw('usage_count + 1') },
  );
  return ok({
    accessToken,
    // The token's `exp` (whole seconds).
    expiresAt: new Date((Math.floor(now / 1000) + CLIENT_TOKEN_TTL_SECONDS) * 1000).toISOString(),
    scopes,
    retryAfterSeconds: null,
  });
}
