import type { Logger, Orm } from '@bianmin/kit';
import { ItemWorkflow, SEED_ITEM_WORKFLOWS } from '../modules/application/item-workflow.entity.js';
import { seedCalendar } from '../modules/calendar/calendar.store.js';
import { seedRuleSets } from '../modules/rules/rule-set.store.js';
import { seedWorkflowDefinitions } from '../modules/workflow/workflow.store.js';

/**
 * What affairs needs to run, idempotent: the working calendar and the workflow definitions
 * always; with `demo`, the demo items' handling (which workflow) and instant-approval rules.
 * Nothing an administrator changed is overwritten.
 */
export async function seedAffairs(orm: Orm, options: { demo: boolean; log?: Logger }): Promise<void> {
  const em = orm.em.fork();
  await seedCalendar(em);
  await seedWorkflowDefinitions(em);
  if (!options.demo) return;
  await seedRuleSets(em);
  const now = new Date();
  for (const [itemCode, workflowCode] of Object.entries(SEED_ITEM_WORKFLOWS)) {
    if (!(await em.findOne(ItemWorkflow, { itemCode }))) {
      await em.insert(ItemWorkflow, { itemCode, workflowCode, updatedAt: now });
    }
  }
  options.log?.info({ event: 'affairs-seeded' }, 'affairs configuration ready');
}
