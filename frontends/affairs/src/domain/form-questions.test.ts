import { describe, expect, it } from 'vitest';
import { createAffairsI18n } from '../i18n/i18n';
import { answerText, fieldLabel, formQuestionsFromRules } from './form-questions';

const rules = JSON.stringify([
  { id: 'id-card', kind: 'LICENCES_VALID', params: { licenceTypes: ['RESIDENT_ID_CARD'] } },
  {
    id: 'in-person',
    kind: 'FORM_ANSWER',
    params: {
      field: 'byAgent',
      fieldLabel: { zh: '委托他人代办', en: 'Applying through an agent' },
      equals: false,
    },
  },
  {
    id: 'for-self',
    kind: 'FORM_ANSWER',
    params: { field: 'certificateSubject', equals: 'SELF' },
  },
  {
    id: 'veteran',
    kind: 'FORM_ANSWER',
    params: { field: 'isVeteran', fieldLabel: { zh: '退役军人', en: 'Veteran' }, equals: true },
  },
  { id: 'plate', kind: 'FORM_ANSWER', params: { field: 'plateColour', in: ['BLUE', 'GREEN'] } },
  { id: 'again', kind: 'FORM_ANSWER', params: { field: 'byAgent', equals: false } },
  { id: 'bad', kind: 'FORM_ANSWER', params: { field: 'has.dot', equals: true } },
]);

describe('formQuestionsFromRules', () => {
  it('asks what FORM_ANSWER rules read, once per field, with known choices', () => {
    expect(formQuestionsFromRules(rules)).toEqual([
      {
        field: 'byAgent',
        kind: 'boolean',
        ruleLabel: { zh: '委托他人代办', en: 'Applying through an agent' },
      },
      {
        field: 'certificateSubject',
        kind: 'choice',
        options: ['SELF', 'DECEASED_RELATIVE'],
        ruleLabel: null,
      },
      { field: 'isVeteran', kind: 'boolean', ruleLabel: { zh: '退役军人', en: 'Veteran' } },
      { field: 'plateColour', kind: 'text', ruleLabel: null },
    ]);
  });

  it('asks nothing when there are no rules or they cannot be read', () => {
    expect(formQuestionsFromRules(null)).toEqual([]);
    expect(formQuestionsFromRules('not json')).toEqual([]);
    expect(formQuestionsFromRules('{"kind":"FORM_ANSWER"}')).toEqual([]);
  });
});

describe('labels and answers', () => {
  const zh = createAffairsI18n('zh-CN').t;
  const en = createAffairsI18n('en').t;

  it('labels known fields ourselves and others from the rule', () => {
    expect(fieldLabel('byAgent', null, 'zh-CN', zh)).toBe('是否委托他人代办');
    expect(fieldLabel('isVeteran', { zh: '退役军人', en: 'Veteran' }, 'en', en)).toBe('Veteran');
    expect(fieldLabel('plateColour', null, 'zh-CN', zh)).toBe('plateColour');
  });

  it('reads answers back in words', () => {
    expect(answerText('byAgent', 'false', zh)).toBe('否');
    expect(answerText('certificateSubject', 'SELF', zh)).toBe('本人');
    expect(answerText('certificateSubject', 'DECEASED_RELATIVE', en)).toBe('A deceased relative');
    expect(answerText('plateColour', 'BLUE', zh)).toBe('BLUE');
  });
});
