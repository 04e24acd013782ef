import { describe, expect, it } from 'vitest';
import { drivers, useAffairsOrm } from '../../../test/db.js';
import { standardWorkflow } from './definitions/standard.js';
import { twoLevelReviewWorkflow } from './definitions/two-level-review.js';
import { applyAction, availableActions } from './engine.js';
import { WorkflowDefinition } from './workflow-definition.entity.js';
import {
  definitionById,
  definitionsByIds,
  latestDefinition,
  publishDefinition,
  seedWorkflowDefinitions,
} from './workflow.store.js';
import type { WorkflowSpec } from './workflow-spec.js';

/** A new version of the standard definition: 受理 must now happen within one working day. */
function fasterAcceptance(): WorkflowSpec {
  const spec = structuredClone(standardWorkflow);
  spec.states.SUBMITTED!.slaWorkingDays = 1;
  return spec;
}

describe.each(drivers)('workflow definitions on %s', (driver) => {
  const fx = useAffairsOrm(driver);
  const em = () => fx.orm.em.fork();
  const versions = async (code: string) =>
    (await em().find(WorkflowDefinition, { code }, { orderBy: { version: 'asc' } })).map((d) => d.version);

  it('seeds version 1 of both built-in definitions, once, even when two instances seed at once', async () => {
    const now = new Date('2026-11-29T01:00:00Z');
    const [first, second] = await Promise.all([
      seedWorkflowDefinitions(em(), now),
      seedWorkflowDefinitions(em(), now),
    ]);
    expect([...first, ...second].sort()).toEqual(['standard', 'two-level-review']);
    expect(await seedWorkflowDefinitions(em())).toEqual([]);
    expect(await versions('standard')).toEqual([1]);
    expect(await versions('two-level-review')).toEqual([1]);
  });

  it('reads back exactly what was seeded, with the actions in their order', async () => {
    const standard = await latestDefinition(em(), 'standard');
    const twoLevel = await latestDefinition(em(), 'two-level-review');
    expect(standard).toMatchObject({ code: 'standard', version: 1 });
    expect(standard!.spec).toEqual(standardWorkflow);
    expect(twoLevel!.spec).toEqual(twoLevelReviewWorkflow);
    // PostgreSQL's jsonb would sort the keys; the order is the order of the buttons.
    expect(Object.keys(standard!.spec.actions)).toEqual(Object.keys(standardWorkflow.actions));
    expect(availableActions(standard!.spec, { state: 'ACCEPTED' }, ['STAFF'])).toEqual([
      'startReview',
      'requestCorrection',
      'suspend',
    ]);
    expect(await latestDefinition(em(), 'no-such-flow')).toBeNull();
  });

  it('finds a definition by id, and several in one query in the order asked', async () => {
    const standard = (await latestDefinition(em(), 'standard'))!;
    const twoLevel = (await latestDefinition(em(), 'two-level-review'))!;
    expect((await definitionById(em(), standard.id))!.spec.code).toBe('standard');
    expect(await definitionById(em(), '00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await definitionById(em(), 'not-an-id')).toBeNull();
    const found = await definitionsByIds(em(), [twoLevel.id, 'missing', standard.id, twoLevel.id]);
    expect(found.map((d) => d?.code ?? null)).toEqual([
      'two-level-review',
      null,
      'standard',
      'two-level-review',
    ]);
  });

  it('publishes a new version as latest + 1, whatever version the spec claims, and leaves the old one as it was', async () => {
    const v1 = (await latestDefinition(em(), 'standard'))!;
    const published = await publishDefinition(em(), { ...fasterAcceptance(), version: 99 });
    expect(published).toMatchObject({ ok: true, definition: { code: 'standard', version: 2 } });
    const latest = (await latestDefinition(em(), 'standard'))!;
    expect(latest.version).toBe(2);
    expect(latest.spec.version).toBe(2);
    expect(latest.spec.states.SUBMITTED!.slaWorkingDays).toBe(1);
    // An application started on version 1 still reads version 1.
    const old = (await definitionById(em(), v1.id))!;
    expect(old.version).toBe(1);
    expect(old.spec.states.SUBMITTED!.slaWorkingDays).toBe(2);
  });

  it('publishes a new code as version 1, and the engine runs it', async () => {
    const spec = structuredClone(twoLevelReviewWorkflow);
    spec.code = 'subsidy-review';
    spec.name = { zh: '补贴类两级审批', en: 'Subsidy two-level review' };
    const published = await publishDefinition(em(), spec, 'en');
    expect(published).toMatchObject({ ok: true, definition: { code: 'subsidy-review', version: 1 } });
    const stored = (await latestDefinition(em(), 'subsidy-review'))!;
    expect(
      applyAction(stored.spec, { state: 'SECOND_REVIEW', clock: 'RUNNING' }, 'approve', ['SUPERVISOR']),
    ).toMatchObject({
      ok: true,
      to: 'APPROVED',
    });
  });

  it('refuses an invalid definition with every problem found, and stores nothing', async () => {
    const before = await versions('standard');
    const broken = structuredClone(standardWorkflow);
    broken.actions.reopen = { ...broken.actions.startReview!, from: ['COMPLETED'] };
    broken.actions.complete!.to = 'DONE';
    const result = await publishDefinition(em(), broken, 'zh-CN');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toEqual({
      code: 'BAD_USER_INPUT',
      message: '流程定义有误：操作 complete 的目标状态 DONE 未定义（另有 1 处问题）',
      field: 'actions.complete.to',
    });
    expect(result.problems.map((p) => p.code).sort()).toEqual(['FINAL_STATE_HAS_ACTIONS', 'UNKNOWN_STATE']);

    const shapeless = await publishDefinition(em(), { code: 'standard', states: 'all of them' }, 'en');
    expect(shapeless).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT' } });
    expect(await publishDefinition(em(), null)).toMatchObject({
      ok: false,
      error: { code: 'BAD_USER_INPUT' },
    });
    expect(await versions('standard')).toEqual(before);
  });

  it('of concurrent publishes of one code, one wins each version and the others get CONFLICT', async () => {
    const before = (await versions('standard')).at(-1)!;
    const results = await Promise.all(
      Array.from({ length: 4 }, (_, i) => {
        const spec = fasterAcceptance();
        spec.name = { zh: `标准办理流程（第 ${i} 稿）`, en: `Standard handling (draft ${i})` };
        return publishDefinition(em(), spec, 'zh-CN');
      }),
    );
    const won = results.filter((r) => r.ok);
    const lost = results.filter((r) => !r.ok);
    expect(won.length).toBeGreaterThanOrEqual(1);
    expect(lost.length).toBeGreaterThanOrEqual(1);
    for (const r of lost) {
      expect(r.error).toMatchObject({ code: 'CONFLICT', field: 'code' });
      expect(r.error!.message).toMatch(/刚被他人发布/);
    }
    // Every stored version is one publish's, with no gap and no duplicate.
    const stored = await versions('standard');
    expect(stored).toEqual(Array.from({ length: before + won.length }, (_, i) => i + 1));
    const latest = (await latestDefinition(em(), 'standard'))!;
    const winnerNames = won.map((r) => (r.ok ? r.definition.spec.name.zh : ''));
    expect(winnerNames).toContain(latest.spec.name.zh);
  });
});
