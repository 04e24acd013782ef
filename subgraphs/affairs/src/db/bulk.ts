import { analyzeAfterBulkLoad, insertInBatches } from '@bianmin/kit';
/**
 * Affairs' bulk path: a history of applications written straight to the tables — each one the
 * rows its steps would have left had they come through the API (`bulk/application-rows.ts`), in
 * INSERTs of 1,000 rows with one transaction per 1,000 applications. Plans come from
 * `planApplications` (seeded, pure); the item terms are the snapshots affairs freezes on an
 * application, read from the catalog through affairs' own catalog directory. Used by
 * `@bianmin/sim` (a synthetic city) and by the benchmarks.
 *
 * Nothing is announced: no outbox event is recorded for an imported step, because the steps
 * happened in the past and consumers (the licences domain issuing on approval, the evidence log)
 * must not act on them now. What consumers keep from the events is loaded by their own bulk paths
 * instead — identity's case files from `announced`.
 */
import type { EntityManager } from '@mikro-orm/core';
import type { Orm } from '@bianmin/kit';
import type { ApplicationStepEvent } from '../modules/application/application.commit.js';
import { Application, ApplicationEvent } from '../modules/application/application.entity.js';
import { DEFAULT_WORKFLOW, ItemWorkflow } from '../modules/application/item-workflow.entity.js';
import { loadWorkingCalendar } from '../modules/calendar/calendar.store.js';
import type { CatalogDirectory, ItemTerms } from '../modules/directories/catalog-directory.js';
import { Notification } from '../modules/notification/notification.entity.js';
import type { WorkflowDefinition } from '../modules/workflow/workflow-definition.entity.js';
import { latestDefinition } from '../modules/workflow/workflow.store.js';
import type { ApplicationPlan } from './bulk/application-plans.js';
import { replayApplication, type ReplayedApplication } from './bulk/application-rows.js';

export {
  planApplications,
  type Applicant,
  type ApplicationPlan,
  type Handler,
  type PlanItem,
  type PlannedStep,
  type PlanOptions,
} from './bulk/application-plans.js';
export { replayApplication } from './bulk/application-rows.js';
export {
  graphQLCatalogDirectory,
  type CatalogDirectory,
  type ItemTerms,
} from '../modules/directories/catalog-directory.js';
export type { ApplicationStepEvent } from '../modules/application/application.commit.js';

/** Applications per transaction. */
export const BATCH = 1000;
/**
 * Rows per INSERT, for statements of roughly 200 KB: PostgreSQL parses a statement of several
 * hundred KB far more slowly than a few small ones (an application row is ~2 KB with its frozen
 * terms, a history step or notification a few hundred bytes). SQLite does not mind either way.
 */
const ROWS_PER_INSERT = { application: 100, small: 500 } as const;

/**
 * The terms snapshot of each item, as `startApplication` takes it from the catalog (`itemTerms`),
 * `parallel` items at a time, in code order. Throws when the catalog is unavailable or lacks an
 * item.
 */
export async function fetchItemTerms(
  catalog: CatalogDirectory,
  itemIds: readonly string[],
  parallel = 8,
): Promise<ItemTerms[]> {
  const terms: ItemTerms[] = [];
  let next = 0;
  const worker = async () => {
    while (next < itemIds.length) {
      const id = itemIds[next++]!;
      const lookup = await catalog.itemTerms(id);
      if (!lookup.ok || !lookup.terms) throw new Error(`the catalog has no terms for item ${id}`);
      terms.push(lookup.terms);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return terms.sort((a, b) => a.code.localeCompare(b.code));
}

export interface LoadApplicationsInput {
  plans: readonly ApplicationPlan[];
  /** The terms of every item the plans name (`fetchItemTerms`). */
  terms: readonly ItemTerms[];
  /** The moment the history leads up to (the plans' `now`). */
  now: Date;
}

export interface LoadedApplications {
  applications: number;
  events: number;
  notifications: number;
  /** Per application that left its draft, the newest step as its `affairs.application.*` payload. */
  announced: ApplicationStepEvent[];
}

/** The definition each item's applications start on: the latest version of the item's workflow. */
async function definitionsFor(em: EntityManager) {
  const handling = new Map((await em.find(ItemWorkflow, {})).map((h) => [h.itemCode, h.workflowCode]));
  const latest = new Map<string, WorkflowDefinition>();
  return async (itemCode: string): Promise<WorkflowDefinition> => {
    const code = handling.get(itemCode) ?? DEFAULT_WORKFLOW;
    if (!latest.has(code)) {
      const definition = await latestDefinition(em, code);
      if (!definition) throw new Error(`workflow definition ${code} is missing: run seedAffairs first`);
      latest.set(code, definition);
    }
    return latest.get(code)!;
  };
}

/**
 * Replay and insert `plans`. Every step is checked by the workflow engine against the item's
 * workflow definition in this database; a plan it refuses stops the load with an error (the
 * batches before it stay).
 */
export async function loadApplications(orm: Orm, input: LoadApplicationsInput): Promise<LoadedApplications> {
  const em = orm.em.fork();
  const calendar = await loadWorkingCalendar(em);
  const definitionOf = await definitionsFor(em);
  const termsOf = new Map(input.terms.map((t) => [t.code, t]));
  const loaded: LoadedApplications = { applications: 0, events: 0, notifications: 0, announced: [] };
  // PostgreSQL writes one batch while this process replays the next.
  let writing: Promise<void> = Promise.resolve();
  for (let i = 0; i < input.plans.length; i += BATCH) {
    const replayed: ReplayedApplication[] = [];
    for (const plan of input.plans.slice(i, i + BATCH)) {
      const terms = termsOf.get(plan.itemCode);
      if (!terms) throw new Error(`no terms for ${plan.itemCode}`);
      const definition = await definitionOf(plan.itemCode);
      replayed.push(replayApplication(plan, { terms, definition, calendar, now: input.now }));
    }
    const events = replayed.flatMap((r) => r.events);
    const notifications = replayed.flatMap((r) => r.notifications);
    await writing;
    writing = orm.em.fork().transactional(async (tx) => {
      const applications = replayed.map((r) => r.application);
      await insertInBatches(tx, Application, applications, ROWS_PER_INSERT.application);
      await insertInBatches(tx, ApplicationEvent, events, ROWS_PER_INSERT.small);
      await insertInBatches(tx, Notification, notifications, ROWS_PER_INSERT.small);
    });
    loaded.applications += replayed.length;
    loaded.events += events.length;
    loaded.notifications += notifications.length;
    for (const r of replayed) if (r.announced) loaded.announced.push(r.announced);
  }
  await writing;
  await analyzeAfterBulkLoad(
    orm,
    [Application, ApplicationEvent, Notification].map((e) => e.meta.className),
  );
  return loaded;
}
