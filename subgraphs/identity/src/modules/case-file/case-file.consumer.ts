import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { z } from 'zod';
import {
  handleOnce,
  type BusEvent,
  type EventBus,
  type Logger,
  type Orm,
  type Subscription,
} from '@bianmin/kit';
import { CaseFile } from './case-file.entity.js';

/** The durable name: one per consumer, stable across deployments (replicas share the work). */
export const CASE_FILE_CONSUMER = 'identity-case-files';
/** Every step of every application, as the affairs outbox announces it. */
export const CASE_FILE_TOPICS = 'affairs.application.>';

/** States after which nothing more happens to an application (the standard workflows' final states). */
export const FINAL_STATES: ReadonlySet<string> = new Set([
  'COMPLETED',
  'REJECTED',
  'NOT_ACCEPTED',
  'WITHDRAWN',
]);

/**
 * The part of the `affairs.application.*` payload identity reads. A tolerant reader: fields it
 * does not use (itemId, action, actorKind…) may change or go without breaking it, and unknown
 * fields are dropped. The bounds are the case_file columns'.
 */
const applicationStep = z.object({
  applicationId: z.string().min(1).max(36),
  reference: z.string().min(1).max(64),
  personId: z.string().min(1).max(36),
  departmentCode: z.string().min(1).max(16),
  toState: z.string().min(1).max(24),
  seq: z.number().int().positive(),
  at: z.iso.datetime({ offset: true }),
});
export type ApplicationStep = z.infer<typeof applicationStep>;

/** What one delivery did: a new or newer state, an older step (ignored), or a repeat (skipped). */
export type CaseFileOutcome = 'applied' | 'stale' | 'duplicate' | 'invalid';

/** The case file as `step` leaves it (the consumer's row, and the bulk path's for imported history). */
export function caseFileOf(step: ApplicationStep): CaseFile {
  return {
    applicationId: step.applicationId,
    reference: step.reference,
    personId: step.personId,
    departmentCode: step.departmentCode,
    state: step.toState,
    open: !FINAL_STATES.has(step.toState),
    lastSeq: step.seq,
    updatedAt: new Date(step.at),
  };
}

/**
 * Write the step into the projection unless the same or a newer one is there already; true
 * when it was written. The UPDATE is conditional on `last_seq`, so of two replicas handling two
 * steps of one case at once the older never overwrites the newer.
 */
export async function applyApplicationStep(em: EntityManager, step: ApplicationStep): Promise<boolean> {
  const { applicationId: _id, ...fields } = caseFileOf(step);
  const olderThanThis = { applicationId: step.applicationId, lastSeq: { $lt: step.seq } };
  const known = () => em.count(CaseFile, { applicationId: step.applicationId });
  if ((await em.nativeUpdate(CaseFile, olderThanThis, fields)) > 0) return true;
  if ((await known()) > 0) return false;
  try {
    // A savepoint: when another step of a new case (秒批 announces two at once) inserts it
    // first, only this INSERT rolls back, and the step is compared with that row instead.
    await em.transactional((inner) =>
      inner.insert(CaseFile, { applicationId: step.applicationId, ...fields }),
    );
    return true;
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    if ((await em.nativeUpdate(CaseFile, olderThanThis, fields)) > 0) return true;
    if ((await known()) > 0) return false;
    throw error; // the reference belongs to another application: delivered again, then given up
  }
}

/** Handle one delivery: validate, then apply at most once per event id. */
export async function handleApplicationEvent(
  em: EntityManager,
  event: BusEvent,
  log: Logger,
): Promise<CaseFileOutcome> {
  const parsed = applicationStep.safeParse(event.payload);
  if (!parsed.success) {
    // Acknowledged, not retried: the same payload would fail the same way on every delivery.
    // The issues name fields, never values (the payload carries personal ids).
    log.warn(
      {
        event: 'case-file-invalid',
        eventId: event.id,
        topic: event.topic,
        issues: parsed.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.code}`),
      },
      'application event ignored: payload not understood',
    );
    return 'invalid';
  }
  const step = parsed.data;
  const once = await handleOnce(em, CASE_FILE_CONSUMER, event.id, (tx) => applyApplicationStep(tx, step));
  const outcome: CaseFileOutcome = !once.handled ? 'duplicate' : once.result ? 'applied' : 'stale';
  log.debug(
    {
      event: `case-file-${outcome}`,
      eventId: event.id,
      applicationId: step.applicationId,
      seq: step.seq,
      state: step.toState,
    },
    'application event handled',
  );
  return outcome;
}

export interface CaseFileConsumerDeps {
  orm: Orm;
  /** The bus the affairs outbox relay publishes to. */
  bus: EventBus;
  log: Logger;
}

/**
 * Keep `case_file` up to date from the affairs events. Start once per process, with the bus the
 * affairs relay publishes to; replicas share the durable, so each event is handled by one of
 * them. A handler that throws (the database is away) has the event delivered again later.
 * `close()` the subscription on shutdown, before the bus.
 */
export function startCaseFileConsumer({ orm, bus, log }: CaseFileConsumerDeps): Promise<Subscription> {
  const consumerLog = log.child({ consumer: CASE_FILE_CONSUMER });
  return bus.subscribe(CASE_FILE_CONSUMER, CASE_FILE_TOPICS, async (event) => {
    await handleApplicationEvent(orm.em.fork(), event, consumerLog);
  });
}
