import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { Rule } from './rule-spec.js';

/**
 * 秒批规则集 — one published version of a service item's instant-approval rules. Versions are
 * append-only: a change publishes version n+1 and nothing ever updates or deletes a row, so an
 * application's stored explanation always points at the exact rules that produced it. The unique
 * (itemCode, version) decides a race between two administrators publishing at once.
 */
export const RuleSet = defineEntity({
  name: 'RuleSet',
  tableName: 'rule_set',
  uniques: [{ name: 'rule_set_item_version_unique', properties: ['itemCode', 'version'] }],
  properties: {
    id: p.string().length(36).primary(),
    /** The catalog's item code (e.g. MZ-011): stable across the item's guide versions. */
    itemCode: p.string().length(16),
    version: p.integer(),
    rules: p.json<Rule[]>(),
    /** Why this version was published (变更说明). */
    note: p.string().length(500),
    /** The administrator's account id, or `seed` for the demo data. */
    createdBy: p.string().length(64),
    createdAt: p.datetime(),
  },
});
export type RuleSet = InferEntity<typeof RuleSet>;
