import { z } from 'zod';
import { pick, type Locale, type Message } from '@bianmin/kit';
import { LICENCE_TYPE_CODES } from './licence-types.js';
import { parseRegionCode } from './region-code.js';

/** The kinds of rule an instant-approval (秒批) rule set may contain. */
export const RULE_KINDS = [
  'LICENCES_VALID',
  'MIN_AGE',
  'MAX_AGE',
  'RESIDENT_OF',
  'NO_OPEN_APPLICATION',
  'FORM_ANSWER',
] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** The most rules one set may hold: a set longer than this is a workflow, not a check. */
export const MAX_RULES = 20;

/**
 * Our own validation messages, by key. Schemas carry the key as their message and `issueMessage`
 * puts it into the reader's language; zod's built-in messages come localized from its zh-CN map.
 */
const MESSAGES = {
  'rule.id': {
    zh: '规则编号须以小写字母开头，只含小写字母、数字、- 或 _，最长 32 位',
    en: 'must start with a lower-case letter and contain only lower-case letters, digits, - or _ (at most 32)',
  },
  'rule.kind': {
    zh: `规则类型须为 ${RULE_KINDS.join('、')} 之一`,
    en: `must be one of ${RULE_KINDS.join(', ')}`,
  },
  'rule.duplicateId': {
    zh: '规则编号与同一规则集中的另一条规则重复',
    en: 'is used by another rule in this set',
  },
  'text.personalData': {
    zh: '不能包含身份证号、手机号等个人信息',
    en: 'must not contain personal data such as ID or phone numbers',
  },
  'licence.unknown': {
    zh: `不是已知的电子证照类型（可选：${LICENCE_TYPE_CODES.join('、')}）`,
    en: `is not a known licence type (one of ${LICENCE_TYPE_CODES.join(', ')})`,
  },
  'licence.duplicate': { zh: '证照类型重复', en: 'names the same licence type twice' },
  'region.invalid': {
    zh: '不是有效的区划代码（市、区 6 位，街道 11 位，社区 14 位）',
    en: 'is not a region code (city and district 6 digits, street 11, community 14)',
  },
  'region.duplicate': { zh: '区划代码重复', en: 'names the same region twice' },
  'formAnswer.field': {
    zh: '表单字段名须以字母开头，只含字母、数字和 _，最长 64 位',
    en: 'must start with a letter and contain only letters, digits and _ (at most 64)',
  },
  'formAnswer.oneOf': {
    zh: '须且只能指定 equals 或 in 其中之一',
    en: 'needs exactly one of equals or in',
  },
  'formAnswer.duplicate': { zh: '取值重复', en: 'lists the same value twice' },
  'age.contradiction': {
    zh: '最低年龄高于最高年龄，没有人能满足',
    en: 'is above the maximum age in the same set, so nobody could pass',
  },
} as const satisfies Record<string, Message>;
type MessageKey = keyof typeof MESSAGES;

/** Runs of 11+ digits are ID, phone or bank-card numbers: never part of a rule. */
function hasPersonalData(text: string): boolean {
  return /\d{11,}/.test(text.replace(/[\s-]/g, ''));
}

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !hasPersonalData(s), { error: 'text.personalData' satisfies MessageKey });

const label = z.strictObject({ zh: text(60), en: text(120) });

const distinct = <T>(values: readonly T[]) => new Set(values).size === values.length;

const scalar = z.union([text(100), z.number().finite(), z.boolean()]);
export type FormAnswerValue = z.infer<typeof scalar>;

const ruleId = z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, { error: 'rule.id' satisfies MessageKey });

const rule = <K extends RuleKind, P extends z.ZodType>(kind: K, params: P) =>
  z.strictObject({ id: ruleId, kind: z.literal(kind), params, label: label.optional() });

const years = z.strictObject({ years: z.number().int().min(0).max(150) });

/** One declarative rule: `{ id, kind, params, label? }`. */
export const ruleSpec = z.discriminatedUnion(
  'kind',
  [
    rule(
      'LICENCES_VALID',
      z.strictObject({
        licenceTypes: z
          .array(z.enum(LICENCE_TYPE_CODES, { error: 'licence.unknown' satisfies MessageKey }))
          .min(1)
          .max(10)
          .refine(distinct, { error: 'licence.duplicate' satisfies MessageKey }),
      }),
    ),
    rule('MIN_AGE', years),
    rule('MAX_AGE', years),
    rule(
      'RESIDENT_OF',
      z.strictObject({
        regionCodes: z
          .array(
            z
              .string()
              .refine((c) => parseRegionCode(c) !== null, { error: 'region.invalid' satisfies MessageKey }),
          )
          .min(1)
          .max(20)
          .refine(distinct, { error: 'region.duplicate' satisfies MessageKey }),
      }),
    ),
    rule('NO_OPEN_APPLICATION', z.strictObject({})),
    rule(
      'FORM_ANSWER',
      z
        .strictObject({
          field: z
            .string()
            .regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, { error: 'formAnswer.field' satisfies MessageKey }),
          /** How the form calls the field, for explanations; the field name otherwise. */
          fieldLabel: label.optional(),
          equals: scalar.optional(),
          in: z
            .array(scalar)
            .min(1)
            .max(50)
            .refine(distinct, { error: 'formAnswer.duplicate' satisfies MessageKey })
            .optional(),
        })
        .superRefine((p, ctx) => {
          if ((p.equals === undefined) === (p.in === undefined)) {
            ctx.addIssue({
              code: 'custom',
              path: ['equals'],
              message: 'formAnswer.oneOf' satisfies MessageKey,
            });
          }
        }),
    ),
  ],
  { error: 'rule.kind' satisfies MessageKey },
);
export type Rule = z.infer<typeof ruleSpec>;
export type RuleOf<K extends RuleKind> = Extract<Rule, { kind: K }>;

/** A rule set as an administrator publishes it: 1–20 rules with distinct ids. */
export const ruleSetSpec = z
  .strictObject({ rules: z.array(ruleSpec).min(1).max(MAX_RULES) })
  .superRefine((set, ctx) => {
    const seen = new Set<string>();
    set.rules.forEach((r, i) => {
      if (seen.has(r.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'id'],
          message: 'rule.duplicateId' satisfies MessageKey,
        });
      }
      seen.add(r.id);
    });
    // A set nobody can pass would send every application to review while looking like 秒批.
    const maxAge = Math.min(...set.rules.flatMap((r) => (r.kind === 'MAX_AGE' ? [r.params.years] : [])));
    set.rules.forEach((r, i) => {
      if (r.kind === 'MIN_AGE' && r.params.years > maxAge) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'params', 'years'],
          message: 'age.contradiction' satisfies MessageKey,
        });
      }
    });
  });
export type RuleSetSpec = z.infer<typeof ruleSetSpec>;

/** A validation problem: the dotted path of the offending field and a message in the caller's language. */
export interface SpecProblem {
  field: string;
  message: string;
}

/** zod's own messages in Chinese, made once. */
const zhErrors = z.locales.zhCN().localeError;

function issueMessage(issue: z.core.$ZodIssue, locale: Locale): string {
  const key = issue.message as MessageKey;
  if (Object.hasOwn(MESSAGES, key)) return pick(locale, MESSAGES[key]);
  return issue.message;
}

/**
 * Validate a rule set; on failure the first problem, naming its field as a dotted path
 * (`rules.2.params.years`) so a form can point at it.
 */
export function parseRuleSet(
  input: unknown,
  locale: Locale,
): { ok: true; ruleSet: RuleSetSpec } | { ok: false; problem: SpecProblem } {
  const parsed = ruleSetSpec.safeParse(input, locale === 'en' ? undefined : { error: zhErrors });
  if (parsed.success) return { ok: true, ruleSet: parsed.data };
  const issue = parsed.error.issues[0]!;
  return {
    ok: false,
    problem: { field: issue.path.map(String).join('.'), message: issueMessage(issue, locale) },
  };
}

/** Validate one rule (stored rules are re-checked before they are evaluated). */
export function parseRule(input: unknown): Rule | null {
  const parsed = ruleSpec.safeParse(input);
  return parsed.success ? parsed.data : null;
}
