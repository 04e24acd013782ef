import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { recordEvent } from '@bianmin/kit';
import { Notification } from '../notification/notification.entity.js';
import { statusMessage } from '../notification/status-messages.js';
import { Application, ApplicationEvent } from './application.entity.js';
import type { Actor } from './actors.js';

/** The payload of every `affairs.application.*` event: enough to act on without calling back. */
export interface ApplicationStepEvent {
  applicationId: string;
  reference: string;
  personId: string;
  itemId: string;
  itemCode: string;
  departmentCode: string;
  action: string;
  fromState: string | null;
  toState: string;
  actorKind: string;
  /** The step's number in the application's history. */
  seq: number;
  at: string;
}

/** The `affairs.application.*` payload of a step of `app` (numbered `seq` in its history) at `at`. */
export function stepEvent(
  app: Pick<Application, 'id' | 'reference' | 'personId' | 'itemId' | 'itemCode' | 'departmentCode'>,
  step: Pick<ApplicationStepEvent, 'action' | 'fromState' | 'toState' | 'actorKind'>,
  seq: number,
  at: Date,
): ApplicationStepEvent {
  return {
    applicationId: app.id,
    reference: app.reference,
    personId: app.personId,
    itemId: app.itemId,
    itemCode: app.itemCode,
    departmentCode: app.departmentCode,
    action: step.action,
    fromState: step.fromState,
    toState: step.toState,
    actorKind: step.actorKind,
    seq,
    at: at.toISOString(),
  };
}

export interface StepRecord {
  action: string;
  fromState: string | null;
  toState: string;
  actorAccountId: string | null;
  actorKind: Actor;
  /** Claim, assign and release steps: whom it went to (null: the pool). */
  assigneeAccountId?: string | null;
  comment: string | null;
  materialReasons: { materialId: string; reason: string }[] | null;
  workflowDefinitionId: string;
  workflowVersion: number;
}

/**
 * Write a change to an application and its history in one transaction, if and only if nobody
 * changed it since `expectedVersion` was read: the UPDATE is conditional on the version (taking
 * the write lock first, which SQLite needs), so of two concurrent actors exactly one commits.
 * Each step is also announced in the outbox (`affairs.application.<action>`, e.g.
 * `affairs.application.approve`; instant approval is `autoapprove`) in the same transaction, so
 * an event is never lost and never sent for a change that rolled back: the licences domain will
 * issue licences on approval. The applicant's in-app notification of the step is written in the
 * same transaction too. Returns false when the version no longer matches.
 */
export async function commitChange(
  em: EntityManager,
  app: Application,
  changes: Partial<Application>,
  steps: StepRecord[],
  at: Date,
  requestId: string | null,
): Promise<boolean> {
  return em.transactional(async (tx) => {
    const updated = await tx.nativeUpdate(
      Application,
      { id: app.id, version: app.version },
      { ...changes, version: app.version + 1, updatedAt: at },
    );
    if (updated !== 1) return false;
    const last = await tx.findOne(ApplicationEvent, { applicationId: app.id }, { orderBy: { seq: 'desc' } });
    let seq = last?.seq ?? 0;
    for (const step of steps) {
      seq += 1;
      await tx.insert(ApplicationEvent, {
        id: randomUUID(),
        applicationId: app.id,
        seq,
        ...step,
        assigneeAccountId: step.assigneeAccountId ?? null,
        at,
        requestId,
      });
      await recordEvent(tx, {
        topic: `affairs.application.${step.action.toLowerCase()}`,
        key: app.id,
        payload: stepEvent(app, step, seq, at),
        headers: requestId ? { requestId } : {},
      });
      const message = statusMessage(step.action, app, step.comment);
      if (message) {
        await tx.insert(Notification, {
          id: randomUUID(),
          personId: app.personId,
          kind: 'APPLICATION_STATUS',
          ...message,
          applicationId: app.id,
          createdAt: at,
          readAt: null,
        });
      }
    }
    return true;
  });
}
