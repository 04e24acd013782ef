import type { EntityManager } from '@mikro-orm/core';
import { z } from 'zod';
import {
  handleOnce,
  type BusEvent,
  type EventBus,
  type Logger,
  type Orm,
  type Subscription,
} from '@bianmin/kit';
import { appendEntries, type AppendedEntry } from '../log/log.store.js';
import { forgetPerson, subjectOf } from '../subject/subject.js';
import { ENTRY_VERSION, entryText, payloadDigest, readerFor, type EvidenceEntryBody } from './entry.js';

/** One durable per source domain (names stable across deployments; replicas share the work). */
export const EVIDENCE_SUBSCRIPTIONS = [
  { durable: 'evidence-affairs', topics: 'affairs.application.>' },
  // One durable may follow one pattern: identity's two topics come through `identity.>`, and
  // identity events the log does not record (sessions, sign-ins…) are acknowledged and skipped.
  { durable: 'evidence-identity', topics: 'identity.>' },
  { durable: 'evidence-licences', topics: 'licences.licence.>' },
] as const;

export const PERSON_ERASED_TOPIC = 'identity.person.erased';

/** What one delivery did. */
export type LogOutcome =
  | { kind: 'appended'; entry: AppendedEntry }
  | { kind: 'duplicate' }
  | { kind: 'ignored' }
  | { kind: 'invalid'; problems: string[] };

const envelope = z.object({
  id: z.string().min(1).max(64),
  occurredAt: z.iso.datetime({ offset: true }),
});

/**
 * Record one event in the log, at most once per event id: the consumer's `processed_event`
 * marker, the person's secret (made on first need) and the appended leaf commit together.
 * An erasure deletes the person's secret in the same transaction and records that it happened.
 *
 * A payload the log cannot read (a missing field, a code with free text in it, a float) is
 * acknowledged and reported as an error, naming fields, never values: the same payload would
 * fail on every delivery, and an entry with guessed contents would be worse than none.
 */
export async function logEvent(
  em: EntityManager,
  consumer: string,
  event: BusEvent,
  log: Logger,
): Promise<LogOutcome> {
  const reader = readerFor(event.topic);
  if (!reader) return { kind: 'ignored' };
  let reading: ReturnType<typeof reader.read>;
  let digest: string;
  try {
    envelope.parse(event);
    reading = reader.read(event.payload);
    digest = payloadDigest(event.payload);
  } catch (error) {
    const problems =
      error instanceof z.ZodError
        ? error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.code}`)
        : [error instanceof Error ? error.message : String(error)];
    log.error(
      { event: 'evidence-unreadable', eventId: event.id, topic: event.topic, problems },
      'event not logged: payload not understood',
    );
    return { kind: 'invalid', problems };
  }
  const erasure = event.topic === PERSON_ERASED_TOPIC;
  const once = await handleOnce(em, consumer, event.id, async (tx) => {
    let subject: string | null = null;
    if (erasure) subject = (await forgetPerson(tx, reading.personId!)).subject;
    else if (reading.personId) subject = await subjectOf(tx, reading.personId);
    const body: EvidenceEntryBody = {
      v: ENTRY_VERSION,
      source: event.topic.split('.')[0]!,
      type: event.topic,
      eventId: event.id,
      occurredAt: event.occurredAt,
      codes: reading.codes,
      subject,
      // An erasure's payload is only the personId: its digest could be matched by guessing ids.
      digest: erasure ? null : digest,
    };
    const [entry] = await appendEntries(tx, [{ eventId: event.id, entry: entryText(body) }]);
    return entry!;
  });
  if (!once.handled) return { kind: 'duplicate' };
  log.debug(
    { event: 'evidence-appended', eventId: event.id, topic: event.topic, leafIndex: once.result.leafIndex },
    'event logged',
  );
  return { kind: 'appended', entry: once.result };
}

export interface EvidenceConsumerDeps {
  orm: Orm;
  bus: EventBus;
  log: Logger;
}

/**
 * Subscribe the log to every source. Start once per process; close the subscriptions on
 * shutdown, before the bus. A handler that throws (database away) gets the event again later.
 */
export async function startEvidenceConsumers({
  orm,
  bus,
  log,
}: EvidenceConsumerDeps): Promise<Subscription[]> {
  const subscriptions: Subscription[] = [];
  for (const { durable, topics } of EVIDENCE_SUBSCRIPTIONS) {
    const consumerLog = log.child({ consumer: durable });
    subscriptions.push(
      await bus.subscribe(durable, topics, async (event) => {
        await logEvent(orm.em.fork(), durable, event, consumerLog);
      }),
    );
  }
  return subscriptions;
}

/** Stop every subscription (waiting for handlers that are running). */
export async function closeAll(subscriptions: readonly Subscription[]): Promise<void> {
  await Promise.all(subscriptions.map((s) => s.close()));
}
