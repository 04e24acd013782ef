import type { Locale } from '@bianmin/frontend-kit';

/**
 * The 秒批 rule editor's form and its conversion to and from the rules JSON the affairs subgraph
 * publishes (`RuleSet.rules`; kinds and params in subgraphs/affairs/src/modules/rules/README.md).
 *
 * Nothing from the server is lost: a rule this form cannot represent exactly (an unknown kind,
 * params it does not know, a list mixing value types) becomes a read-only rule that goes back
 * unchanged. The form checks only what it needs to write JSON (a number where a number goes,
 * something in a required list); ranges and formats are the server's, whose `field`
 * (`rules.2.params.years`) `ruleInputOf` maps back onto an input.
 */

export const RULE_KINDS = [
  'LICENCES_VALID',
  'MIN_AGE',
  'MAX_AGE',
  'RESIDENT_OF',
  'NO_OPEN_APPLICATION',
  'FORM_ANSWER',
] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** Licence type codes a rule may require (the catalog's; the server refuses any other). */
export const LICENCE_TYPE_CODES: readonly string[] = [
  'RESIDENT_ID_CARD',
  'HOUSEHOLD_REGISTER',
  'MARRIAGE_CERT',
  'DIVORCE_CERT',
  'BIRTH_MEDICAL_CERT',
  'RESIDENCE_PERMIT',
  'DRIVING_LICENCE',
  'VEHICLE_LICENCE',
  'BUSINESS_LICENCE',
  'REAL_ESTATE_CERT',
  'SENIOR_CARD',
  'DISABILITY_CERT',
  'SOCIAL_SECURITY_CARD',
  'GRADUATION_CERT',
  'RETIREMENT_CERT',
  'DEATH_MEDICAL_CERT',
  'PROFESSIONAL_QUALIFICATION',
  'TEACHER_QUALIFICATION',
  'FOOD_BUSINESS_LICENCE',
  'VETERAN_CERT',
  'PASSPORT',
  'HOUSING_LEASE_RECORD',
];

export const MAX_RULES = 20;

export type ValueType = 'string' | 'number' | 'boolean';
export type MatchMode = 'equals' | 'in';
export type FormValue = string | number | boolean;

/** One editable rule. Params of every kind are kept, so switching kind back loses nothing. */
export interface EditableRule {
  editable: true;
  /** React key: stable while rules move. */
  key: string;
  id: string;
  kind: RuleKind;
  labelZh: string;
  labelEn: string;
  years: number | null;
  licenceTypes: string[];
  regionCodes: string[];
  field: string;
  fieldLabelZh: string;
  fieldLabelEn: string;
  match: MatchMode;
  valueType: ValueType;
  /** Values as typed; `true` / `false` for booleans. */
  values: string[];
}

/** A rule the form cannot represent: shown, moved or removed, but published exactly as it came. */
export interface ReadOnlyRule {
  editable: false;
  key: string;
  id: string;
  kind: string;
  label: { zh: string; en: string } | null;
  raw: unknown;
}

export type RuleDraft = EditableRule | ReadOnlyRule;

/** Which input of a rule a problem is about. */
export type RuleInput =
  | 'rule'
  | 'id'
  | 'kind'
  | 'labelZh'
  | 'labelEn'
  | 'years'
  | 'licenceTypes'
  | 'regionCodes'
  | 'field'
  | 'fieldLabelZh'
  | 'fieldLabelEn'
  | 'values';

/** Where a problem goes: one rule's input, or the form as a whole. */
export type ProblemTarget =
  | { index: number; input: RuleInput }
  | { index: null; input: 'rules' | 'note' | 'itemCode' | 'expectedVersion' };

/** A problem the form found before sending; `field` is named the way the server names it. */
export interface FormProblem {
  field: string;
  problem: 'required' | 'value' | 'tooMany';
}

let keys = 0;
const nextKey = () => `rule-${(keys += 1)}`;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON with object keys sorted: equal texts mean equal values. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isRecord(value)) {
    const entries = Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function bilingual(value: unknown): { zh: string; en: string } | null {
  return isRecord(value) && typeof value['zh'] === 'string' && typeof value['en'] === 'string'
    ? { zh: value['zh'], en: value['en'] }
    : null;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

function valueTypeOf(values: readonly unknown[]): ValueType | null {
  if (values.length === 0) return 'string';
  const types = new Set(values.map((v) => typeof v));
  if (types.size !== 1) return null;
  const [type] = [...types];
  return type === 'string' || type === 'number' || type === 'boolean' ? type : null;
}

/** A new rule for the editor; its id is the first `rule-N` not taken. */
export function newRule(existing: readonly RuleDraft[] = []): EditableRule {
  const taken = new Set(existing.map((r) => r.id));
  let n = existing.length + 1;
  while (taken.has(`rule-${n}`)) n += 1;
  return {
    editable: true,
    key: nextKey(),
    id: `rule-${n}`,
    kind: 'MIN_AGE',
    labelZh: '',
    labelEn: '',
    years: null,
    licenceTypes: [],
    regionCodes: [],
    field: '',
    fieldLabelZh: '',
    fieldLabelEn: '',
    match: 'equals',
    valueType: 'string',
    values: [],
  };
}

function readOnly(raw: unknown): ReadOnlyRule {
  const rule = isRecord(raw) ? raw : {};
  return {
    editable: false,
    key: nextKey(),
    id: typeof rule['id'] === 'string' ? rule['id'] : '',
    kind: typeof rule['kind'] === 'string' ? rule['kind'] : '',
    label: bilingual(rule['label']),
    raw,
  };
}

/** One rule from the server, editable when the form can say exactly the same thing. */
export function ruleFromJson(raw: unknown): RuleDraft {
  if (!isRecord(raw) || typeof raw['id'] !== 'string' || !isRecord(raw['params'])) return readOnly(raw);
  const kind = raw['kind'];
  if (!RULE_KINDS.includes(kind as RuleKind)) return readOnly(raw);
  const params = raw['params'];
  const label = bilingual(raw['label']);
  const fieldLabel = bilingual(params['fieldLabel']);
  const expected = params['in'] !== undefined ? params['in'] : [params['equals']];
  const values = Array.isArray(expected) ? expected.filter((v) => v !== undefined) : [];
  const valueType = valueTypeOf(values);
  if (valueType === null) return readOnly(raw);
  const form: EditableRule = {
    ...newRule(),
    id: raw['id'],
    kind: kind as RuleKind,
    labelZh: label?.zh ?? '',
    labelEn: label?.en ?? '',
    years: typeof params['years'] === 'number' ? params['years'] : null,
    licenceTypes: strings(params['licenceTypes']),
    regionCodes: strings(params['regionCodes']),
    field: typeof params['field'] === 'string' ? params['field'] : '',
    fieldLabelZh: fieldLabel?.zh ?? '',
    fieldLabelEn: fieldLabel?.en ?? '',
    match: params['in'] !== undefined ? 'in' : 'equals',
    valueType,
    values: values.map(String),
  };
  const back = ruleToJson(form, 0);
  return back.ok && canonical(back.rule) === canonical(raw) ? form : readOnly(raw);
}

/** The rules of a `RuleSet.rules` JSON text; null when it is not a list (nothing to edit). */
export function rulesFromJson(json: string | null | undefined): RuleDraft[] | null {
  if (!json) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  return Array.isArray(parsed) ? parsed.map(ruleFromJson) : null;
}

/** How many rules a `RuleSet.rules` JSON text holds (0 when unreadable). */
export function countRules(json: string | null | undefined): number {
  return rulesFromJson(json)?.length ?? 0;
}

function labelOf(zh: string, en: string): { zh: string; en: string } | undefined {
  return zh.trim() || en.trim() ? { zh: zh.trim(), en: en.trim() } : undefined;
}

function valueOf(text: string, type: ValueType): FormValue | null {
  if (type === 'boolean') return text === 'true' ? true : text === 'false' ? false : null;
  if (type === 'number') {
    const number = text.trim() === '' ? NaN : Number(text.trim());
    return Number.isFinite(number) ? number : null;
  }
  return text.trim();
}

type RuleJson = {
  id: string;
  kind: string;
  params: Record<string, unknown>;
  label?: { zh: string; en: string };
};

/** One rule as JSON, or the problems that stop it being written (`index` names it). */
export function ruleToJson(
  rule: RuleDraft,
  index: number,
): { ok: true; rule: unknown } | { ok: false; problems: FormProblem[] } {
  if (!rule.editable) return { ok: true, rule: rule.raw };
  const at = (path: string) => `rules.${index}.${path}`;
  const problems: FormProblem[] = [];
  if (!rule.id.trim()) problems.push({ field: at('id'), problem: 'required' });
  let params: Record<string, unknown> = {};
  switch (rule.kind) {
    case 'LICENCES_VALID':
      if (rule.licenceTypes.length === 0)
        problems.push({ field: at('params.licenceTypes'), problem: 'required' });
      params = { licenceTypes: [...rule.licenceTypes] };
      break;
    case 'MIN_AGE':
    case 'MAX_AGE':
      if (rule.years === null) problems.push({ field: at('params.years'), problem: 'required' });
      params = { years: rule.years };
      break;
    case 'RESIDENT_OF': {
      const codes = rule.regionCodes.map((c) => c.trim()).filter(Boolean);
      if (codes.length === 0) problems.push({ field: at('params.regionCodes'), problem: 'required' });
      params = { regionCodes: codes };
      break;
    }
    case 'NO_OPEN_APPLICATION':
      break;
    case 'FORM_ANSWER': {
      if (!rule.field.trim()) problems.push({ field: at('params.field'), problem: 'required' });
      const values = rule.match === 'equals' ? rule.values.slice(0, 1) : rule.values;
      const typed = values.map((v) => valueOf(v, rule.valueType));
      const valuesField = rule.match === 'equals' ? at('params.equals') : at('params.in');
      if (values.length === 0) problems.push({ field: valuesField, problem: 'required' });
      typed.forEach((v, i) => {
        if (v === null)
          problems.push({
            field: rule.match === 'equals' ? valuesField : `${valuesField}.${i}`,
            problem: 'value',
          });
      });
      params = { field: rule.field.trim() };
      const fieldLabel = labelOf(rule.fieldLabelZh, rule.fieldLabelEn);
      if (fieldLabel) params['fieldLabel'] = fieldLabel;
      if (rule.match === 'equals') params['equals'] = typed[0];
      else params['in'] = typed;
      break;
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const json: RuleJson = { id: rule.id.trim(), kind: rule.kind, params };
  const label = labelOf(rule.labelZh, rule.labelEn);
  if (label) json.label = label;
  return { ok: true, rule: json };
}

/** The whole set as the `rules` argument of `publishInstantApprovalRules`, or what is missing. */
export function rulesToJson(
  rules: readonly RuleDraft[],
): { ok: true; json: string } | { ok: false; problems: FormProblem[] } {
  if (rules.length === 0) return { ok: false, problems: [{ field: 'rules', problem: 'required' }] };
  if (rules.length > MAX_RULES) return { ok: false, problems: [{ field: 'rules', problem: 'tooMany' }] };
  const out: unknown[] = [];
  const problems: FormProblem[] = [];
  rules.forEach((rule, i) => {
    const result = ruleToJson(rule, i);
    if (result.ok) out.push(result.rule);
    else problems.push(...result.problems);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, json: JSON.stringify(out) };
}

const INPUT_OF_PATH: ReadonlyArray<[RegExp, RuleInput]> = [
  [/^id$/, 'id'],
  [/^kind$/, 'kind'],
  [/^label(\.zh)?$/, 'labelZh'],
  [/^label\.en$/, 'labelEn'],
  [/^params\.years$/, 'years'],
  [/^params\.licenceTypes(\.\d+)?$/, 'licenceTypes'],
  [/^params\.regionCodes(\.\d+)?$/, 'regionCodes'],
  [/^params\.field$/, 'field'],
  [/^params\.fieldLabel(\.zh)?$/, 'fieldLabelZh'],
  [/^params\.fieldLabel\.en$/, 'fieldLabelEn'],
  [/^params\.(equals|in)(\.\d+)?$/, 'values'],
];

/**
 * The input a problem is about, from its dotted `field` (`rules.2.params.years` → rule 2's years).
 * Anything else about a rule goes to the rule as a whole; anything else at all, to the form.
 */
export function ruleInputOf(field: string | null | undefined): ProblemTarget {
  const match = /^rules\.(\d+)(?:\.(.+))?$/.exec(field ?? '');
  if (match) {
    const index = Number(match[1]);
    const rest = match[2] ?? '';
    const input = INPUT_OF_PATH.find(([pattern]) => pattern.test(rest))?.[1] ?? 'rule';
    return { index, input };
  }
  if (field === 'note' || field === 'itemCode' || field === 'expectedVersion')
    return { index: null, input: field };
  return { index: null, input: 'rules' };
}

/** The list with the rule at `index` moved one place up (-1) or down (+1); unchanged at an end. */
export function moveRule<T>(rules: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (index < 0 || index >= rules.length || target < 0 || target >= rules.length) return [...rules];
  const next = [...rules];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/** The administrator's label in the UI language, or null when the rule has none. */
export function ruleLabel(rule: RuleDraft, locale: Locale): string | null {
  const label = rule.editable ? labelOf(rule.labelZh, rule.labelEn) : rule.label;
  if (!label) return null;
  return (locale === 'en' ? label.en : label.zh) || label.zh || label.en || null;
}

/** Item codes as the catalog writes them: `MZ-011`. Typed codes are upper-cased and trimmed. */
export const ITEM_CODE = /^[A-Z]{2,4}-\d{3}$/;
export function normalizeItemCode(text: string): string {
  return text.trim().toUpperCase();
}
