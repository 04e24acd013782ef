import type { EntityManager } from '@mikro-orm/core';
import type { Viewer } from '@bianmin/kit';
import type { AffairsServices } from '../../services.js';
import { evaluateRuleSet, factsNeeded } from '../rules/evaluate.js';
import { currentRuleSet } from '../rules/rule-set.store.js';
import { Application, type RuleEvaluation } from './application.entity.js';

/** States an application is no longer open in (for "no open application for the same item"). */
const CLOSED = ['DRAFT', 'APPROVED', 'REJECTED', 'NOT_ACCEPTED', 'WITHDRAWN', 'COMPLETED'];

/**
 * Evaluate the item's current rule set against facts gathered now — only the facts its rules
 * use (personal data minimisation): the applicant's birth date and community (from identity,
 * read as the applicant), their licences, their other open applications for the item. A source
 * that does not answer leaves its facts null, and the rules that need them come out UNKNOWN — a
 * person decides then. Null when the item has no rules.
 */
export async function evaluateOnSubmission(
  em: EntityManager,
  services: AffairsServices,
  viewer: Viewer,
  app: Application,
  at: Date,
): Promise<RuleEvaluation | null> {
  const ruleSet = await currentRuleSet(em, app.itemCode);
  if (!ruleSet) return null;
  const needed = factsNeeded(ruleSet.rules);
  const [applicant, licences, open] = await Promise.all([
    needed.birthDate || needed.regionCode ? services.applicants.factsOf(viewer) : null,
    needed.licenceTypes.length
      ? services.licences.licencesOf(viewer, needed.licenceTypes)
      : Promise.resolve({ ok: true as const, licences: [] }),
    needed.openApplications
      ? em.count(Application, {
          personId: app.personId,
          itemId: app.itemId,
          id: { $ne: app.id },
          state: { $nin: CLOSED },
        })
      : null,
  ]);
  const facts = applicant?.ok ? applicant.facts : null;
  const outcome = evaluateRuleSet(
    ruleSet.rules,
    {
      applicant: {
        birthDate: needed.birthDate ? (facts?.birthDate ?? null) : null,
        regionCode: needed.regionCode ? (facts?.regionCode ?? null) : null,
      },
      licences: licences.ok ? licences.licences : null,
      openApplicationsForItem: open,
      formAnswers: Object.fromEntries(needed.formFields.map((f) => [f, typedAnswer(app.formAnswers[f])])),
    },
    at,
  );
  return {
    ruleSetId: ruleSet.id,
    ruleSetVersion: ruleSet.version,
    decision: outcome.decision,
    results: outcome.results,
    evaluatedAt: at.toISOString(),
  };
}

/** Form answers arrive as text; rules compare typed values, so "true"/"false" become booleans. */
function typedAnswer(value: unknown): unknown {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}
