import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * Which workflow definition a service item is handled under. Items without a row use the
 * default (`standard`); the handling department's configuration, owned by affairs because the
 * catalog describes items and affairs handles them.
 */
export const ItemWorkflow = defineEntity({
  name: 'ItemWorkflow',
  tableName: 'item_workflow',
  properties: {
    itemCode: p.string().length(16).primary(),
    workflowCode: p.string().length(40),
    updatedAt: p.datetime(),
  },
});
export type ItemWorkflow = InferEntity<typeof ItemWorkflow>;

export const DEFAULT_WORKFLOW = 'standard';

/** Demo handling: subsidies that pay money get a second, supervisor's review (复核). */
export const SEED_ITEM_WORKFLOWS: Record<string, string> = {
  'MZ-012': 'two-level-review',
  'RS-022': 'two-level-review',
  'CL-001': 'two-level-review',
};
