import type { EntityManager } from '@mikro-orm/core';
import { ACCESS_TOKEN_TTL_SECONDS, recordEvent } from '@bianmin/kit';
import type { RevokeReason } from './session.service.js';

/**
 * Announced whenever sessions end before their time (sign-out, password change, a locked
 * account, refresh-token reuse…), so the gateway refuses their access tokens at once instead of
 * when they expire.
 */
export const SESSION_REVOKED_TOPIC = 'identity.session.revoked';

/** Session ids per event: keeps a message far below NATS's 1 MB payload limit. */
export const SESSION_IDS_PER_EVENT = 500;

/** The payload of `identity.session.revoked` (the event's key is the account id). */
export interface SessionRevoked {
  accountId: string;
  /** The sessions this revocation ended (the `sid` claim of their access tokens). */
  sessionIds: string[];
  reason: RevokeReason;
  /** ISO 8601: when they were revoked. */
  at: string;
  /**
   * ISO 8601: `at` + the access-token lifetime. No access token of these sessions is valid after
   * it, so a consumer can forget them then.
   */
  tokensValidUntil: string;
}

/** Record the announcement in the outbox, inside the transaction that revokes the sessions. */
export function recordSessionsRevoked(
  tx: EntityManager,
  revoked: { accountId: string; sessionIds: string[]; reason: RevokeReason; at: Date },
): Promise<string> {
  const payload: SessionRevoked = {
    accountId: revoked.accountId,
    sessionIds: revoked.sessionIds,
    reason: revoked.reason,
    at: revoked.at.toISOString(),
    tokensValidUntil: new Date(revoked.at.getTime() + ACCESS_TOKEN_TTL_SECONDS * 1000).toISOString(),
  };
  return recordEvent(tx, { topic: SESSION_REVOKED_TOPIC, key: revoked.accountId, payload });
}
