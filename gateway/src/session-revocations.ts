import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { BusEvent, EventBus, Logger, Subscription } from '@bianmin/kit';
import { z } from 'zod';
import type { RevokedSessions } from './revoked-sessions.js';

/** What identity publishes (through its outbox) whenever sessions end before their time. */
export const SESSION_REVOKED_TOPIC = 'identity.session.revoked';

/**
 * The part of the payload the gateway reads. A tolerant reader: `accountId`, `reason`, `at` and
 * anything added later are not needed here and are dropped.
 */
const sessionRevoked = z.object({
  sessionIds: z.array(z.string().min(1).max(100)).min(1).max(10_000),
  tokensValidUntil: z.iso.datetime({ offset: true }),
});

/** `unchanged`: every session was known already (a redelivery), or its tokens have expired. */
export type RevocationOutcome = 'recorded' | 'unchanged' | 'invalid';

/**
 * A durable name of this instance's own. Every gateway instance must see every revocation, and
 * subscribers that share a durable share the events, so the name is unique per process.
 */
export function revocationDurableName(): string {
  const host = hostname()
    .replace(/[^A-Za-z0-9_-]/g, '-')
    .slice(0, 40);
  return `gateway-revocations-${host}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** Put one event's sessions on the list. Idempotent, so redelivery is harmless. */
export function handleSessionRevoked(
  event: BusEvent,
  revoked: RevokedSessions,
  log: Logger,
): RevocationOutcome {
  const parsed = sessionRevoked.safeParse(event.payload);
  if (!parsed.success) {
    // Acknowledged, not retried: the same payload would fail on every delivery.
    log.warn(
      {
        event: 'session-revoked-invalid',
        eventId: event.id,
        issues: parsed.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.code}`),
      },
      'session revocation ignored: payload not understood',
    );
    return 'invalid';
  }
  const { sessionIds, tokensValidUntil } = parsed.data;
  const added = revoked.add(sessionIds, Date.parse(tokensValidUntil));
  log.debug(
    { event: 'session-revoked', eventId: event.id, sessions: sessionIds.length, added, tokensValidUntil },
    'sessions revoked',
  );
  return added > 0 ? 'recorded' : 'unchanged';
}

/** How long a gone instance's durable outlives it: longer than an access token (10 minutes) lives. */
export const REVOCATION_DURABLE_IDLE_MS = 15 * 60_000;

export interface SessionRevocationsOptions {
  bus: EventBus;
  revoked: RevokedSessions;
  log: Logger;
  /** Default `revocationDurableName()`: unique per instance. */
  durableName?: string;
}

/**
 * Feed the list from `identity.session.revoked`. On NATS, create the bus with
 * `deliverFrom: 'new'`: the durable is new on every start and the past is of no use to it beyond
 * one token lifetime. `close()` the subscription on shutdown, before the bus.
 */
export function subscribeToRevocations(options: SessionRevocationsOptions): Promise<Subscription> {
  const durable = options.durableName ?? revocationDurableName();
  const log = options.log.child({ consumer: durable });
  return options.bus.subscribe(
    durable,
    SESSION_REVOKED_TOPIC,
    async (event) => {
      handleSessionRevoked(event, options.revoked, log);
    },
    // The durable is this instance's own: once the instance is gone for longer than a token
    // lives, the broker may drop it (a restarted instance subscribes under a new name anyway).
    { inactiveAfterMs: REVOCATION_DURABLE_IDLE_MS },
  );
}
