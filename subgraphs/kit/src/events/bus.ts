/** One domain event as it travels on the bus. */
export interface BusEvent<P = unknown> {
  /** The outbox row's id: the same event always carries the same id, so consumers can dedupe. */
  id: string;
  topic: string;
  /** The aggregate it concerns. */
  key: string;
  payload: P;
  headers: Record<string, string>;
  /** ISO 8601. */
  occurredAt: string;
}

export interface Delivery {
  /** 1 for the first delivery, more when the event comes again (a handler threw, an ack was lost). */
  deliveryCount: number;
}

/** Resolve to acknowledge; throw to have the event delivered again later (with backoff). */
export type EventHandler = (event: BusEvent, delivery: Delivery) => Promise<void>;

export interface Subscription {
  /** Stop receiving; waits for the handler that is running. The durable position is kept. */
  close(): Promise<void>;
}

export interface SubscribeOptions {
  /**
   * For a durable that belongs to one process (a per-instance cache such as the gateway's
   * revocation list): the broker deletes it after it has had no subscriber this long, so
   * instances that are gone do not leave consumers behind. Omit for shared, long-lived durables.
   * (JetStream `inactive_threshold`; the in-process bus forgets everything with its process anyway.)
   */
  inactiveAfterMs?: number;
}

/**
 * The domain event bus. Delivery is at least once: handlers must be idempotent (`handleOnce`).
 * Subscribers that share a durable name share the work: each event goes to one of them.
 * Ordering is not guaranteed (retries overtake), so handlers must not depend on it.
 */
export interface EventBus {
  /** Resolves once the bus has taken the event (JetStream: stored). Same id twice → one delivery. */
  publish(event: BusEvent): Promise<void>;
  /** `topicPattern` may use `*` (one token) and a final `>` (the rest): `affairs.application.>`. */
  subscribe(
    durableName: string,
    topicPattern: string,
    handler: EventHandler,
    options?: SubscribeOptions,
  ): Promise<Subscription>;
  /** Stop every subscription (waiting for running handlers) and disconnect. */
  close(): Promise<void>;
}
