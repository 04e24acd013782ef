import { RuleSet } from './rule-set.entity.js';

/** The rules module's entities, collected by src/db/entities.ts. */
export const rulesEntities = [RuleSet];
