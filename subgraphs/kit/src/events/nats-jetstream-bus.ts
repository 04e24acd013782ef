import {
  AckPolicy,
  connect,
  DeliverPolicy,
  NatsError,
  nanos,
  RetentionPolicy,
  StorageType,
  type ConsumerConfig,
  type ConsumerMessages,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
  type NatsConnection,
} from 'nats';
import type { Logger } from '../logger.js';
import { exponentialBackoff, type Backoff } from './backoff.js';
import type { BusEvent, EventBus, EventHandler, SubscribeOptions, Subscription } from './bus.js';
import { assertDurableName, assertTopic, assertTopicPattern } from './topic.js';

const STREAM_NOT_FOUND = 10059;
const CONSUMER_NOT_FOUND = 10014;

export interface NatsJetStreamBusOptions {
  /** `nats://host:4222`, or several separated by commas. */
  servers: string;
  log: Logger;
  /** The one stream that holds every domain event. Default `BIANMIN`. */
  stream?: string;
  /** Topics are published as `<prefix>.<topic>`; the stream takes `<prefix>.>`. Default `bianmin`. */
  subjectPrefix?: string;
  /** JetStream drops a second message with the same `Nats-Msg-Id` within this window. Default 2 min. */
  duplicateWindowMs?: number;
  /** How long the stream keeps events. Default 7 days. */
  maxAgeMs?: number;
  /** Stream replicas in a NATS cluster. Default 1. */
  replicas?: number;
  /** Deliveries of one event to one durable before JetStream gives up on it. Default 20. */
  maxDeliver?: number;
  /** Delay before redelivering after a handler threw. Default 1 s doubling to 1 min. */
  backoff?: Backoff;
  /** Unacknowledged for this long → redelivered; running handlers keep extending it. Default 30 s. */
  ackWaitMs?: number;
  /** Where a new durable starts: `new` events only (default) or `all` the stream still holds. */
  deliverFrom?: 'new' | 'all';
  /** The connection name shown by the server's monitoring. */
  name?: string;
}

function isApiError(error: unknown, code: number): boolean {
  return error instanceof NatsError && error.api_error?.err_code === code;
}

/**
 * The production bus: NATS JetStream. One stream over `<prefix>.>`; every subscription is a
 * durable pull consumer that acknowledges an event only after its handler succeeded, and asks
 * for redelivery with backoff when the handler throws. Replicas that subscribe with the same
 * durable name share the consumer, so each event is handled by one of them.
 */
export class NatsJetStreamBus implements EventBus {
  private readonly subscriptions = new Set<Subscription>();
  private readonly settings: Required<Omit<NatsJetStreamBusOptions, 'servers' | 'log' | 'name'>>;

  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly log: Logger,
    options: NatsJetStreamBusOptions,
  ) {
    this.settings = {
      stream: options.stream ?? 'BIANMIN',
      subjectPrefix: options.subjectPrefix ?? 'bianmin',
      duplicateWindowMs: options.duplicateWindowMs ?? 120_000,
      maxAgeMs: options.maxAgeMs ?? 7 * 24 * 3600_000,
      replicas: options.replicas ?? 1,
      maxDeliver: options.maxDeliver ?? 20,
      backoff: options.backoff ?? exponentialBackoff({ baseMs: 1000, maxMs: 60_000 }),
      ackWaitMs: options.ackWaitMs ?? 30_000,
      deliverFrom: options.deliverFrom ?? 'new',
    };
  }

  /** Connect and make sure the stream exists (every replica may do this at the same time). */
  static async connect(options: NatsJetStreamBusOptions): Promise<NatsJetStreamBus> {
    const nc = await connect({
      servers: options.servers.split(',').map((s) => s.trim()),
      name: options.name ?? 'bianmin',
      maxReconnectAttempts: -1,
    });
    try {
      const jsm = await nc.jetstreamManager();
      const bus = new NatsJetStreamBus(nc, nc.jetstream(), jsm, options.log, options);
      await bus.ensureStream();
      return bus;
    } catch (error) {
      await nc.close();
      throw error;
    }
  }

  get streamName(): string {
    return this.settings.stream;
  }

  async publish(event: BusEvent): Promise<void> {
    assertTopic(event.topic);
    const ack = await this.js.publish(
      `${this.settings.subjectPrefix}.${event.topic}`,
      new TextEncoder().encode(JSON.stringify(event)),
      // Nats-Msg-Id: a copy republished by the relay within the window is stored once.
      { msgID: event.id, expect: { streamName: this.settings.stream } },
    );
    if (ack.duplicate) this.log.debug({ eventId: event.id }, 'JetStream dropped a duplicate');
  }

  async subscribe(
    durableName: string,
    topicPattern: string,
    handler: EventHandler,
    options: SubscribeOptions = {},
  ): Promise<Subscription> {
    assertDurableName(durableName);
    assertTopicPattern(topicPattern);
    if (options.inactiveAfterMs !== undefined && !(options.inactiveAfterMs >= 1000))
      throw new Error('inactiveAfterMs must be at least 1000');
    await this.ensureConsumer(
      durableName,
      `${this.settings.subjectPrefix}.${topicPattern}`,
      options.inactiveAfterMs,
    );
    const consumer = await this.js.consumers.get(this.settings.stream, durableName);
    const messages = await consumer.consume({ max_messages: 64 });
    const loop = this.consumeLoop(messages, durableName, handler);
    const subscription: Subscription = {
      close: async () => {
        this.subscriptions.delete(subscription);
        // Messages already pulled but not handled are not acked: JetStream redelivers them.
        messages.stop();
        await loop;
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    await this.nc.drain();
  }

  private async consumeLoop(messages: ConsumerMessages, durable: string, handler: EventHandler) {
    try {
      for await (const msg of messages) {
        await this.handle(msg, durable, handler);
      }
    } catch (error) {
      this.log.error({ err: error, durable }, 'event consumer stopped');
    }
  }

  private async handle(msg: JsMsg, durable: string, handler: EventHandler): Promise<void> {
    let event: BusEvent;
    try {
      event = msg.json<BusEvent>();
    } catch (error) {
      this.log.error({ err: error, subject: msg.subject, durable }, 'undecodable event: terminated');
      msg.term();
      return;
    }
    const deliveryCount = msg.info.deliveryCount;
    // A slow handler keeps its claim instead of having the event redelivered to another replica.
    const keepAlive = setInterval(() => msg.working(), Math.max(1000, this.settings.ackWaitMs / 2));
    try {
      await handler(event, { deliveryCount });
      msg.ack();
    } catch (error) {
      const context = { err: error, eventId: event.id, topic: event.topic, durable, attempt: deliveryCount };
      if (deliveryCount >= this.settings.maxDeliver) {
        this.log.error(context, 'event handler failed on every delivery: giving up');
        msg.term();
      } else {
        this.log.warn(context, 'event handler failed: will deliver again');
        msg.nak(this.settings.backoff(deliveryCount));
      }
    } finally {
      clearInterval(keepAlive);
    }
  }

  private async ensureStream(): Promise<void> {
    const { stream, subjectPrefix } = this.settings;
    try {
      await this.jsm.streams.info(stream);
      return;
    } catch (error) {
      if (!isApiError(error, STREAM_NOT_FOUND)) throw error;
    }
    try {
      await this.jsm.streams.add({
        name: stream,
        subjects: [`${subjectPrefix}.>`],
        retention: RetentionPolicy.Limits,
        storage: StorageType.File,
        duplicate_window: nanos(this.settings.duplicateWindowMs),
        max_age: nanos(this.settings.maxAgeMs),
        num_replicas: this.settings.replicas,
      });
      this.log.info({ stream }, 'created the JetStream stream');
    } catch (error) {
      // Another replica created it first.
      await this.jsm.streams.info(stream).catch(() => Promise.reject(error));
    }
  }

  private async ensureConsumer(durable: string, filter: string, inactiveAfterMs?: number): Promise<void> {
    const { stream } = this.settings;
    try {
      const info = await this.jsm.consumers.info(stream, durable);
      if (info.config.filter_subject !== filter) {
        await this.jsm.consumers.update(stream, durable, { filter_subject: filter });
      }
      return;
    } catch (error) {
      if (!isApiError(error, CONSUMER_NOT_FOUND)) throw error;
    }
    const config: Partial<ConsumerConfig> = {
      durable_name: durable,
      filter_subject: filter,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: this.settings.deliverFrom === 'all' ? DeliverPolicy.All : DeliverPolicy.New,
      ack_wait: nanos(this.settings.ackWaitMs),
      max_deliver: this.settings.maxDeliver,
      ...(inactiveAfterMs !== undefined ? { inactive_threshold: nanos(inactiveAfterMs) } : {}),
    };
    try {
      await this.jsm.consumers.add(stream, config);
    } catch (error) {
      // Another replica created it first.
      await this.jsm.consumers.info(stream, durable).catch(() => Promise.reject(error));
    }
  }
}
