import type { Rule } from './rule-spec.js';

/** 云湖市, the demo city (subgraphs/catalog/src/db/seeds/data/geography.json). */
const CITY = '339900';

const BY_AGENT = { zh: '委托他人代办', en: 'Applying through an agent' };

/** Applying in person, not through an agent: an agent's authorization needs a person to look at it. */
const inPerson: Rule = {
  id: 'in-person',
  kind: 'FORM_ANSWER',
  params: { field: 'byAgent', fieldLabel: BY_AGENT, equals: false },
  label: { zh: '本人申请（非委托代办）', en: 'The applicant applies in person, not through an agent' },
};

const idCard: Rule = {
  id: 'id-card',
  kind: 'LICENCES_VALID',
  params: { licenceTypes: ['RESIDENT_ID_CARD'] },
};

const noOpen: Rule = { id: 'no-open', kind: 'NO_OPEN_APPLICATION', params: {} };

/**
 * Demo instant-approval rules for items of the demo catalog that the catalog marks as 秒批 and
 * whose conditions can be checked from data. Items that need judgement (MZ-012 居家养老服务补贴
 * needs an ability assessment) have no rules and always go to staff.
 *
 * Form fields the rules read (the application form must offer them):
 *   byAgent: boolean                         — 委托他人代办
 *   certificateSubject: 'SELF' | 'DECEASED_RELATIVE' — 户籍证明的证明对象
 */
export const DEMO_RULE_SETS: ReadonlyArray<{ itemCode: string; note: string; rules: Rule[] }> = [
  {
    itemCode: 'MZ-011',
    note: '老年人优待证秒批：本市户籍、年满六十周岁、身份证有效即核发；非本市户籍老年人转人工审核',
    rules: [
      idCard,
      { id: 'age', kind: 'MIN_AGE', params: { years: 60 } },
      {
        id: 'resident',
        kind: 'RESIDENT_OF',
        params: { regionCodes: [CITY] },
        label: { zh: '云湖市户籍', en: 'Registered in Yunhu' },
      },
      noOpen,
    ],
  },
  {
    itemCode: 'MZ-010',
    note: '高龄津贴秒批：本市户籍、年满八十周岁，身份证与社会保障卡有效（津贴发放到社保卡）',
    rules: [
      {
        id: 'licences',
        kind: 'LICENCES_VALID',
        params: { licenceTypes: ['RESIDENT_ID_CARD', 'SOCIAL_SECURITY_CARD'] },
      },
      { id: 'age', kind: 'MIN_AGE', params: { years: 80 } },
      {
        id: 'resident',
        kind: 'RESIDENT_OF',
        params: { regionCodes: [CITY] },
        label: { zh: '云湖市户籍', en: 'Registered in Yunhu' },
      },
      noOpen,
    ],
  },
  {
    itemCode: 'GA-008',
    note: '户籍证明秒批：本市户籍居民为本人开具；为已故亲属开具的须核对亲属关系，转人工',
    rules: [
      idCard,
      {
        id: 'resident',
        kind: 'RESIDENT_OF',
        params: { regionCodes: [CITY] },
        label: { zh: '云湖市户籍', en: 'Registered in Yunhu' },
      },
      {
        id: 'for-self',
        kind: 'FORM_ANSWER',
        params: {
          field: 'certificateSubject',
          fieldLabel: { zh: '证明对象', en: 'Whom the certificate is for' },
          equals: 'SELF',
        },
        label: { zh: '为本人开具', en: 'For the applicant themself' },
      },
    ],
  },
  {
    itemCode: 'RS-011',
    note: '参保证明查询打印秒批：本人申请、身份证有效即出具；委托代办的须核验委托书，转人工',
    rules: [idCard, inPerson],
  },
  {
    itemCode: 'GJJ-009',
    note: '公积金缴存证明秒批：本人申请、身份证有效即出具',
    rules: [idCard, inPerson],
  },
  {
    itemCode: 'SW-002',
    note: '个人所得税纳税记录秒批：本人申请、身份证有效即开具',
    rules: [idCard, inPerson],
  },
  {
    itemCode: 'WL-005',
    note: '图书馆读者证秒批：年满十六周岁、身份证有效即办理；少儿读者证由监护人代办，转人工',
    rules: [idCard, { id: 'age', kind: 'MIN_AGE', params: { years: 16 } }, noOpen],
  },
];
