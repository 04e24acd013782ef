import { describe, expect, it } from 'vitest';
import { parseRule, parseRuleSet, type Rule } from './rule-spec.js';

const valid: Rule[] = [
  {
    id: 'licences',
    kind: 'LICENCES_VALID',
    params: { licenceTypes: ['RESIDENT_ID_CARD', 'SOCIAL_SECURITY_CARD'] },
  },
  { id: 'age', kind: 'MIN_AGE', params: { years: 60 } },
  { id: 'max-age', kind: 'MAX_AGE', params: { years: 100 } },
  { id: 'resident', kind: 'RESIDENT_OF', params: { regionCodes: ['339900', '33990201001'] } },
  { id: 'no_open', kind: 'NO_OPEN_APPLICATION', params: {} },
  {
    id: 'in-person',
    kind: 'FORM_ANSWER',
    params: { field: 'byAgent', fieldLabel: { zh: '委托他人代办', en: 'Through an agent' }, equals: false },
    label: { zh: '本人申请', en: 'In person' },
  },
  { id: 'subject', kind: 'FORM_ANSWER', params: { field: 'certificateSubject', in: ['SELF', 2, true] } },
];

/** `valid` with rule `index` replaced by `rule`. */
const withRule = (index: number, rule: unknown) => ({ rules: valid.map((r, i) => (i === index ? rule : r)) });

describe('rule set specification', () => {
  it('accepts every kind of rule and trims text', () => {
    const parsed = parseRuleSet(
      {
        rules: [
          ...valid,
          { id: 'x', kind: 'MIN_AGE', params: { years: 18 }, label: { zh: ' 成年 ', en: 'Adult ' } },
        ],
      },
      'zh-CN',
    );
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.ruleSet.rules.at(-1)!.label).toEqual({ zh: '成年', en: 'Adult' });
  });

  it.each([
    ['no rules', { rules: [] }, 'rules'],
    [
      'more than 20 rules',
      { rules: Array.from({ length: 21 }, (_, i) => ({ ...valid[4]!, id: `r${i}` })) },
      'rules',
    ],
    ['not an object', null, ''],
    ['an unknown key', { rules: valid, extra: 1 }, ''],
    ['a duplicate id', withRule(1, { ...valid[1]!, id: 'licences' }), 'rules.1.id'],
    ['a bad id', withRule(1, { ...valid[1]!, id: 'Age 60' }), 'rules.1.id'],
    ['an unknown kind', withRule(2, { id: 'x', kind: 'MAGIC', params: {} }), 'rules.2.kind'],
    ['a missing kind', withRule(2, { id: 'x', params: {} }), 'rules.2.kind'],
    ['negative years', withRule(1, { ...valid[1]!, params: { years: -1 } }), 'rules.1.params.years'],
    ['fractional years', withRule(1, { ...valid[1]!, params: { years: 60.5 } }), 'rules.1.params.years'],
    ['years as text', withRule(1, { ...valid[1]!, params: { years: '60' } }), 'rules.1.params.years'],
    ['absurd years', withRule(2, { ...valid[2]!, params: { years: 151 } }), 'rules.2.params.years'],
    [
      'a minimum age above the maximum',
      withRule(2, { ...valid[2]!, params: { years: 59 } }),
      'rules.1.params.years',
    ],
    ['missing params', withRule(1, { id: 'age', kind: 'MIN_AGE' }), 'rules.1.params'],
    ['an unknown param', withRule(4, { ...valid[4]!, params: { strict: true } }), 'rules.4.params'],
    [
      'an unknown licence type',
      withRule(0, { ...valid[0]!, params: { licenceTypes: ['RESIDENT_ID_CARD', 'GUN_LICENCE'] } }),
      'rules.0.params.licenceTypes.1',
    ],
    [
      'no licence types',
      withRule(0, { ...valid[0]!, params: { licenceTypes: [] } }),
      'rules.0.params.licenceTypes',
    ],
    [
      'a licence type twice',
      withRule(0, { ...valid[0]!, params: { licenceTypes: ['PASSPORT', 'PASSPORT'] } }),
      'rules.0.params.licenceTypes',
    ],
    [
      'a 4-digit region',
      withRule(3, { ...valid[3]!, params: { regionCodes: ['3399'] } }),
      'rules.3.params.regionCodes.0',
    ],
    [
      'a 12-digit region',
      withRule(3, { ...valid[3]!, params: { regionCodes: ['339900', '339902010010'] } }),
      'rules.3.params.regionCodes.1',
    ],
    [
      'a region twice',
      withRule(3, { ...valid[3]!, params: { regionCodes: ['339902', '339902'] } }),
      'rules.3.params.regionCodes',
    ],
    [
      'both equals and in',
      withRule(5, { ...valid[5]!, params: { field: 'a', equals: 1, in: [1] } }),
      'rules.5.params.equals',
    ],
    ['neither equals nor in', withRule(5, { ...valid[5]!, params: { field: 'a' } }), 'rules.5.params.equals'],
    [
      'a bad field name',
      withRule(5, { ...valid[5]!, params: { field: 'by agent', equals: false } }),
      'rules.5.params.field',
    ],
    ['an empty in list', withRule(6, { ...valid[6]!, params: { field: 'a', in: [] } }), 'rules.6.params.in'],
    [
      'an object as value',
      withRule(5, { ...valid[5]!, params: { field: 'a', equals: { x: 1 } } }),
      'rules.5.params.equals',
    ],
    [
      'an ID number as value',
      withRule(5, { ...valid[5]!, params: { field: 'a', equals: '33010219580302123X' } }),
      'rules.5.params.equals',
    ],
    [
      'a phone number in a label',
      withRule(4, { ...valid[4]!, label: { zh: '致电 138-1234-5678', en: 'Call' } }),
      'rules.4.label.zh',
    ],
    ['an empty label', withRule(4, { ...valid[4]!, label: { zh: ' ', en: 'x' } }), 'rules.4.label.zh'],
  ])('refuses %s, naming the field', (_what, input, field) => {
    const parsed = parseRuleSet(input, 'en');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem.field).toBe(field);
  });

  it('explains problems in Chinese or English', () => {
    const unknownKind = withRule(2, { id: 'x', kind: 'MAGIC', params: {} });
    expect(parseRuleSet(unknownKind, 'zh-CN')).toEqual({
      ok: false,
      problem: {
        field: 'rules.2.kind',
        message:
          '规则类型须为 LICENCES_VALID、MIN_AGE、MAX_AGE、RESIDENT_OF、NO_OPEN_APPLICATION、FORM_ANSWER 之一',
      },
    });
    expect(parseRuleSet(unknownKind, 'en')).toEqual({
      ok: false,
      problem: {
        field: 'rules.2.kind',
        message:
          'must be one of LICENCES_VALID, MIN_AGE, MAX_AGE, RESIDENT_OF, NO_OPEN_APPLICATION, FORM_ANSWER',
      },
    });
    const dup = withRule(1, { ...valid[1]!, id: 'licences' });
    expect(parseRuleSet(dup, 'zh-CN')).toMatchObject({
      problem: { message: '规则编号与同一规则集中的另一条规则重复' },
    });
    // zod's own messages come in the reader's language too.
    const years = withRule(1, { ...valid[1]!, params: { years: '60' } });
    expect(parseRuleSet(years, 'zh-CN')).toMatchObject({
      problem: { message: expect.stringContaining('期望') },
    });
    expect(parseRuleSet(years, 'en')).toMatchObject({
      problem: { message: expect.stringContaining('expected number') },
    });
  });

  it('checks one stored rule at a time', () => {
    expect(parseRule(valid[1])).toEqual(valid[1]);
    expect(parseRule({ id: 'age', kind: 'MIN_AGE', params: { years: 'sixty' } })).toBeNull();
    expect(parseRule(undefined)).toBeNull();
  });
});
