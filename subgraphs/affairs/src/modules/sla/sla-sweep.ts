import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { recordEvent, runExclusively, type ExclusiveJob, type Logger, type Orm } from '@bianmin/kit';
import type { AffairsServices } from '../../services.js';
import { stepEvent } from '../application/application.commit.js';
import { Application, ApplicationEvent } from '../application/application.entity.js';
import { Notification } from '../notification/notification.entity.js';
import { Rating } from '../rating/rating.entity.js';
import { RATEABLE_STATES } from '../rating/rating.service.js';

/** States whose clock runs: only these can become overdue (suspended or returned ones are paused). */
export const CLOCK_RUNNING = ['SUBMITTED', 'ACCEPTED', 'UNDER_REVIEW', 'SECOND_REVIEW', 'APPROVED'];
const BATCH = 500;
export const RATING_INVITATION_DAYS = 3;

/** The in-app invitation to rate (好差评) a finished application. */
export function ratingInvitation(
  app: Pick<Application, 'id' | 'personId' | 'reference' | 'terms'>,
  at: Date,
): Notification {
  return {
    id: randomUUID(),
    personId: app.personId,
    kind: 'RATING_INVITATION',
    title: { zh: '请评价本次服务', en: 'Please rate the service' },
    body: {
      zh: `您的「${app.terms.name}」（${app.reference}）已办结，欢迎对本次服务作出评价（好差评）。`,
      en: `Your application for “${app.terms.name}” (${app.reference}) is finished. Tell us how we did.`,
    },
    applicationId: app.id,
    createdAt: at,
    readAt: null,
  };
}

/**
 * One sweep: (1) applications past their deadline while the clock runs are escalated to the
 * department's supervisors (they see them under "escalated" in the inbox) and announced as
 * `affairs.application.escalated`; (2) applicants who have not rated a finished application
 * 3 days on are invited to, once. Each row is claimed with a conditional UPDATE, so a sweep
 * that overlaps another (a lease lost mid-run) still escalates and invites exactly once.
 */
export async function runSlaSweep(
  em: EntityManager,
  services: AffairsServices,
): Promise<{ escalated: number; invited: number }> {
  const now = new Date(services.now());
  let escalated = 0;
  const overdue = await em.find(
    Application,
    { state: { $in: CLOCK_RUNNING }, dueAt: { $lt: now }, escalatedAt: null },
    { limit: BATCH, orderBy: { dueAt: 'asc' } },
  );
  for (const app of overdue as Application[]) {
    const done = await em.transactional(async (tx) => {
      const claimed = await tx.nativeUpdate(
        Application,
        { id: app.id, escalatedAt: null },
        { escalatedAt: now },
      );
      if (claimed !== 1) return false;
      // Shaped like every other affairs.application.* event (consumers read one schema); it is
      // not a history step, so `seq` is that of the step it follows and the state does not change.
      const last = await tx.findOne(
        ApplicationEvent,
        { applicationId: app.id },
        { orderBy: { seq: 'desc' } },
      );
      await recordEvent(tx, {
        topic: 'affairs.application.escalated',
        key: app.id,
        payload: {
          ...stepEvent(
            app,
            { action: 'escalate', fromState: app.state, toState: app.state, actorKind: 'SYSTEM' },
            last?.seq ?? 0,
            now,
          ),
          dueAt: app.dueAt?.toISOString() ?? null,
        },
      });
      return true;
    });
    if (done) escalated += 1;
  }

  let invited = 0;
  const finishedBefore = new Date(now.getTime() - RATING_INVITATION_DAYS * 86_400_000);
  const unrated = await em.find(
    Application,
    { state: { $in: RATEABLE_STATES }, finishedAt: { $lte: finishedBefore }, ratingInvitedAt: null },
    { limit: BATCH, orderBy: { finishedAt: 'asc' } },
  );
  for (const app of unrated as Application[]) {
    const done = await em.transactional(async (tx) => {
      const claimed = await tx.nativeUpdate(
        Application,
        { id: app.id, ratingInvitedAt: null },
        { ratingInvitedAt: now },
      );
      if (claimed !== 1) return false;
      if (await tx.findOne(Rating, { applicationId: app.id })) return false;
      await tx.insert(Notification, ratingInvitation(app, now));
      return true;
    });
    if (done) invited += 1;
  }
  return { escalated, invited };
}

/**
 * The sweep every `everyMs` on whichever instance holds the `affairs-sla` lease: safe with any
 * number of replicas (a database lease, not a bare timer).
 */
export function startSlaScheduler(options: {
  orm: Orm;
  services: AffairsServices;
  log: Logger;
  everyMs?: number;
}): ExclusiveJob {
  const everyMs = options.everyMs ?? 60_000;
  return runExclusively({
    orm: options.orm,
    name: 'affairs-sla',
    everyMs,
    ttlMs: everyMs * 3,
    log: options.log,
    task: async () => {
      const result = await runSlaSweep(options.orm.em.fork(), options.services);
      if (result.escalated || result.invited)
        options.log.info({ event: 'sla-sweep', ...result }, 'SLA sweep');
    },
  });
}
