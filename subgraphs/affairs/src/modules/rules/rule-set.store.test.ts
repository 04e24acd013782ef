import { describe, expect, it } from 'vitest';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { drivers, useAffairsOrm } from '../../../test/db.js';
import { evaluateRuleSet, evaluateRuleSetVersion, type RuleFacts } from './evaluate.js';
import { RuleSet } from './rule-set.entity.js';
import { DEMO_RULE_SETS } from './rule-set.seed-data.js';
import {
  currentRuleSet,
  publishRuleSet,
  ruleSetById,
  ruleSetVersions,
  seedRuleSets,
} from './rule-set.store.js';
import type { Rule } from './rule-spec.js';

const ADMIN = { accountId: 'acc-admin', now: new Date('2026-03-01T01:00:00Z') };
const NOW = new Date('2026-03-02T02:00:00Z');

const V1: Rule[] = [
  { id: 'id-card', kind: 'LICENCES_VALID', params: { licenceTypes: ['RESIDENT_ID_CARD'] } },
  { id: 'age', kind: 'MIN_AGE', params: { years: 60 } },
  { id: 'resident', kind: 'RESIDENT_OF', params: { regionCodes: ['339900'] } },
];
/** The same set after an administrator raised the age to 65. */
const V2: Rule[] = [V1[0]!, { id: 'age', kind: 'MIN_AGE', params: { years: 65 } }, V1[2]!];

/** A 62-year-old of the city with a valid ID card: approved under v1, not under v2. */
const FACTS: RuleFacts = {
  applicant: { birthDate: '1963-07-15', regionCode: '33990201001001' },
  licences: [{ typeCode: 'RESIDENT_ID_CARD', status: 'VALID', validUntil: null }],
  openApplicationsForItem: 0,
  formAnswers: {},
};

describe.each(drivers)('rule sets on %s', (driver) => {
  const fx = useAffairsOrm(driver);
  const em = () => fx.orm.em.fork();
  const rows = (itemCode?: string) => em().count(RuleSet, itemCode ? { itemCode } : {});

  it('has no rules for an item until some are published', async () => {
    expect(await currentRuleSet(em(), 'MZ-011')).toBeNull();
    expect(await ruleSetById(em(), '00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('publishes version 1, then version 2; the old version is untouched and old explanations still match it', async () => {
    const first = await publishRuleSet(
      em(),
      { itemCode: 'MZ-011', rules: V1, note: ' 首次发布 ', expectedVersion: 0 },
      ADMIN,
      'zh-CN',
    );
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.ruleSet).toMatchObject({
      itemCode: 'MZ-011',
      version: 1,
      rules: V1,
      note: '首次发布',
      createdBy: 'acc-admin',
    });
    expect(first.ruleSet.createdAt.toISOString()).toBe('2026-03-01T01:00:00.000Z');

    // An application submitted under v1 stores its evaluation…
    const stored = evaluateRuleSetVersion(first.ruleSet, FACTS, NOW);
    expect(stored).toMatchObject({ ruleSetVersion: 1, decision: 'APPROVE' });

    const second = await publishRuleSet(
      em(),
      { itemCode: 'MZ-011', rules: V2, note: '年龄条件调整为 65 周岁', expectedVersion: 1 },
      { accountId: 'acc-admin-2' },
      'zh-CN',
    );
    expect(second.ok).toBe(true);
    if (!second.ok) return;
    expect(second.ruleSet).toMatchObject({ version: 2, rules: V2, createdBy: 'acc-admin-2' });
    expect((await currentRuleSet(em(), 'MZ-011'))!.id).toBe(second.ruleSet.id);

    // …and v1 is still exactly what approved it: same rules, same explanation from the same facts.
    const v1 = (await ruleSetById(em(), stored.ruleSetId))!;
    expect(v1).toMatchObject({
      id: first.ruleSet.id,
      version: 1,
      rules: V1,
      note: '首次发布',
      createdBy: 'acc-admin',
    });
    expect(evaluateRuleSet(v1.rules, FACTS, NOW)).toEqual({
      decision: stored.decision,
      results: stored.results,
      summary: stored.summary,
    });
    // The new version decides differently for new submissions, not for the stored one.
    expect(evaluateRuleSet(second.ruleSet.rules, FACTS, NOW).decision).toBe('REVIEW');
    expect(await rows('MZ-011')).toBe(2);
  });

  it('lists versions newest first, a bounded page at a time', async () => {
    const page = await ruleSetVersions(em(), 'MZ-011', { limit: 1 });
    expect(page.totalCount).toBe(2);
    expect(page.ruleSets.map((r) => r.version)).toEqual([2]);
    const next = await ruleSetVersions(em(), 'MZ-011', { limit: 1000, offset: 1 });
    expect(next.ruleSets.map((r) => r.version)).toEqual([1]);
  });

  it('refuses a stale expectedVersion with CONFLICT and writes nothing', async () => {
    const before = await rows();
    for (const expectedVersion of [0, 1, 3]) {
      const r = await publishRuleSet(
        em(),
        { itemCode: 'MZ-011', rules: V1, note: '回退', expectedVersion },
        ADMIN,
        'zh-CN',
      );
      expect(r).toEqual({
        ok: false,
        error: {
          code: 'CONFLICT',
          field: 'expectedVersion',
          message: '事项 MZ-011 的秒批规则已被他人更新（当前为第 2 版），请刷新后重试',
        },
      });
    }
    const en = await publishRuleSet(
      em(),
      { itemCode: 'MZ-011', rules: V1, note: 'x', expectedVersion: 1 },
      ADMIN,
      'en',
    );
    expect(en).toMatchObject({
      error: {
        message: 'Someone else published rules for MZ-011 first (now version 2). Reload them and try again.',
      },
    });
    expect(await rows()).toBe(before);
  });

  it('refuses to publish rules identical to the current version', async () => {
    // Key order differs from the stored JSON (PostgreSQL's jsonb reorders keys): still the same rules.
    const reordered = V2.map((r) => ({ params: r.params, kind: r.kind, id: r.id }));
    const r = await publishRuleSet(
      em(),
      { itemCode: 'MZ-011', rules: reordered, note: '再次发布', expectedVersion: 2 },
      ADMIN,
      'en',
    );
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'BAD_USER_INPUT',
        field: 'rules',
        message: 'The rules are the same as the current version 2: there is nothing to publish.',
      },
    });
    expect(await rows('MZ-011')).toBe(2);
  });

  it.each([
    ['negative years', { rules: [V1[0], { ...V1[1], params: { years: -1 } }] }, 'rules.1.params.years'],
    [
      'years out of range in the third rule',
      { rules: [V1[0], V1[1], { id: 'x', kind: 'MAX_AGE', params: { years: 200 } }] },
      'rules.2.params.years',
    ],
    ['an empty rule set', { rules: [] }, 'rules'],
    ['no rules at all', { rules: undefined }, 'rules'],
    ['duplicate ids', { rules: [V1[0], { ...V1[1], id: 'id-card' }] }, 'rules.1.id'],
    ['an unknown kind', { rules: [{ id: 'x', kind: 'ASK_ORACLE', params: {} }] }, 'rules.0.kind'],
    [
      'an unknown licence',
      { rules: [{ ...V1[0], params: { licenceTypes: ['NOPE'] } }] },
      'rules.0.params.licenceTypes.0',
    ],
    [
      'a bad region',
      { rules: [{ ...V1[2], params: { regionCodes: ['3399'] } }] },
      'rules.0.params.regionCodes.0',
    ],
    ['a bad item code', { itemCode: 'mz 11' }, 'itemCode'],
    ['a blank note', { note: '   ' }, 'note'],
    ['a negative expectedVersion', { expectedVersion: -1 }, 'expectedVersion'],
    ['a fractional expectedVersion', { expectedVersion: 0.5 }, 'expectedVersion'],
  ])('refuses %s with BAD_USER_INPUT naming %s, and writes nothing', async (_what, over, field) => {
    const before = await rows();
    const r = await publishRuleSet(
      em(),
      { itemCode: 'MZ-010', rules: V1, note: '首次发布', expectedVersion: 0, ...(over as object) },
      ADMIN,
      'zh-CN',
    );
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({ code: 'BAD_USER_INPUT', field });
    // The message is for people: which rule in words, never the raw path (that is in `field`).
    expect(r.error!.message).not.toContain(field);
    if (field.startsWith('rules.')) expect(r.error!.message).toMatch(/^第 \d+ 条规则：/);
    expect(await rows()).toBe(before);
  });

  it('lets exactly one of several concurrent publishers with the same expectedVersion win', async () => {
    const attempts = await Promise.all(
      [60, 61, 62, 63, 64].map((years) =>
        publishRuleSet(
          em(),
          {
            itemCode: 'GA-008',
            rules: [{ id: 'age', kind: 'MIN_AGE', params: { years } }],
            note: `并发 ${years}`,
            expectedVersion: 0,
          },
          ADMIN,
          'zh-CN',
        ),
      ),
    );
    const winners = attempts.filter((a) => a.ok);
    expect(winners).toHaveLength(1);
    for (const loser of attempts.filter((a) => !a.ok)) {
      expect(loser.error).toMatchObject({ code: 'CONFLICT', field: 'expectedVersion' });
    }
    expect(await rows('GA-008')).toBe(1);
    const current = (await currentRuleSet(em(), 'GA-008'))!;
    expect(current.version).toBe(1);
    expect(winners[0]!.ok && winners[0]!.ruleSet.id).toBe(current.id);
  });

  it('lets the unique (itemCode, version) index refuse a second version n however it is written', async () => {
    const row = {
      id: '11111111-1111-4111-8111-111111111111',
      itemCode: 'GA-008',
      version: 1,
      rules: V1,
      note: '绕过存储层',
      createdBy: 'test',
      createdAt: NOW,
    };
    await expect(em().insert(RuleSet, row)).rejects.toBeInstanceOf(UniqueConstraintViolationException);
    expect(await rows('GA-008')).toBe(1);
  });

  it('seeds the demo rule sets once, leaving items that already have rules alone', async () => {
    // MZ-011 and GA-008 were published above; the seed must not add a version to them.
    const first = await seedRuleSets(em(), NOW);
    expect(first.created).toBe(DEMO_RULE_SETS.length - 2);
    const again = await seedRuleSets(em(), NOW);
    expect(again.created).toBe(0);
    for (const demo of DEMO_RULE_SETS) {
      const current = (await currentRuleSet(em(), demo.itemCode))!;
      if (demo.itemCode === 'MZ-011') expect(current.version).toBe(2);
      else if (demo.itemCode === 'GA-008') expect(current.note).toMatch(/^并发/);
      else expect(current).toMatchObject({ version: 1, createdBy: 'seed', rules: demo.rules });
    }
    expect(await currentRuleSet(em(), 'MZ-012')).toBeNull();
  });

  it('seeds demo rules that approve the people they are meant for and send the others to review', async () => {
    const mz010 = (await currentRuleSet(em(), 'MZ-010'))!;
    const octogenarian: RuleFacts = {
      applicant: { birthDate: '1945-01-20', regionCode: '33990301002004' },
      licences: [
        { typeCode: 'RESIDENT_ID_CARD', status: 'VALID', validUntil: null },
        { typeCode: 'SOCIAL_SECURITY_CARD', status: 'VALID', validUntil: '2030-12-31' },
      ],
      openApplicationsForItem: 0,
      formAnswers: {},
    };
    expect(evaluateRuleSet(mz010.rules, octogenarian, NOW).decision).toBe('APPROVE');
    const review = evaluateRuleSet(
      mz010.rules,
      { ...octogenarian, licences: octogenarian.licences!.slice(0, 1) },
      NOW,
    );
    expect(review.decision).toBe('REVIEW');
    expect(review.results.find((r) => r.outcome !== 'PASS')).toMatchObject({
      ruleId: 'licences',
      outcome: 'FAIL',
      explanation: { zh: '未持有有效的「社会保障卡」电子证照（未查到该证照）' },
    });
    const rs011 = (await currentRuleSet(em(), 'RS-011'))!;
    const byAgent = evaluateRuleSet(rs011.rules, { ...octogenarian, formAnswers: { byAgent: true } }, NOW);
    expect(byAgent.summary.zh).toBe('1 项规则未满足（本人申请（非委托代办）），转人工审核');
  });
});
