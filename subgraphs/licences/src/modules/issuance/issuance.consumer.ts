import type { EntityManager } from '@mikro-orm/core';
import {
  handleOnce,
  type BusEvent,
  type EventBus,
  type Logger,
  type Orm,
  type Subscription,
} from '@bianmin/kit';
import { chinaDate } from '../licence/civil-date.js';
import { Licence } from '../licence/licence.entity.js';
import { issueInTransaction } from '../licence/licence.issue.js';
import { typeIssuedOnApprovalOf } from '../licence-type/licence-type.store.js';
import type { LicencesServices } from '../../services.js';

/** The affairs step event's payload (affairs README, "Events"). */
export interface AffairsStepPayload {
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
  seq: number;
  at: string;
}

export const ISSUANCE_CONSUMER = 'licences-issuance';
/** One durable per pattern (kit's buses): every application step arrives, approvals issue. */
export const ISSUANCE_PATTERN = 'affairs.application.*';
const ISSUING_ACTIONS = new Set(['approve', 'autoapprove']);

export type IssuanceOutcome =
  | { issued: Licence }
  | {
      skipped:
        'NOT_AN_APPROVAL' | 'NO_LICENCE_TYPE' | 'ALREADY_ISSUED' | 'DUPLICATE_EVENT' | 'UNKNOWN_PERSON';
    };

function payloadOf(event: BusEvent): AffairsStepPayload | null {
  const p = event.payload as Partial<AffairsStepPayload> | null;
  if (!p || typeof p !== 'object') return null;
  if (typeof p.applicationId !== 'string' || typeof p.personId !== 'string' || typeof p.itemCode !== 'string')
    return null;
  return p as AffairsStepPayload;
}

/**
 * Issue the licence an approval earns, once: the `processed_event` marker (handleOnce) drops a
 * redelivered event, and the unique `source_application_id` drops a second event for the same
 * approval. Identity unavailable → throws, so the bus delivers the event again later.
 */
export async function handleAffairsEvent(
  em: EntityManager,
  services: LicencesServices,
  event: BusEvent,
): Promise<IssuanceOutcome> {
  const payload = payloadOf(event);
  if (!payload || !ISSUING_ACTIONS.has(payload.action)) return { skipped: 'NOT_AN_APPROVAL' };
  const type = await typeIssuedOnApprovalOf(em, payload.itemCode);
  if (!type) return { skipped: 'NO_LICENCE_TYPE' };
  if (await em.findOne(Licence, { sourceApplicationId: payload.applicationId }, { disableIdentityMap: true }))
    return { skipped: 'ALREADY_ISSUED' };
  const lookup = await services.holders.holderOf(payload.personId);
  if (!lookup.ok)
    throw new Error(`identity is unavailable; application ${payload.applicationId} waits for redelivery`);
  const holder = lookup.holder;
  if (!holder) {
    services.log.warn(
      { applicationId: payload.applicationId },
      'approval for an unknown person: no licence issued',
    );
    return { skipped: 'UNKNOWN_PERSON' };
  }
  const approvedOn = chinaDate(Date.parse(payload.at) || services.now());
  const outcome = await handleOnce(em, ISSUANCE_CONSUMER, event.id, async (tx) => {
    // Checked again under the transaction: a second event for the same approval may have won.
    if (await tx.findOne(Licence, { sourceApplicationId: payload.applicationId })) return null;
    return issueInTransaction(tx, services, {
      type,
      holderPersonId: payload.personId,
      holder,
      fields: type.approvalDateField ? { [type.approvalDateField]: approvedOn } : {},
      source: 'AFFAIRS',
      sourceApplicationId: payload.applicationId,
      issuedBy: null,
      requestId: event.headers.requestId ?? null,
    });
  });
  if (!outcome.handled) return { skipped: 'DUPLICATE_EVENT' };
  if (!outcome.result) return { skipped: 'ALREADY_ISSUED' };
  services.log.info(
    { licenceId: outcome.result.id, typeCode: type.code, applicationId: payload.applicationId },
    'licence issued on approval',
  );
  return { issued: outcome.result };
}

/** Subscribe the issuance consumer (durable `licences-issuance`); shared by every replica. */
export function startLicenceIssuanceConsumer(deps: {
  orm: Orm;
  bus: EventBus;
  log: Logger;
  services: LicencesServices;
}): Promise<Subscription> {
  return deps.bus.subscribe(ISSUANCE_CONSUMER, ISSUANCE_PATTERN, async (event) => {
    await handleAffairsEvent(deps.orm.em.fork(), deps.services, event);
  });
}
