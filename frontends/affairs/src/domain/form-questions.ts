import type { TFunction } from 'i18next';
import type { Locale } from '@bianmin/frontend-kit';

/**
 * The application form. The schema has no form definition of its own; the questions that matter
 * are the ones an item's instant-approval rules read (`FORM_ANSWER` rules in
 * `instantApprovalRules(itemCode).rules`), so the wizard asks exactly those. Fields this remote
 * knows (the demo rules' `byAgent` and `certificateSubject`) get proper choices and labels.
 */
export type FormQuestion =
  | { field: string; kind: 'boolean'; ruleLabel: BilingualLabel | null }
  | { field: string; kind: 'choice'; options: string[]; ruleLabel: BilingualLabel | null }
  | { field: string; kind: 'text'; ruleLabel: BilingualLabel | null };

export interface BilingualLabel {
  zh: string;
  en: string;
}

type KnownQuestion = { kind: 'boolean' } | { kind: 'choice'; options: string[] };

/** Fields with labels and options in the i18n resources (`formFields.<field>`). */
const KNOWN_FIELDS: Record<string, KnownQuestion> = {
  byAgent: { kind: 'boolean' },
  certificateSubject: { kind: 'choice', options: ['SELF', 'DECEASED_RELATIVE'] },
};

/** What `saveApplicationDraft` accepts as a field name. */
const SAVABLE_FIELD = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function bilingual(value: unknown): BilingualLabel | null {
  return isRecord(value) && typeof value['zh'] === 'string' && typeof value['en'] === 'string'
    ? { zh: value['zh'], en: value['en'] }
    : null;
}

/** The questions an item's rules (the `RuleSet.rules` JSON) need answered, in rule order. */
export function formQuestionsFromRules(rulesJson: string | null | undefined): FormQuestion[] {
  if (!rulesJson) return [];
  let rules: unknown;
  try {
    rules = JSON.parse(rulesJson);
  } catch {
    return [];
  }
  if (!Array.isArray(rules)) return [];
  const questions: FormQuestion[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    if (!isRecord(rule) || rule['kind'] !== 'FORM_ANSWER' || !isRecord(rule['params'])) continue;
    const params = rule['params'];
    const field = params['field'];
    if (typeof field !== 'string' || !SAVABLE_FIELD.test(field) || seen.has(field)) continue;
    seen.add(field);
    const ruleLabel = bilingual(params['fieldLabel']);
    const known = Object.hasOwn(KNOWN_FIELDS, field) ? KNOWN_FIELDS[field] : undefined;
    if (known) {
      questions.push({ field, ruleLabel, ...known });
      continue;
    }
    const expected = params['equals'] !== undefined ? [params['equals']] : params['in'];
    const allBoolean =
      Array.isArray(expected) && expected.length > 0 && expected.every((v) => typeof v === 'boolean');
    questions.push(allBoolean ? { field, kind: 'boolean', ruleLabel } : { field, kind: 'text', ruleLabel });
  }
  return questions;
}

/** Form answers are strings on the wire; a yes/no question is answered `true` or `false`. */
export const YES = 'true';
export const NO = 'false';

/** A field's label: ours when we know the field, the rule's otherwise, the bare name at worst. */
export function fieldLabel(
  field: string,
  ruleLabel: BilingualLabel | null,
  locale: Locale,
  t: TFunction,
): string {
  const fallback = ruleLabel ? (locale === 'en' ? ruleLabel.en : ruleLabel.zh) : field;
  return t(`formFields.${field}.label`, { defaultValue: fallback });
}

/** An answer as people read it: 是/否, a known option's name, or the text as given. */
export function answerText(field: string, value: string, t: TFunction): string {
  if (value === YES) return t('form.yes');
  if (value === NO) return t('form.no');
  return t(`formFields.${field}.options.${value}`, { defaultValue: value });
}
