import { describe, expect, it } from 'vitest';
import {
  evaluateRuleSet,
  evaluateRuleSetVersion,
  factsNeeded,
  type RuleFacts,
  type RuleResult,
} from './evaluate.js';
import type { Rule } from './rule-spec.js';

/** 10:00 on 2 March 2026 in Beijing. */
const NOW = new Date('2026-03-02T02:00:00Z');

const facts = (over: Partial<RuleFacts> = {}): RuleFacts => ({
  applicant: { birthDate: '1958-03-02', regionCode: '33990201001001' },
  licences: [
    { typeCode: 'RESIDENT_ID_CARD', status: 'VALID', validUntil: '2036-05-01' },
    { typeCode: 'SOCIAL_SECURITY_CARD', status: 'VALID', validUntil: null },
  ],
  openApplicationsForItem: 0,
  formAnswers: { byAgent: false, certificateSubject: 'SELF' },
  ...over,
});
const applicant = (over: Partial<RuleFacts['applicant']>) => ({
  applicant: { birthDate: '1958-03-02', regionCode: '33990201001001', ...over },
});

/** The result of a one-rule set. */
const one = (rule: Rule, f: RuleFacts = facts(), now: Date = NOW): RuleResult =>
  evaluateRuleSet([rule], f, now).results[0]!;
const explained = (r: RuleResult) => ({ outcome: r.outcome, zh: r.explanation.zh, en: r.explanation.en });

const ID_CARD: Rule = { id: 'id', kind: 'LICENCES_VALID', params: { licenceTypes: ['RESIDENT_ID_CARD'] } };
const BOTH: Rule = {
  id: 'licences',
  kind: 'LICENCES_VALID',
  params: { licenceTypes: ['RESIDENT_ID_CARD', 'SOCIAL_SECURITY_CARD'] },
};
const SSC: Rule = { id: 'ssc', kind: 'LICENCES_VALID', params: { licenceTypes: ['SOCIAL_SECURITY_CARD'] } };

describe('LICENCES_VALID', () => {
  it('passes when every required type has a valid licence', () => {
    expect(explained(one(BOTH))).toEqual({
      outcome: 'PASS',
      zh: '持有有效的「居民身份证」「社会保障卡」电子证照',
      en: "Holds valid electronic licences: 'Resident ID card', 'Social security card'",
    });
    expect(explained(one(ID_CARD))).toMatchObject({
      outcome: 'PASS',
      en: "Holds a valid 'Resident ID card' electronic licence",
    });
  });

  it('counts the last day of validity as valid, and the day after as expired whatever the status says', () => {
    const until = (validUntil: string) =>
      facts({ licences: [{ typeCode: 'SOCIAL_SECURITY_CARD', status: 'VALID', validUntil }] });
    expect(one(SSC, until('2026-03-02')).outcome).toBe('PASS');
    expect(explained(one(SSC, until('2026-03-01')))).toEqual({
      outcome: 'FAIL',
      zh: '未持有有效的「社会保障卡」电子证照（已过期：2026-03-01）',
      en: "No valid 'Social security card' electronic licence (expired on 2026-03-01)",
    });
  });

  it('fails an expired licence, naming the date', () => {
    const f = facts({
      licences: [{ typeCode: 'SOCIAL_SECURITY_CARD', status: 'EXPIRED', validUntil: '2026-10-31' }],
    });
    expect(explained(one(SSC, f, new Date('2026-11-05T02:00:00Z')))).toEqual({
      outcome: 'FAIL',
      zh: '未持有有效的「社会保障卡」电子证照（已过期：2026-10-31）',
      en: "No valid 'Social security card' electronic licence (expired on 2026-10-31)",
    });
  });

  it('fails a revoked or suspended licence, and an empty list, each with its reason', () => {
    const revoked = facts({
      licences: [{ typeCode: 'SOCIAL_SECURITY_CARD', status: 'REVOKED', validUntil: null }],
    });
    expect(explained(one(SSC, revoked))).toEqual({
      outcome: 'FAIL',
      zh: '未持有有效的「社会保障卡」电子证照（已吊销）',
      en: "No valid 'Social security card' electronic licence (revoked)",
    });
    const suspended = facts({
      licences: [{ typeCode: 'SOCIAL_SECURITY_CARD', status: 'SUSPENDED', validUntil: '2030-01-01' }],
    });
    expect(explained(one(SSC, suspended))).toEqual({
      outcome: 'FAIL',
      zh: '未持有有效的「社会保障卡」电子证照（已暂停使用）',
      en: "No valid 'Social security card' electronic licence (suspended)",
    });
    // An empty list is an answer: the registry holds none. Not the same as not being able to ask.
    expect(explained(one(BOTH, facts({ licences: [] })))).toEqual({
      outcome: 'FAIL',
      zh: '未持有有效的「居民身份证」电子证照（未查到该证照）；未持有有效的「社会保障卡」电子证照（未查到该证照）',
      en: "No valid 'Resident ID card' electronic licence (none on record); No valid 'Social security card' electronic licence (none on record)",
    });
  });

  it('passes when any one licence of the type is valid, and otherwise tells the most actionable fact', () => {
    const mixed = facts({
      licences: [
        { typeCode: 'SOCIAL_SECURITY_CARD', status: 'REVOKED', validUntil: null },
        { typeCode: 'SOCIAL_SECURITY_CARD', status: 'VALID', validUntil: '2031-01-01' },
      ],
    });
    expect(one(SSC, mixed).outcome).toBe('PASS');
    const stale = facts({
      licences: [
        { typeCode: 'SOCIAL_SECURITY_CARD', status: 'REVOKED', validUntil: null },
        { typeCode: 'SOCIAL_SECURITY_CARD', status: 'EXPIRED', validUntil: '2020-05-01' },
        { typeCode: 'SOCIAL_SECURITY_CARD', status: 'EXPIRED', validUntil: '2025-12-31' },
      ],
    });
    expect(one(SSC, stale).explanation.zh).toBe('未持有有效的「社会保障卡」电子证照（已过期：2025-12-31）');
  });

  it('is UNKNOWN when the licence source could not be reached (null), never PASS', () => {
    expect(explained(one(BOTH, facts({ licences: null })))).toEqual({
      outcome: 'UNKNOWN',
      zh: '电子证照库暂时无法访问，未能核验「居民身份证」「社会保障卡」电子证照',
      en: "The electronic licence registry could not be reached, so 'Resident ID card', 'Social security card' could not be checked",
    });
  });

  it('is UNKNOWN when a licence that might be the valid one cannot be read', () => {
    const garbled = facts({
      licences: [{ typeCode: 'SOCIAL_SECURITY_CARD', status: 'VALID', validUntil: '31/10/2026' }],
    });
    expect(explained(one(SSC, garbled))).toEqual({
      outcome: 'UNKNOWN',
      zh: '「社会保障卡」电子证照的状态或有效期无法识别，未能核验',
      en: "The status or expiry of 'Social security card' could not be read, so it could not be checked",
    });
    const odd = facts({
      licences: [{ typeCode: 'SOCIAL_SECURITY_CARD', status: 'PENDING' as 'VALID', validUntil: null }],
    });
    expect(one(SSC, odd).outcome).toBe('UNKNOWN');
    // A definite failure of another type still makes the rule FAIL: it cannot pass either way.
    const partly = facts({
      licences: [{ typeCode: 'SOCIAL_SECURITY_CARD', status: 'VALID', validUntil: 'soon' }],
    });
    expect(explained(one(BOTH, partly))).toMatchObject({
      outcome: 'FAIL',
      zh: '未持有有效的「居民身份证」电子证照（未查到该证照）',
    });
  });
});

describe('MIN_AGE and MAX_AGE', () => {
  const MIN60: Rule = { id: 'age', kind: 'MIN_AGE', params: { years: 60 } };
  const MAX35: Rule = { id: 'young', kind: 'MAX_AGE', params: { years: 35 } };

  it('passes on the 60th birthday itself, with the birth date and the age', () => {
    expect(explained(one(MIN60))).toEqual({
      outcome: 'PASS',
      zh: '申请人年满 60 周岁（出生于 1958-03-02，提交时 68 周岁）',
      en: 'The applicant is aged 60 or over (born 1958-03-02, aged 68 at submission)',
    });
    expect(one(MIN60, facts(applicant({ birthDate: '1966-03-02' }))).outcome).toBe('PASS');
  });

  it('fails the day before the birthday, saying when the applicant will qualify', () => {
    expect(explained(one(MIN60, facts(applicant({ birthDate: '1966-03-03' }))))).toEqual({
      outcome: 'FAIL',
      zh: '申请人未满 60 周岁（出生于 1966-03-03，提交时 59 周岁，2026-03-03 年满 60 周岁）',
      en: 'The applicant is under 60 (born 1966-03-03, aged 59 at submission; turns 60 on 2026-03-03)',
    });
  });

  it('counts the birthday in Beijing time: 00:30 on the birthday in Beijing is still the previous day in UTC', () => {
    const justAfterMidnight = new Date('2026-03-01T16:30:00Z');
    expect(one(MIN60, facts(applicant({ birthDate: '1966-03-02' })), justAfterMidnight).outcome).toBe('PASS');
    const justBefore = new Date('2026-03-01T15:59:00Z');
    expect(one(MIN60, facts(applicant({ birthDate: '1966-03-02' })), justBefore).outcome).toBe('FAIL');
  });

  it('makes a 29 February birthday count on 1 March in common years', () => {
    const leap = facts(applicant({ birthDate: '1964-02-29' }));
    const MIN62: Rule = { id: 'age', kind: 'MIN_AGE', params: { years: 62 } };
    expect(explained(one(MIN62, leap, new Date('2026-02-28T04:00:00Z')))).toEqual({
      outcome: 'FAIL',
      zh: '申请人未满 62 周岁（出生于 1964-02-29，提交时 61 周岁，2026-03-01 年满 62 周岁）',
      en: 'The applicant is under 62 (born 1964-02-29, aged 61 at submission; turns 62 on 2026-03-01)',
    });
    expect(one(MIN62, leap, new Date('2026-03-01T04:00:00Z')).outcome).toBe('PASS');
    // In a leap year the birthday is the day itself.
    const MIN60leap: Rule = { id: 'age', kind: 'MIN_AGE', params: { years: 60 } };
    expect(one(MIN60leap, leap, new Date('2024-02-29T04:00:00Z')).outcome).toBe('PASS');
    expect(one(MIN60leap, leap, new Date('2024-02-28T04:00:00Z')).outcome).toBe('FAIL');
  });

  it('MAX_AGE passes up to the day before the applicant turns one year older than the limit', () => {
    expect(explained(one(MAX35, facts(applicant({ birthDate: '1990-03-03' }))))).toEqual({
      outcome: 'PASS',
      zh: '申请人未超过 35 周岁（出生于 1990-03-03，提交时 35 周岁）',
      en: 'The applicant is aged 35 or under (born 1990-03-03, aged 35 at submission)',
    });
    expect(explained(one(MAX35, facts(applicant({ birthDate: '1990-03-02' }))))).toEqual({
      outcome: 'FAIL',
      zh: '申请人已超过 35 周岁（出生于 1990-03-02，提交时 36 周岁）',
      en: 'The applicant is over 35 (born 1990-03-02, aged 36 at submission)',
    });
  });

  it('is UNKNOWN without a birth date, with an unreadable one (not echoed) and with one in the future', () => {
    expect(explained(one(MIN60, facts(applicant({ birthDate: null }))))).toEqual({
      outcome: 'UNKNOWN',
      zh: '缺少申请人出生日期，未能核验是否年满 60 周岁',
      en: "The applicant's date of birth is not known, so 'aged 60 or over' could not be checked",
    });
    expect(explained(one(MAX35, facts(applicant({ birthDate: '330102195803021234' }))))).toEqual({
      outcome: 'UNKNOWN',
      zh: '申请人出生日期无法识别，未能核验是否未超过 35 周岁',
      en: "The applicant's date of birth could not be read, so 'aged 35 or under' could not be checked",
    });
    expect(explained(one(MIN60, facts(applicant({ birthDate: '2027-01-01' }))))).toEqual({
      outcome: 'UNKNOWN',
      zh: '申请人出生日期 2027-01-01 晚于提交日期 2026-03-02，未能核验是否年满 60 周岁',
      en: "The applicant's date of birth 2027-01-01 is after the submission date 2026-03-02, so 'aged 60 or over' could not be checked",
    });
  });
});

describe('RESIDENT_OF', () => {
  const CITY: Rule = { id: 'resident', kind: 'RESIDENT_OF', params: { regionCodes: ['339900'] } };
  const TWO: Rule = { id: 'resident', kind: 'RESIDENT_OF', params: { regionCodes: ['339902', '339903'] } };
  const STREET: Rule = { id: 'street', kind: 'RESIDENT_OF', params: { regionCodes: ['33990201001'] } };
  const names = { '339900': '云湖市', '339902': '西城区', '339903': '东港区', '33990201001001': '西溪社区' };

  it('passes a community of the city, naming the region that contains it', () => {
    expect(explained(one(CITY))).toEqual({
      outcome: 'PASS',
      zh: '申请人户籍所在地 33990201001001 位于 339900',
      en: 'The applicant is registered in 33990201001001, which lies in 339900',
    });
    expect(explained(one(TWO, facts({ regionNames: names })))).toEqual({
      outcome: 'PASS',
      zh: '申请人户籍所在地西溪社区（33990201001001）位于西城区（339902）',
      en: 'The applicant is registered in 西溪社区 (33990201001001), which lies in 西城区 (339902)',
    });
  });

  it('fails a community elsewhere, listing the regions', () => {
    expect(
      explained(one(TWO, facts({ ...applicant({ regionCode: '33990101001001' }), regionNames: names }))),
    ).toEqual({
      outcome: 'FAIL',
      zh: '申请人户籍所在地 33990101001001 不在西城区（339902）、东港区（339903）范围内',
      en: 'The applicant is registered in 33990101001001, outside 西城区 (339902), 东港区 (339903)',
    });
    expect(one(CITY, facts(applicant({ regionCode: '33010201001001' }))).outcome).toBe('FAIL');
  });

  it('does not match a code that shares leading digits at another level', () => {
    const district10: Rule = { id: 'd', kind: 'RESIDENT_OF', params: { regionCodes: ['339910'] } };
    expect(one(district10, facts(applicant({ regionCode: '33991101001001' }))).outcome).toBe('FAIL');
    const street10: Rule = { id: 's', kind: 'RESIDENT_OF', params: { regionCodes: ['33990101010'] } };
    expect(one(street10, facts(applicant({ regionCode: '33990101011001' }))).outcome).toBe('FAIL');
    expect(one(street10, facts(applicant({ regionCode: '33990101010003' }))).outcome).toBe('PASS');
  });

  it('is UNKNOWN when the applicant is only known down to a coarser level that overlaps', () => {
    expect(explained(one(STREET, facts(applicant({ regionCode: '339902' }))))).toEqual({
      outcome: 'UNKNOWN',
      zh: '申请人户籍登记只精确到 339902，无法确定是否位于 33990201001',
      en: "The applicant's registration is only known down to 339902, so whether it lies in 33990201001 could not be checked",
    });
    expect(one(STREET, facts(applicant({ regionCode: '339903' }))).outcome).toBe('FAIL');
  });

  it('decides on an 11-digit code shaped like a mobile number but does not show it', () => {
    // 13912345678 is a well-formed street code (province 13) and just as well a phone number.
    const phoneShaped = facts(applicant({ regionCode: '13912345678' }));
    expect(explained(one(CITY, phoneShaped))).toEqual({
      outcome: 'FAIL',
      zh: '申请人户籍所在地不在 339900 范围内',
      en: "The applicant's registered residence is outside 339900",
    });
    const hebei: Rule = { id: 'hebei', kind: 'RESIDENT_OF', params: { regionCodes: ['139123'] } };
    expect(explained(one(hebei, phoneShaped))).toEqual({
      outcome: 'PASS',
      zh: '申请人户籍所在地位于 139123',
      en: "The applicant's registered residence lies in 139123",
    });
  });

  it('is UNKNOWN without a region, and does not echo an unreadable one', () => {
    expect(explained(one(CITY, facts({ ...applicant({ regionCode: null }), regionNames: names })))).toEqual({
      outcome: 'UNKNOWN',
      zh: '缺少申请人户籍所在地，未能核验是否为云湖市（339900）户籍',
      en: "The applicant's registered residence is not known, so residence in 云湖市 (339900) could not be checked",
    });
    expect(explained(one(CITY, facts(applicant({ regionCode: '浙江省云湖市西城区文三路 88 号' }))))).toEqual({
      outcome: 'UNKNOWN',
      zh: '申请人户籍所在地代码无法识别，未能核验是否为 339900 户籍',
      en: "The applicant's registered residence code could not be read, so residence in 339900 could not be checked",
    });
  });
});

describe('NO_OPEN_APPLICATION', () => {
  const RULE: Rule = { id: 'no-open', kind: 'NO_OPEN_APPLICATION', params: {} };

  it('passes with none, fails with some, is UNKNOWN when not known', () => {
    expect(explained(one(RULE))).toEqual({
      outcome: 'PASS',
      zh: '申请人没有同一事项的其他在办申请',
      en: 'The applicant has no other open application for this item',
    });
    expect(explained(one(RULE, facts({ openApplicationsForItem: 1 })))).toEqual({
      outcome: 'FAIL',
      zh: '申请人已有 1 件同一事项的申请正在办理',
      en: 'The applicant already has 1 open application for this item',
    });
    expect(one(RULE, facts({ openApplicationsForItem: 2 })).explanation.en).toBe(
      'The applicant already has 2 open applications for this item',
    );
    for (const n of [null, -1, 1.5, Number.NaN]) {
      expect(explained(one(RULE, facts({ openApplicationsForItem: n })))).toEqual({
        outcome: 'UNKNOWN',
        zh: '未能查询申请人同一事项的在办申请',
        en: "The applicant's other open applications for this item could not be looked up",
      });
    }
  });
});

describe('FORM_ANSWER', () => {
  const AGENT: Rule = {
    id: 'in-person',
    kind: 'FORM_ANSWER',
    params: {
      field: 'byAgent',
      fieldLabel: { zh: '委托他人代办', en: 'Applying through an agent' },
      equals: false,
    },
  };
  const SUBJECT: Rule = {
    id: 'subject',
    kind: 'FORM_ANSWER',
    params: { field: 'certificateSubject', in: ['SELF', 'CHILD'] },
  };
  const PEOPLE: Rule = { id: 'people', kind: 'FORM_ANSWER', params: { field: 'householdSize', in: [1, 2] } };

  it('passes a declared answer equal to the expected value', () => {
    expect(explained(one(AGENT))).toEqual({
      outcome: 'PASS',
      zh: '申请表「委托他人代办」填写为“否”，符合要求',
      en: "The form answer 'Applying through an agent' is “no”, as required",
    });
    expect(explained(one(SUBJECT, facts({ formAnswers: { certificateSubject: ' CHILD ' } })))).toEqual({
      outcome: 'PASS',
      zh: '申请表「certificateSubject」填写为“CHILD”，符合要求',
      en: "The form answer 'certificateSubject' is “CHILD”, as required",
    });
  });

  it('fails another answer, echoing it only when it cannot be personal data', () => {
    expect(explained(one(AGENT, facts({ formAnswers: { byAgent: true } })))).toEqual({
      outcome: 'FAIL',
      zh: '申请表「委托他人代办」填写为“是”，不符合要求（应为“否”）',
      en: "The form answer 'Applying through an agent' is “yes”; it must be “no”",
    });
    expect(explained(one(PEOPLE, facts({ formAnswers: { householdSize: 3 } })))).toEqual({
      outcome: 'FAIL',
      zh: '申请表「householdSize」填写为“3”，不符合要求（应为“1”或“2”）',
      en: "The form answer 'householdSize' is “3”; it must be “1” or “2”",
    });
    expect(explained(one(SUBJECT, facts({ formAnswers: { certificateSubject: '13812345678' } })))).toEqual({
      outcome: 'FAIL',
      zh: '申请表「certificateSubject」的填写不符合要求（应为“SELF”或“CHILD”）',
      en: "The form answer 'certificateSubject' is not an accepted value; it must be “SELF” or “CHILD”",
    });
  });

  it('compares types strictly: the text "false" is not the answer false', () => {
    expect(one(AGENT, facts({ formAnswers: { byAgent: 'false' } })).outcome).toBe('FAIL');
    expect(one(PEOPLE, facts({ formAnswers: { householdSize: '1' } })).outcome).toBe('FAIL');
  });

  it('is UNKNOWN for a missing, blank or unreadable answer', () => {
    for (const formAnswers of [{}, { byAgent: null }, { byAgent: '  ' }]) {
      expect(explained(one(AGENT, facts({ formAnswers })))).toEqual({
        outcome: 'UNKNOWN',
        zh: '申请表未填写「委托他人代办」，未能核验',
        en: "The form does not answer 'Applying through an agent', so it could not be checked",
      });
    }
    expect(explained(one(AGENT, facts({ formAnswers: { byAgent: [false] } })))).toEqual({
      outcome: 'UNKNOWN',
      zh: '申请表「委托他人代办」的填写无法识别，未能核验',
      en: "The form answer 'Applying through an agent' could not be read, so it could not be checked",
    });
    // An inherited property is not an answer.
    expect(one({ ...AGENT, params: { field: 'constructor', equals: 'x' } }, facts()).outcome).toBe('UNKNOWN');
  });
});

describe('the decision', () => {
  const MZ011: Rule[] = [
    { id: 'id-card', kind: 'LICENCES_VALID', params: { licenceTypes: ['RESIDENT_ID_CARD'] } },
    { id: 'age', kind: 'MIN_AGE', params: { years: 60 } },
    {
      id: 'resident',
      kind: 'RESIDENT_OF',
      params: { regionCodes: ['339900'] },
      label: { zh: '云湖市户籍', en: 'Registered in Yunhu' },
    },
    { id: 'no-open', kind: 'NO_OPEN_APPLICATION', params: {} },
  ];

  it('approves only when every rule passes, and says so', () => {
    const d = evaluateRuleSet(MZ011, facts(), NOW);
    expect(d.decision).toBe('APPROVE');
    expect(d.results.map((r) => [r.ruleId, r.kind, r.outcome])).toEqual([
      ['id-card', 'LICENCES_VALID', 'PASS'],
      ['age', 'MIN_AGE', 'PASS'],
      ['resident', 'RESIDENT_OF', 'PASS'],
      ['no-open', 'NO_OPEN_APPLICATION', 'PASS'],
    ]);
    expect(d.summary).toEqual({
      zh: '全部 4 项规则均已满足，系统自动批准',
      en: 'All 4 rules are met: approved automatically',
    });
    expect(d.results[2]!.label).toEqual({ zh: '云湖市户籍', en: 'Registered in Yunhu' });
    expect(d.results[1]!.label).toEqual({ zh: '年满 60 周岁', en: 'Aged 60 or over' });
  });

  it('sends to review when one rule fails, naming it', () => {
    const d = evaluateRuleSet(MZ011, facts(applicant({ birthDate: '1970-05-01' })), NOW);
    expect(d.decision).toBe('REVIEW');
    expect(d.results.filter((r) => r.outcome !== 'PASS').map((r) => r.ruleId)).toEqual(['age']);
    expect(d.summary).toEqual({
      zh: '1 项规则未满足（年满 60 周岁），转人工审核',
      en: 'Sent to staff for review: 1 not met (Aged 60 or over)',
    });
  });

  it('sends to review when a rule cannot be evaluated, even if all others pass', () => {
    const d = evaluateRuleSet(MZ011, facts({ licences: null, openApplicationsForItem: 3 }), NOW);
    expect(d.decision).toBe('REVIEW');
    expect(d.summary).toEqual({
      zh: '1 项规则未满足（没有同一事项的在办申请），1 项规则无法核验（持有有效的「居民身份证」电子证照），转人工审核',
      en: "Sent to staff for review: 1 not met (No other open application for this item); 1 could not be checked (Valid electronic licence: 'Resident ID card')",
    });
  });

  it('never approves an empty rule set', () => {
    expect(evaluateRuleSet([], facts(), NOW)).toEqual({
      decision: 'REVIEW',
      results: [],
      summary: {
        zh: '该事项未配置秒批规则，转人工审核',
        en: 'This item has no instant-approval rules, so it goes to staff for review',
      },
    });
    expect(evaluateRuleSet(null as unknown as Rule[], facts(), NOW).decision).toBe('REVIEW');
  });

  it('treats a stored rule that no longer validates as UNKNOWN instead of trusting it', () => {
    const stale = [
      MZ011[0]!,
      { id: 'age', kind: 'MIN_AGE', params: { yrs: 60 } },
      { kind: 'TELEPATHY' },
    ] as unknown as Rule[];
    const d = evaluateRuleSet(stale, facts(), NOW);
    expect(d.decision).toBe('REVIEW');
    expect(d.results.map((r) => [r.ruleId, r.kind, r.outcome])).toEqual([
      ['id-card', 'LICENCES_VALID', 'PASS'],
      ['age', 'MIN_AGE', 'UNKNOWN'],
      ['#3', 'INVALID', 'UNKNOWN'],
    ]);
    expect(d.results[1]!.explanation.zh).toBe('规则定义无效，无法评估');
  });

  it('never throws on malformed facts or an invalid clock: it does not know, so a person decides', () => {
    const broken = {
      applicant: null,
      licences: 'down',
      openApplicationsForItem: '0',
      formAnswers: null,
    } as unknown as RuleFacts;
    const d = evaluateRuleSet(MZ011, broken, NOW);
    expect(d.decision).toBe('REVIEW');
    expect(d.results.every((r) => r.outcome === 'UNKNOWN')).toBe(true);
    expect(evaluateRuleSet(MZ011, undefined as unknown as RuleFacts, NOW).decision).toBe('REVIEW');
    const noClock = evaluateRuleSet(MZ011, facts(), new Date(Number.NaN));
    expect(noClock.decision).toBe('REVIEW');
    expect(noClock.results[1]).toMatchObject({
      outcome: 'UNKNOWN',
      explanation: { zh: '提交时间无效，无法按日期核验' },
    });
  });

  it('binds an evaluation to the rule-set version it used', () => {
    const e = evaluateRuleSetVersion({ id: 'rs-1', version: 3, rules: MZ011 }, facts(), NOW);
    expect(e).toMatchObject({
      ruleSetId: 'rs-1',
      ruleSetVersion: 3,
      decision: 'APPROVE',
      evaluatedAt: '2026-03-02T02:00:00.000Z',
    });
    expect(e.results).toHaveLength(4);
  });

  it('tells the caller which facts to gather, and no more', () => {
    expect(factsNeeded(MZ011)).toEqual({
      licenceTypes: ['RESIDENT_ID_CARD'],
      birthDate: true,
      regionCode: true,
      openApplications: true,
      formFields: [],
    });
    expect(
      factsNeeded([{ id: 'f', kind: 'FORM_ANSWER', params: { field: 'byAgent', equals: false } }]),
    ).toEqual({
      licenceTypes: [],
      birthDate: false,
      regionCode: false,
      openApplications: false,
      formFields: ['byAgent'],
    });
  });
});
