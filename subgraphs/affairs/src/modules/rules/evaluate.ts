import type { Message } from '@bianmin/kit';
import {
  ageOn,
  birthdayIn,
  chinaDate,
  compareCivilDates,
  formatCivilDate,
  parseCivilDate,
  type CivilDate,
} from './civil-date.js';
import { licenceTypeName } from './licence-types.js';
import { parseRegionCode, regionRelation, type RegionCode } from './region-code.js';
import { parseRule, RULE_KINDS, type FormAnswerValue, type Rule, type RuleOf } from './rule-spec.js';

/** What the rules are checked against, gathered by the caller at submission. */
export interface RuleFacts {
  applicant: {
    /** `YYYY-MM-DD`, or null when identity does not know it. */
    birthDate: string | null;
    /** The registered (户籍) community code, e.g. 33990201001001, or null. */
    regionCode: string | null;
  };
  /** The applicant's electronic licences of the types the rules name; null: the source could not be reached. */
  licences: LicenceFact[] | null;
  /** The applicant's OTHER open (not final) applications for the same item; null: not known. */
  openApplicationsForItem: number | null;
  /** The answers the applicant declared on the application form. */
  formAnswers: Record<string, unknown>;
  /** Optional names of region codes (from the catalog's geography) to make explanations readable. */
  regionNames?: Record<string, string>;
}

export interface LicenceFact {
  typeCode: string;
  status: 'VALID' | 'EXPIRED' | 'REVOKED' | 'SUSPENDED';
  /** Last day of validity `YYYY-MM-DD` (inclusive), or null when it does not expire. */
  validUntil: string | null;
}

export type RuleOutcome = 'PASS' | 'FAIL' | 'UNKNOWN';

export interface RuleResult {
  ruleId: string;
  kind: string;
  /** The rule's own label, or one made from its parameters. */
  label: Message;
  outcome: RuleOutcome;
  /** Why, specific and free of personal data beyond a birth date and region codes and names. */
  explanation: Message;
}

export interface RuleSetDecision {
  /** APPROVE only when there is at least one rule and every rule passed. */
  decision: 'APPROVE' | 'REVIEW';
  results: RuleResult[];
  /** One line for the resident and staff: approved, or which rules sent it to review. */
  summary: Message;
}

type Verdict = { outcome: RuleOutcome; explanation: Message };

// ── display helpers ─────────────────────────────────────────────────────────────────────────────

/**
 * A space between Chinese and Latin letters or digits (年满 60 周岁, 位于 339900), as Chinese
 * government sites typeset mixed text; templates can then put codes and names in the same slot.
 */
function spaced(zh: string): string {
  return zh
    .replace(/([\u4e00-\u9fff])([A-Za-z0-9])/g, '$1 $2')
    .replace(/([A-Za-z0-9])([\u4e00-\u9fff])/g, '$1 $2');
}

const quoteZh = (names: readonly string[]) => names.map((n) => `「${n}」`).join('');
const quoteEn = (names: readonly string[]) => names.map((n) => `'${n}'`).join(', ');

function valueText(v: FormAnswerValue): Message {
  if (typeof v === 'boolean') return v ? { zh: '“是”', en: '“yes”' } : { zh: '“否”', en: '“no”' };
  return { zh: `“${v}”`, en: `“${v}”` };
}

function valuesText(values: readonly FormAnswerValue[]): Message {
  return {
    zh: values.map((v) => valueText(v).zh).join('或'),
    en: values.map((v) => valueText(v).en).join(' or '),
  };
}

function regionText(code: string, names: Record<string, string> | undefined): Message {
  const name = names && Object.hasOwn(names, code) ? names[code] : undefined;
  // A name is the caller's data: one that looks like an ID or phone number is not shown.
  return typeof name === 'string' && name !== '' && !/\d{11,}/.test(name.replace(/[\s-]/g, ''))
    ? { zh: `${name}（${code}）`, en: `${name} (${code})` }
    : { zh: code, en: code };
}

function regionsText(codes: readonly string[], names: Record<string, string> | undefined): Message {
  const each = codes.map((c) => regionText(c, names));
  return { zh: each.map((m) => m.zh).join('、'), en: each.map((m) => m.en).join(', ') };
}

function fieldText(rule: RuleOf<'FORM_ANSWER'>): Message {
  return rule.params.fieldLabel ?? { zh: rule.params.field, en: rule.params.field };
}

/** The label a rule shows when the administrator gave none. */
export function defaultLabel(rule: Rule, regionNames?: Record<string, string>): Message {
  const label = unspacedLabel(rule, regionNames);
  return { ...label, zh: spaced(label.zh) };
}

function unspacedLabel(rule: Rule, regionNames?: Record<string, string>): Message {
  switch (rule.kind) {
    case 'LICENCES_VALID': {
      const names = rule.params.licenceTypes.map(licenceTypeName);
      return {
        zh: `持有有效的${quoteZh(names.map((n) => n.zh))}电子证照`,
        en: `Valid electronic licence: ${quoteEn(names.map((n) => n.en))}`,
      };
    }
    case 'MIN_AGE':
      return { zh: `年满 ${rule.params.years} 周岁`, en: `Aged ${rule.params.years} or over` };
    case 'MAX_AGE':
      return { zh: `不超过 ${rule.params.years} 周岁`, en: `Aged ${rule.params.years} or under` };
    case 'RESIDENT_OF': {
      const where = regionsText(rule.params.regionCodes, regionNames);
      return { zh: `户籍在${where.zh}`, en: `Registered in ${where.en}` };
    }
    case 'NO_OPEN_APPLICATION':
      return { zh: '没有同一事项的在办申请', en: 'No other open application for this item' };
    case 'FORM_ANSWER': {
      const f = fieldText(rule);
      return { zh: `申请表「${f.zh}」符合要求`, en: `Form answer '${f.en}' as required` };
    }
  }
}

// ── the rules ───────────────────────────────────────────────────────────────────────────────────

type LicenceState =
  | { kind: 'VALID' }
  | { kind: 'MISSING' }
  | { kind: 'EXPIRED'; on: string | null }
  | { kind: 'REVOKED' }
  | { kind: 'SUSPENDED' }
  | { kind: 'UNCLEAR' };

function licenceState(l: LicenceFact, today: CivilDate): LicenceState {
  switch (l.status) {
    case 'REVOKED':
      return { kind: 'REVOKED' };
    case 'SUSPENDED':
      return { kind: 'SUSPENDED' };
    case 'EXPIRED':
      return { kind: 'EXPIRED', on: parseCivilDate(l.validUntil) ? l.validUntil : null };
    case 'VALID': {
      if (l.validUntil === null) return { kind: 'VALID' };
      const until = parseCivilDate(l.validUntil);
      if (!until) return { kind: 'UNCLEAR' };
      // The status may lag behind the calendar: a licence past its last day is expired whatever it says.
      return compareCivilDates(until, today) >= 0 ? { kind: 'VALID' } : { kind: 'EXPIRED', on: l.validUntil };
    }
    default:
      return { kind: 'UNCLEAR' };
  }
}

/** Of all the applicant's licences of one type, the state that decides: any valid one is enough. */
function stateOfType(held: readonly LicenceFact[], typeCode: string, today: CivilDate): LicenceState {
  const states = held.filter((l) => l?.typeCode === typeCode).map((l) => licenceState(l, today));
  if (states.length === 0) return { kind: 'MISSING' };
  if (states.some((s) => s.kind === 'VALID')) return { kind: 'VALID' };
  // An unreadable licence might be the valid one: that is not a failure, it is not knowing.
  if (states.some((s) => s.kind === 'UNCLEAR')) return { kind: 'UNCLEAR' };
  // Tell the resident the most actionable fact: suspended, then the latest expiry, then revoked.
  const suspended = states.find((s) => s.kind === 'SUSPENDED');
  if (suspended) return suspended;
  const expired = states
    .flatMap((s) => (s.kind === 'EXPIRED' ? [s] : []))
    .sort((a, b) => (b.on ?? '').localeCompare(a.on ?? ''));
  return expired[0] ?? { kind: 'REVOKED' };
}

function failureReason(state: LicenceState): Message {
  switch (state.kind) {
    case 'EXPIRED':
      return state.on
        ? { zh: `已过期：${state.on}`, en: `expired on ${state.on}` }
        : { zh: '已过期', en: 'expired' };
    case 'REVOKED':
      return { zh: '已吊销', en: 'revoked' };
    case 'SUSPENDED':
      return { zh: '已暂停使用', en: 'suspended' };
    default:
      return { zh: '未查到该证照', en: 'none on record' };
  }
}

function licencesValid(rule: RuleOf<'LICENCES_VALID'>, facts: RuleFacts, today: CivilDate): Verdict {
  const types = rule.params.licenceTypes;
  const names = (codes: readonly string[]) => codes.map(licenceTypeName);
  if (!Array.isArray(facts.licences)) {
    const n = names(types);
    return {
      outcome: 'UNKNOWN',
      explanation: {
        zh: `电子证照库暂时无法访问，未能核验${quoteZh(n.map((x) => x.zh))}电子证照`,
        en: `The electronic licence registry could not be reached, so ${quoteEn(n.map((x) => x.en))} could not be checked`,
      },
    };
  }
  const held = facts.licences;
  const states = types.map((t) => ({ type: t, state: stateOfType(held, t, today) }));
  const failed = states.filter((s) => !['VALID', 'UNCLEAR'].includes(s.state.kind));
  if (failed.length > 0) {
    const each = failed.map(({ type, state }) => ({
      name: licenceTypeName(type),
      reason: failureReason(state),
    }));
    return {
      outcome: 'FAIL',
      explanation: {
        zh: each.map((e) => `未持有有效的「${e.name.zh}」电子证照（${e.reason.zh}）`).join('；'),
        en: each.map((e) => `No valid '${e.name.en}' electronic licence (${e.reason.en})`).join('; '),
      },
    };
  }
  const unclear = states.filter((s) => s.state.kind === 'UNCLEAR').map((s) => s.type);
  if (unclear.length > 0) {
    const n = names(unclear);
    return {
      outcome: 'UNKNOWN',
      explanation: {
        zh: `${quoteZh(n.map((x) => x.zh))}电子证照的状态或有效期无法识别，未能核验`,
        en: `The status or expiry of ${quoteEn(n.map((x) => x.en))} could not be read, so it could not be checked`,
      },
    };
  }
  const n = names(types);
  return {
    outcome: 'PASS',
    explanation: {
      zh: `持有有效的${quoteZh(n.map((x) => x.zh))}电子证照`,
      en:
        n.length === 1
          ? `Holds a valid '${n[0]!.en}' electronic licence`
          : `Holds valid electronic licences: ${quoteEn(n.map((x) => x.en))}`,
    },
  };
}

function age(rule: RuleOf<'MIN_AGE' | 'MAX_AGE'>, facts: RuleFacts, today: CivilDate): Verdict {
  const y = rule.params.years;
  const what: Message =
    rule.kind === 'MIN_AGE'
      ? { zh: `是否年满 ${y} 周岁`, en: `'aged ${y} or over'` }
      : { zh: `是否未超过 ${y} 周岁`, en: `'aged ${y} or under'` };
  const raw = facts.applicant?.birthDate;
  if (raw === null || raw === undefined || raw === '') {
    return {
      outcome: 'UNKNOWN',
      explanation: {
        zh: `缺少申请人出生日期，未能核验${what.zh}`,
        en: `The applicant's date of birth is not known, so ${what.en} could not be checked`,
      },
    };
  }
  const birth = parseCivilDate(raw);
  // Never echo an unreadable value: it may be an ID number put in the wrong field.
  if (!birth) {
    return {
      outcome: 'UNKNOWN',
      explanation: {
        zh: `申请人出生日期无法识别，未能核验${what.zh}`,
        en: `The applicant's date of birth could not be read, so ${what.en} could not be checked`,
      },
    };
  }
  const b = formatCivilDate(birth);
  const t = formatCivilDate(today);
  if (compareCivilDates(birth, today) > 0) {
    return {
      outcome: 'UNKNOWN',
      explanation: {
        zh: `申请人出生日期 ${b} 晚于提交日期 ${t}，未能核验${what.zh}`,
        en: `The applicant's date of birth ${b} is after the submission date ${t}, so ${what.en} could not be checked`,
      },
    };
  }
  const years = ageOn(birth, today);
  if (rule.kind === 'MIN_AGE') {
    if (years >= y) {
      return {
        outcome: 'PASS',
        explanation: {
          zh: `申请人年满 ${y} 周岁（出生于 ${b}，提交时 ${years} 周岁）`,
          en: `The applicant is aged ${y} or over (born ${b}, aged ${years} at submission)`,
        },
      };
    }
    const turns = formatCivilDate(birthdayIn(birth, birth.year + y));
    return {
      outcome: 'FAIL',
      explanation: {
        zh: `申请人未满 ${y} 周岁（出生于 ${b}，提交时 ${years} 周岁，${turns} 年满 ${y} 周岁）`,
        en: `The applicant is under ${y} (born ${b}, aged ${years} at submission; turns ${y} on ${turns})`,
      },
    };
  }
  if (years <= y) {
    return {
      outcome: 'PASS',
      explanation: {
        zh: `申请人未超过 ${y} 周岁（出生于 ${b}，提交时 ${years} 周岁）`,
        en: `The applicant is aged ${y} or under (born ${b}, aged ${years} at submission)`,
      },
    };
  }
  return {
    outcome: 'FAIL',
    explanation: {
      zh: `申请人已超过 ${y} 周岁（出生于 ${b}，提交时 ${years} 周岁）`,
      en: `The applicant is over ${y} (born ${b}, aged ${years} at submission)`,
    },
  };
}

function residentOf(rule: RuleOf<'RESIDENT_OF'>, facts: RuleFacts): Verdict {
  const names = facts.regionNames;
  const regions = rule.params.regionCodes.map(parseRegionCode).filter((r): r is RegionCode => r !== null);
  const all = regionsText(
    regions.map((r) => r.code),
    names,
  );
  const raw = facts.applicant?.regionCode;
  if (raw === null || raw === undefined || raw === '') {
    return {
      outcome: 'UNKNOWN',
      explanation: {
        zh: `缺少申请人户籍所在地，未能核验是否为${all.zh}户籍`,
        en: `The applicant's registered residence is not known, so residence in ${all.en} could not be checked`,
      },
    };
  }
  const home = parseRegionCode(raw);
  // Never echo an unreadable code: it may be an ID number or an address put in the wrong field.
  if (!home) {
    return {
      outcome: 'UNKNOWN',
      explanation: {
        zh: `申请人户籍所在地代码无法识别，未能核验是否为${all.zh}户籍`,
        en: `The applicant's registered residence code could not be read, so residence in ${all.en} could not be checked`,
      },
    };
  }
  // An 11-digit code shaped like a mobile number (13x…19x) may be one, put in the wrong field:
  // it still decides, but it is not shown. (Province codes 13–15 make real street codes look alike.)
  const at = /^1[3-9]\d{9}$/.test(home.code) ? null : regionText(home.code, names);
  const inside = regions.find((r) => regionRelation(r, home) === 'INSIDE');
  if (inside) {
    const r = regionText(inside.code, names);
    return {
      outcome: 'PASS',
      explanation: at
        ? {
            zh: `申请人户籍所在地${at.zh}位于${r.zh}`,
            en: `The applicant is registered in ${at.en}, which lies in ${r.en}`,
          }
        : { zh: `申请人户籍所在地位于${r.zh}`, en: `The applicant's registered residence lies in ${r.en}` },
    };
  }
  const undetermined = regions.filter((r) => regionRelation(r, home) === 'UNDETERMINED');
  if (undetermined.length > 0) {
    const u = regionsText(
      undetermined.map((r) => r.code),
      names,
    );
    return {
      outcome: 'UNKNOWN',
      explanation: at
        ? {
            zh: `申请人户籍登记只精确到${at.zh}，无法确定是否位于${u.zh}`,
            en: `The applicant's registration is only known down to ${at.en}, so whether it lies in ${u.en} could not be checked`,
          }
        : {
            zh: `申请人户籍登记不够精确，无法确定是否位于${u.zh}`,
            en: `The applicant's registration is not precise enough to tell whether it lies in ${u.en}`,
          },
    };
  }
  return {
    outcome: 'FAIL',
    explanation: at
      ? {
          zh: `申请人户籍所在地${at.zh}不在${all.zh}范围内`,
          en: `The applicant is registered in ${at.en}, outside ${all.en}`,
        }
      : {
          zh: `申请人户籍所在地不在${all.zh}范围内`,
          en: `The applicant's registered residence is outside ${all.en}`,
        },
  };
}

function noOpenApplication(facts: RuleFacts): Verdict {
  const n = facts.openApplicationsForItem;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
    return {
      outcome: 'UNKNOWN',
      explanation: {
        zh: '未能查询申请人同一事项的在办申请',
        en: "The applicant's other open applications for this item could not be looked up",
      },
    };
  }
  if (n === 0) {
    return {
      outcome: 'PASS',
      explanation: {
        zh: '申请人没有同一事项的其他在办申请',
        en: 'The applicant has no other open application for this item',
      },
    };
  }
  // A count is ours, but a four-digit one is a bug upstream; do not print whatever number came in.
  const count = n > 999 ? '999+' : String(n);
  return {
    outcome: 'FAIL',
    explanation: {
      zh: `申请人已有 ${count} 件同一事项的申请正在办理`,
      en: `The applicant already has ${count} open application${n === 1 ? '' : 's'} for this item`,
    },
  };
}

/**
 * Answers are echoed only when they are one of the administrator's own values, a yes/no, or a
 * short number: free text may be a phone number, an ID number or an address.
 */
function echoable(answer: string | number | boolean): boolean {
  if (typeof answer === 'boolean') return true;
  return typeof answer === 'number' && Number.isInteger(answer) && Math.abs(answer) < 100_000;
}

function formAnswer(rule: RuleOf<'FORM_ANSWER'>, facts: RuleFacts): Verdict {
  const f = fieldText(rule);
  const answers = facts.formAnswers && typeof facts.formAnswers === 'object' ? facts.formAnswers : {};
  const raw: unknown = Object.hasOwn(answers, rule.params.field) ? answers[rule.params.field] : undefined;
  const answer = typeof raw === 'string' ? raw.trim() : raw;
  if (answer === undefined || answer === null || answer === '') {
    return {
      outcome: 'UNKNOWN',
      explanation: {
        zh: `申请表未填写「${f.zh}」，未能核验`,
        en: `The form does not answer '${f.en}', so it could not be checked`,
      },
    };
  }
  if (
    !(typeof answer === 'string' || typeof answer === 'boolean' || typeof answer === 'number') ||
    (typeof answer === 'number' && !Number.isFinite(answer))
  ) {
    return {
      outcome: 'UNKNOWN',
      explanation: {
        zh: `申请表「${f.zh}」的填写无法识别，未能核验`,
        en: `The form answer '${f.en}' could not be read, so it could not be checked`,
      },
    };
  }
  const expected = rule.params.equals !== undefined ? [rule.params.equals] : (rule.params.in ?? []);
  const wanted = valuesText(expected);
  if (expected.some((v) => v === answer)) {
    const given = valueText(answer);
    return {
      outcome: 'PASS',
      explanation: {
        zh: `申请表「${f.zh}」填写为${given.zh}，符合要求`,
        en: `The form answer '${f.en}' is ${given.en}, as required`,
      },
    };
  }
  if (echoable(answer)) {
    const given = valueText(answer);
    return {
      outcome: 'FAIL',
      explanation: {
        zh: `申请表「${f.zh}」填写为${given.zh}，不符合要求（应为${wanted.zh}）`,
        en: `The form answer '${f.en}' is ${given.en}; it must be ${wanted.en}`,
      },
    };
  }
  return {
    outcome: 'FAIL',
    explanation: {
      zh: `申请表「${f.zh}」的填写不符合要求（应为${wanted.zh}）`,
      en: `The form answer '${f.en}' is not an accepted value; it must be ${wanted.en}`,
    },
  };
}

function verdict(rule: Rule, facts: RuleFacts, today: CivilDate | null): Verdict {
  if (today === null && ['LICENCES_VALID', 'MIN_AGE', 'MAX_AGE'].includes(rule.kind)) {
    return {
      outcome: 'UNKNOWN',
      explanation: {
        zh: '提交时间无效，无法按日期核验',
        en: 'The submission time is not valid, so date-dependent checks could not be made',
      },
    };
  }
  switch (rule.kind) {
    case 'LICENCES_VALID':
      return licencesValid(rule, facts, today!);
    case 'MIN_AGE':
    case 'MAX_AGE':
      return age(rule, facts, today!);
    case 'RESIDENT_OF':
      return residentOf(rule, facts);
    case 'NO_OPEN_APPLICATION':
      return noOpenApplication(facts);
    case 'FORM_ANSWER':
      return formAnswer(rule, facts);
  }
}

const INVALID_RULE: Message = {
  zh: '规则定义无效，无法评估',
  en: 'The rule definition is not valid, so it could not be evaluated',
};
const FAILED_RULE: Message = {
  zh: '规则评估出错，未能核验',
  en: 'The rule could not be evaluated because of an error',
};

function evaluateOne(raw: unknown, index: number, facts: RuleFacts, today: CivilDate | null): RuleResult {
  // Stored rules are checked again: data written under an older schema must not approve anything.
  const rule = parseRule(raw);
  if (!rule) {
    const r = (raw ?? {}) as { id?: unknown; kind?: unknown };
    const ruleId = typeof r.id === 'string' && /^[a-z][a-z0-9_-]{0,31}$/.test(r.id) ? r.id : `#${index + 1}`;
    const kind = RULE_KINDS.find((k) => k === r.kind) ?? 'INVALID';
    return {
      ruleId,
      kind,
      label: { zh: `规则 ${ruleId}`, en: `Rule ${ruleId}` },
      outcome: 'UNKNOWN',
      explanation: INVALID_RULE,
    };
  }
  const label = rule.label ?? defaultLabel(rule, facts?.regionNames);
  try {
    const { outcome, explanation } = verdict(rule, facts, today);
    return {
      ruleId: rule.id,
      kind: rule.kind,
      label,
      outcome,
      explanation: { ...explanation, zh: spaced(explanation.zh) },
    };
  } catch {
    // Malformed facts must not crash a submission: not knowing sends the application to a person.
    return { ruleId: rule.id, kind: rule.kind, label, outcome: 'UNKNOWN', explanation: FAILED_RULE };
  }
}

function summarize(results: readonly RuleResult[]): Message {
  if (results.length === 0) {
    return {
      zh: '该事项未配置秒批规则，转人工审核',
      en: 'This item has no instant-approval rules, so it goes to staff for review',
    };
  }
  const failed = results.filter((r) => r.outcome === 'FAIL');
  const unknown = results.filter((r) => r.outcome === 'UNKNOWN');
  if (failed.length === 0 && unknown.length === 0) {
    return results.length === 1
      ? { zh: '规则已满足，系统自动批准', en: 'The rule is met: approved automatically' }
      : {
          zh: `全部 ${results.length} 项规则均已满足，系统自动批准`,
          en: `All ${results.length} rules are met: approved automatically`,
        };
  }
  const zh: string[] = [];
  const en: string[] = [];
  if (failed.length > 0) {
    zh.push(`${failed.length} 项规则未满足（${failed.map((r) => r.label.zh).join('、')}）`);
    en.push(`${failed.length} not met (${failed.map((r) => r.label.en).join(', ')})`);
  }
  if (unknown.length > 0) {
    zh.push(`${unknown.length} 项规则无法核验（${unknown.map((r) => r.label.zh).join('、')}）`);
    en.push(`${unknown.length} could not be checked (${unknown.map((r) => r.label.en).join(', ')})`);
  }
  return { zh: `${zh.join('，')}，转人工审核`, en: `Sent to staff for review: ${en.join('; ')}` };
}

/**
 * Evaluate an instant-approval rule set against the facts of one submission, at `now` (whose
 * civil date in China is "the submission date"). Pure and total: it never throws; a rule whose
 * facts are missing or unreadable is UNKNOWN, never PASS. The decision is APPROVE only when there
 * is at least one rule and every rule is PASS; anything else goes to human review.
 */
export function evaluateRuleSet(rules: readonly Rule[], facts: RuleFacts, now: Date): RuleSetDecision {
  const safeFacts: RuleFacts = facts ?? {
    applicant: { birthDate: null, regionCode: null },
    licences: null,
    openApplicationsForItem: null,
    formAnswers: {},
  };
  const today = chinaDate(now);
  const list: readonly unknown[] = Array.isArray(rules) ? rules : [];
  const results = list.map((raw, i) => evaluateOne(raw, i, safeFacts, today));
  const decision = results.length > 0 && results.every((r) => r.outcome === 'PASS') ? 'APPROVE' : 'REVIEW';
  return { decision, results, summary: summarize(results) };
}

/** An evaluation bound to the rule-set version it used: what an application stores, frozen. */
export interface RuleSetEvaluation extends RuleSetDecision {
  ruleSetId: string;
  ruleSetVersion: number;
  /** ISO instant of the evaluation (the submission). */
  evaluatedAt: string;
}

/**
 * Evaluate a stored rule-set version and record which one it was. Store the result with the
 * application: later versions never change it, and `ruleSetById(ruleSetId)` shows the exact rules.
 */
export function evaluateRuleSetVersion(
  ruleSet: { id: string; version: number; rules: readonly Rule[] },
  facts: RuleFacts,
  now: Date,
): RuleSetEvaluation {
  const valid = now instanceof Date && Number.isFinite(now.getTime());
  return {
    ruleSetId: ruleSet.id,
    ruleSetVersion: ruleSet.version,
    ...evaluateRuleSet(ruleSet.rules, facts, now),
    evaluatedAt: valid ? now.toISOString() : String(now),
  };
}

/**
 * Which facts a rule set needs, so the caller asks identity and licences for no more personal
 * data than the rules use (PIPL: minimum necessary).
 */
export function factsNeeded(rules: readonly Rule[]): {
  licenceTypes: string[];
  birthDate: boolean;
  regionCode: boolean;
  openApplications: boolean;
  formFields: string[];
} {
  const list = (Array.isArray(rules) ? rules : []).map(parseRule).filter((r): r is Rule => r !== null);
  const kinds = new Set(list.map((r) => r.kind));
  return {
    licenceTypes: [
      ...new Set(list.flatMap((r) => (r.kind === 'LICENCES_VALID' ? r.params.licenceTypes : []))),
    ],
    birthDate: kinds.has('MIN_AGE') || kinds.has('MAX_AGE'),
    regionCode: kinds.has('RESIDENT_OF'),
    openApplications: kinds.has('NO_OPEN_APPLICATION'),
    formFields: [...new Set(list.flatMap((r) => (r.kind === 'FORM_ANSWER' ? [r.params.field] : [])))],
  };
}
