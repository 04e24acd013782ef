import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { ErrorCode, fail, ok, pick, type Failure, type Locale, type Result, type Viewer } from '@bianmin/kit';
import type { AffairsServices } from '../../services.js';
import type { ItemTerms } from '../directories/catalog-directory.js';
import type { WorkflowDefinition } from '../workflow/workflow-definition.entity.js';
import { latestDefinition } from '../workflow/workflow.store.js';
import { Application, ApplicationEvent, type MaterialEntry } from './application.entity.js';
import { DEFAULT_WORKFLOW, ItemWorkflow } from './item-workflow.entity.js';
import { failures } from './messages.js';
import { newReference } from './reference.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isId = (id: string) => UUID.test(id);

/**
 * Start (or resume) an application: the applicant's open draft for this item if there is one,
 * else a new draft holding a snapshot of the item's terms from the catalog and the workflow the
 * item is handled under. Materials that an electronic licence can replace start as LICENCE (the
 * applicant still has to agree to its use); the rest as UPLOAD.
 */
export async function startApplication(
  em: EntityManager,
  services: AffairsServices,
  viewer: Viewer,
  itemId: string,
  locale: Locale,
  requestId: string | null,
): Promise<Result<{ application: Application }> | Failure> {
  if (!viewer.accountId || !viewer.personId) return failures.signedOutOrNotAPerson(locale);
  if (!isId(itemId))
    return fail(
      ErrorCode.NOT_FOUND,
      pick(locale, { zh: '没有这个事项', en: 'There is no such service item.' }),
      'itemId',
    );
  const draft = await em.findOne(Application, { personId: viewer.personId, itemId, state: 'DRAFT' });
  if (draft) return ok({ application: draft as Application });

  const lookup = await services.catalog.itemTerms(itemId);
  if (!lookup.ok) return failures.catalogUnavailable(locale);
  const terms = lookup.terms;
  if (!terms)
    return fail(
      ErrorCode.NOT_FOUND,
      pick(locale, { zh: '没有这个事项', en: 'There is no such service item.' }),
      'itemId',
    );

  const handling = await em.findOne(ItemWorkflow, { itemCode: terms.code });
  const definition = await latestDefinition(em, handling?.workflowCode ?? DEFAULT_WORKFLOW);
  if (!definition)
    throw new Error(`workflow definition ${handling?.workflowCode ?? DEFAULT_WORKFLOW} is missing`);

  const now = new Date(services.now());
  const materials: MaterialEntry[] = terms.materials.map((m) => ({
    id: m.id,
    source: m.fromLicenceType ? 'LICENCE' : 'UPLOAD',
    licence: null,
    fileIds: [],
    correction: null,
  }));
  const application = newDraft({
    id: randomUUID(),
    reference: newReference(now.getTime()),
    personId: viewer.personId,
    accountId: viewer.accountId,
    terms,
    definition,
    materials,
    at: now,
  });
  await em.transactional(async (tx) => {
    await tx.insert(Application, application);
    await tx.insert(ApplicationEvent, creationEvent(application, definition, requestId));
  });
  return ok({ application });
}

/** A new draft of `terms` under `definition`, version 1: the row `startApplication` inserts. */
export function newDraft(fields: {
  id: string;
  reference: string;
  personId: string;
  accountId: string;
  terms: ItemTerms;
  definition: Pick<WorkflowDefinition, 'id' | 'spec'>;
  materials: MaterialEntry[];
  at: Date;
}): Application {
  return {
    id: fields.id,
    reference: fields.reference,
    personId: fields.personId,
    accountId: fields.accountId,
    itemId: fields.terms.id,
    itemCode: fields.terms.code,
    departmentCode: fields.terms.departmentCode,
    terms: fields.terms,
    workflowDefinitionId: fields.definition.id,
    state: fields.definition.spec.initialState,
    previousState: null,
    formAnswers: {},
    materials: fields.materials,
    suspensions: [],
    extension: null,
    ratingInvitedAt: null,
    ruleEvaluation: null,
    assigneeAccountId: null,
    submittedAt: null,
    acceptedAt: null,
    decidedAt: null,
    finishedAt: null,
    dueAt: null,
    escalatedAt: null,
    createdAt: fields.at,
    updatedAt: fields.at,
    version: 1,
  } as Application;
}

/** The first step of every application's history: the applicant started it. */
export function creationEvent(
  app: Application,
  definition: Pick<WorkflowDefinition, 'id' | 'version'>,
  requestId: string | null,
): ApplicationEvent {
  return {
    id: randomUUID(),
    applicationId: app.id,
    seq: 1,
    action: 'create',
    fromState: null,
    toState: app.state,
    actorAccountId: app.accountId,
    actorKind: 'APPLICANT',
    assigneeAccountId: null,
    comment: null,
    materialReasons: null,
    workflowDefinitionId: definition.id,
    workflowVersion: definition.version,
    at: app.createdAt,
    requestId,
  };
}
