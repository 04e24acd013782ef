import { describe, expect, it } from 'vitest';
import {
  countRules,
  moveRule,
  newRule,
  normalizeItemCode,
  ITEM_CODE,
  ruleFromJson,
  ruleInputOf,
  ruleLabel,
  rulesFromJson,
  rulesToJson,
  type EditableRule,
  type RuleDraft,
} from './rule-form';

/** The demo sets' rules (subgraphs/affairs/src/modules/rules/rule-set.seed-data.ts), one of each kind. */
const SERVER_RULES = [
  {
    id: 'id-card',
    kind: 'LICENCES_VALID',
    params: { licenceTypes: ['RESIDENT_ID_CARD', 'SOCIAL_SECURITY_CARD'] },
  },
  { id: 'age', kind: 'MIN_AGE', params: { years: 60 } },
  {
    id: 'max-age',
    kind: 'MAX_AGE',
    params: { years: 120 },
    label: { zh: '不超过 120 周岁', en: 'At most 120' },
  },
  {
    id: 'resident',
    kind: 'RESIDENT_OF',
    params: { regionCodes: ['339900', '33990201001'] },
    label: { zh: '云湖市户籍', en: 'Registered in Yunhu' },
  },
  { id: 'no-open', kind: 'NO_OPEN_APPLICATION', params: {} },
  {
    id: 'in-person',
    kind: 'FORM_ANSWER',
    params: {
      field: 'byAgent',
      fieldLabel: { zh: '委托他人代办', en: 'Applying through an agent' },
      equals: false,
    },
    label: { zh: '本人申请（非委托代办）', en: 'The applicant applies in person, not through an agent' },
  },
  { id: 'subject', kind: 'FORM_ANSWER', params: { field: 'certificateSubject', in: ['SELF', 'OTHER'] } },
  { id: 'children', kind: 'FORM_ANSWER', params: { field: 'children', in: [1, 2, 3.5] } },
];

const editable = (draft: RuleDraft): EditableRule => {
  if (!draft.editable) throw new Error(`rule ${draft.id} came back read-only`);
  return draft;
};

describe('rule form ⇄ rules JSON', () => {
  it('round-trips every kind exactly', () => {
    const drafts = rulesFromJson(JSON.stringify(SERVER_RULES))!;
    expect(drafts.every((d) => d.editable)).toBe(true);
    const back = rulesToJson(drafts);
    expect(back.ok && JSON.parse(back.json)).toEqual(SERVER_RULES);
  });

  it('reads each kind into its inputs', () => {
    const [licences, minAge, , resident, noOpen, inPerson, subject, children] = rulesFromJson(
      JSON.stringify(SERVER_RULES),
    )!.map(editable);
    expect(licences).toMatchObject({
      kind: 'LICENCES_VALID',
      licenceTypes: ['RESIDENT_ID_CARD', 'SOCIAL_SECURITY_CARD'],
    });
    expect(minAge).toMatchObject({ kind: 'MIN_AGE', years: 60, labelZh: '', labelEn: '' });
    expect(resident).toMatchObject({ regionCodes: ['339900', '33990201001'], labelZh: '云湖市户籍' });
    expect(noOpen).toMatchObject({ kind: 'NO_OPEN_APPLICATION' });
    expect(inPerson).toMatchObject({
      field: 'byAgent',
      fieldLabelZh: '委托他人代办',
      fieldLabelEn: 'Applying through an agent',
      match: 'equals',
      valueType: 'boolean',
      values: ['false'],
    });
    expect(subject).toMatchObject({ match: 'in', valueType: 'string', values: ['SELF', 'OTHER'] });
    expect(children).toMatchObject({ match: 'in', valueType: 'number', values: ['1', '2', '3.5'] });
  });

  it('writes what the administrator changed, trimmed, with typed values', () => {
    const rule: EditableRule = {
      ...newRule(),
      id: ' income ',
      kind: 'FORM_ANSWER',
      labelZh: ' 家庭人数 ',
      labelEn: 'Household size',
      field: 'members',
      match: 'in',
      valueType: 'number',
      values: ['1', ' 2 '],
    };
    const out = rulesToJson([rule]);
    expect(out.ok && JSON.parse(out.json)).toEqual([
      {
        id: 'income',
        kind: 'FORM_ANSWER',
        params: { field: 'members', in: [1, 2] },
        label: { zh: '家庭人数', en: 'Household size' },
      },
    ]);
  });

  it('keeps only the params of the chosen kind (switching kinds back and forth loses nothing in the form)', () => {
    const rule: EditableRule = { ...newRule(), kind: 'MIN_AGE', years: 18, licenceTypes: ['PASSPORT'] };
    expect(rulesToJson([rule])).toEqual({
      ok: true,
      json: JSON.stringify([{ id: rule.id, kind: 'MIN_AGE', params: { years: 18 } }]),
    });
    const licences = rulesToJson([{ ...rule, kind: 'LICENCES_VALID' }]);
    expect(licences.ok && JSON.parse(licences.json)[0].params).toEqual({ licenceTypes: ['PASSPORT'] });
  });

  it('sends only the first value for "equals" and booleans as booleans', () => {
    const rule: EditableRule = {
      ...newRule(),
      kind: 'FORM_ANSWER',
      field: 'byAgent',
      match: 'equals',
      valueType: 'boolean',
      values: ['true', 'false'],
    };
    const out = rulesToJson([rule]);
    expect(out.ok && JSON.parse(out.json)[0].params).toEqual({ field: 'byAgent', equals: true });
  });

  it('shows an unknown kind read-only and publishes it unchanged', () => {
    const future = {
      id: 'income',
      kind: 'MAX_INCOME',
      params: { yuan: 3000 },
      label: { zh: '低收入', en: 'Low income' },
    };
    const drafts = rulesFromJson(JSON.stringify([future, SERVER_RULES[1]]))!;
    expect(drafts[0]).toMatchObject({ editable: false, id: 'income', kind: 'MAX_INCOME' });
    expect(ruleLabel(drafts[0]!, 'en')).toBe('Low income');
    expect(drafts[1]!.editable).toBe(true);
    const back = rulesToJson(drafts);
    expect(back.ok && JSON.parse(back.json)).toEqual([future, SERVER_RULES[1]]);
  });

  it.each([
    ['params it does not know', { id: 'a', kind: 'MIN_AGE', params: { years: 60, inclusive: true } }],
    ['a list mixing value types', { id: 'b', kind: 'FORM_ANSWER', params: { field: 'x', in: ['1', 1] } }],
    ['both equals and in', { id: 'c', kind: 'FORM_ANSWER', params: { field: 'x', equals: 1, in: [2] } }],
    [
      'a label with only one language',
      { id: 'd', kind: 'NO_OPEN_APPLICATION', params: {}, label: { zh: '无' } },
    ],
    ['no params', { id: 'e', kind: 'MIN_AGE' }],
    ['not an object', 'MIN_AGE'],
  ])('keeps a rule with %s read-only rather than changing it', (_, raw) => {
    const draft = ruleFromJson(raw);
    expect(draft.editable).toBe(false);
    const back = rulesToJson([draft]);
    expect(back.ok && JSON.parse(back.json)).toEqual([raw]);
  });

  it('treats text that is not a list of rules as nothing to edit', () => {
    expect(rulesFromJson('not json')).toBeNull();
    expect(rulesFromJson('{"rules":[]}')).toBeNull();
    expect(rulesFromJson(null)).toBeNull();
    expect(countRules(JSON.stringify(SERVER_RULES))).toBe(8);
    expect(countRules('oops')).toBe(0);
  });
});

describe('what the form checks before sending', () => {
  it('names each missing input the way the server would', () => {
    const empty = (kind: EditableRule['kind']): EditableRule => ({ ...newRule(), kind });
    const out = rulesToJson([
      { ...empty('MIN_AGE'), id: ' ' },
      empty('LICENCES_VALID'),
      { ...empty('RESIDENT_OF'), regionCodes: [' '] },
      empty('FORM_ANSWER'),
      { ...empty('FORM_ANSWER'), field: 'n', match: 'in', valueType: 'number', values: ['1', 'two'] },
      empty('NO_OPEN_APPLICATION'),
    ]);
    expect(out).toEqual({
      ok: false,
      problems: [
        { field: 'rules.0.id', problem: 'required' },
        { field: 'rules.0.params.years', problem: 'required' },
        { field: 'rules.1.params.licenceTypes', problem: 'required' },
        { field: 'rules.2.params.regionCodes', problem: 'required' },
        { field: 'rules.3.params.field', problem: 'required' },
        { field: 'rules.3.params.equals', problem: 'required' },
        { field: 'rules.4.params.in.1', problem: 'value' },
      ],
    });
  });

  it('leaves ranges to the server: years 200 is sent as it is', () => {
    const out = rulesToJson([{ ...newRule(), years: 200 }]);
    expect(out.ok && JSON.parse(out.json)[0].params).toEqual({ years: 200 });
  });

  it('needs 1–20 rules', () => {
    expect(rulesToJson([])).toEqual({ ok: false, problems: [{ field: 'rules', problem: 'required' }] });
    const many = Array.from({ length: 21 }, () => ({ ...newRule(), years: 1 }));
    expect(rulesToJson(many)).toEqual({ ok: false, problems: [{ field: 'rules', problem: 'tooMany' }] });
  });
});

describe('server problems onto inputs', () => {
  it.each([
    ['rules.2.params.years', { index: 2, input: 'years' }],
    ['rules.0.id', { index: 0, input: 'id' }],
    ['rules.1.kind', { index: 1, input: 'kind' }],
    ['rules.3.label', { index: 3, input: 'labelZh' }],
    ['rules.3.label.zh', { index: 3, input: 'labelZh' }],
    ['rules.3.label.en', { index: 3, input: 'labelEn' }],
    ['rules.0.params.licenceTypes.1', { index: 0, input: 'licenceTypes' }],
    ['rules.0.params.regionCodes', { index: 0, input: 'regionCodes' }],
    ['rules.4.params.field', { index: 4, input: 'field' }],
    ['rules.4.params.fieldLabel.en', { index: 4, input: 'fieldLabelEn' }],
    ['rules.4.params.equals', { index: 4, input: 'values' }],
    ['rules.4.params.in.3', { index: 4, input: 'values' }],
    ['rules.5.params', { index: 5, input: 'rule' }],
    ['rules.5', { index: 5, input: 'rule' }],
    ['rules', { index: null, input: 'rules' }],
    ['note', { index: null, input: 'note' }],
    ['itemCode', { index: null, input: 'itemCode' }],
    ['expectedVersion', { index: null, input: 'expectedVersion' }],
    [null, { index: null, input: 'rules' }],
  ] as const)('%s → %o', (field, target) => {
    expect(ruleInputOf(field)).toEqual(target);
  });
});

describe('editing helpers', () => {
  it('moves a rule one place and stops at the ends', () => {
    expect(moveRule(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveRule(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveRule(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveRule(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('gives a new rule an id that is free and a key of its own', () => {
    const first = newRule();
    const second = { ...newRule([first]), id: 'rule-3' };
    const third = newRule([first, second]);
    expect(first.id).toBe('rule-1');
    expect(third.id).toBe('rule-4');
    expect(new Set([first.key, second.key, third.key]).size).toBe(3);
  });

  it('reads labels in the UI language, falling back to the other', () => {
    const rule: EditableRule = { ...newRule(), labelZh: '年满 16 周岁', labelEn: '' };
    expect(ruleLabel(rule, 'zh-CN')).toBe('年满 16 周岁');
    expect(ruleLabel(rule, 'en')).toBe('年满 16 周岁');
    expect(ruleLabel(newRule(), 'en')).toBeNull();
  });

  it('accepts item codes as typed', () => {
    expect(normalizeItemCode(' wl-005 ')).toBe('WL-005');
    expect(ITEM_CODE.test('WL-005')).toBe(true);
    expect(ITEM_CODE.test('WL005')).toBe(false);
  });
});
