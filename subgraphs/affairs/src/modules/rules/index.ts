/** The rules module's public API: 秒批 rule sets, their validation, evaluation and storage. */
export { RULE_KINDS, MAX_RULES, ruleSpec, ruleSetSpec, parseRuleSet, parseRule } from './rule-spec.js';
export type { Rule, RuleKind, RuleOf, RuleSetSpec, FormAnswerValue, SpecProblem } from './rule-spec.js';
export { evaluateRuleSet, evaluateRuleSetVersion, factsNeeded, defaultLabel } from './evaluate.js';
export type {
  RuleFacts,
  LicenceFact,
  RuleOutcome,
  RuleResult,
  RuleSetDecision,
  RuleSetEvaluation,
} from './evaluate.js';
export { RuleSet } from './rule-set.entity.js';
export {
  currentRuleSet,
  ruleSetById,
  ruleSetVersions,
  publishRuleSet,
  seedRuleSets,
  type PublishRuleSetInput,
} from './rule-set.store.js';
export {
  LICENCE_TYPE_NAMES,
  LICENCE_TYPE_CODES,
  licenceTypeName,
  type LicenceTypeCode,
} from './licence-types.js';
export { parseRegionCode, regionRelation, type RegionCode, type RegionLevel } from './region-code.js';
