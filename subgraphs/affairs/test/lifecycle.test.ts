import { describe, expect, it } from 'vitest';
import type { Identity } from '@bianmin/kit';
import { Application, ApplicationEvent } from '../src/modules/application/application.entity.js';
import {
  data,
  drivers,
  GA_STAFF,
  MZ_STAFF,
  MZ_STAFF_2,
  MZ_SUPERVISOR,
  OTHER_RESIDENT,
  RESIDENT,
  useAffairs,
  type AffairsFixture,
} from './setup.js';

const ERROR = 'error { code message field }';
const APP = `id reference state stateLabel version workflow { code version }
  availableActions { name label commentRequired materialReasonsRequired }
  materials { id name required fromLicenceType source licenceUsed correction }
  deadline { date status workingDaysLeft clockStopped suspendedWorkingDays }
  ruleEvaluation { ruleSetVersion decision results { ruleId kind outcome explanation } }
  history { action label fromState toState actorKind comment workflowVersion }`;
const START = `mutation ($itemId: ID!) { startApplication(itemId: $itemId) { ok ${ERROR} application { ${APP} } } }`;
const SAVE = `mutation ($id: ID!, $v: Int!, $input: ApplicationDraftInput!) {
  saveApplicationDraft(id: $id, expectedVersion: $v, input: $input) { ok ${ERROR} application { ${APP} } } }`;
const ACT = `mutation ($id: ID!, $v: Int!, $action: String!, $input: ApplicationActionInput) {
  actOnApplication(id: $id, expectedVersion: $v, action: $action, input: $input) { ok ${ERROR} application { ${APP} } } }`;
const GET = `query ($id: ID!) { application(id: $id) { ${APP} } }`;
const ITEM = `query ($code: String!) { serviceItemByCode(code: $code) { id } }`;

interface AppData {
  id: string;
  reference: string;
  state: string;
  version: number;
  availableActions: { name: string }[];
  materials: {
    id: string;
    required: boolean;
    fromLicenceType: string | null;
    licenceUsed: boolean;
    correction: string | null;
  }[];
  ruleEvaluation: {
    decision: string;
    results: { ruleId: string; outcome: string; explanation: string }[];
  } | null;
  history: { action: string; toState: string; actorKind: string; comment: string | null }[];
}
type Outcome = {
  ok: boolean;
  error: { code: string; message: string; field: string | null } | null;
  application: AppData | null;
};

async function itemId(fx: AffairsFixture, code: string) {
  const result = await fx.catalog.execute<{ serviceItemByCode: { id: string } }>(ITEM, { code });
  return result.data!.serviceItemByCode.id;
}

const start = async (fx: AffairsFixture, code: string, viewer: Identity = RESIDENT) =>
  (await data<{ startApplication: Outcome }>(fx, START, { itemId: await itemId(fx, code) }, viewer))
    .startApplication;

async function act(fx: AffairsFixture, viewer: Identity, app: AppData, action: string, input?: object) {
  return (
    await data<{ actOnApplication: Outcome }>(fx, ACT, { id: app.id, v: app.version, action, input }, viewer)
  ).actOnApplication;
}

/** A draft with every required licence-backed material agreed to. */
async function readyDraft(fx: AffairsFixture, code: string, viewer: Identity = RESIDENT) {
  const started = (await start(fx, code, viewer)).application!;
  const useLicenceFor = started.materials.filter((m) => m.fromLicenceType && m.required).map((m) => m.id);
  const saved = (
    await data<{ saveApplicationDraft: Outcome }>(
      fx,
      SAVE,
      { id: started.id, v: started.version, input: { useLicenceFor } },
      viewer,
    )
  ).saveApplicationDraft;
  expect(saved.error).toBeNull();
  return saved.application!;
}

describe.each(drivers)('applying and handling on %s', (driver) => {
  const fx = useAffairs(driver);

  it('runs apply → accept → review → approve → complete, recording every step', async () => {
    // MZ-004 婚姻登记记录证明: only the ID card is required, and it comes from the licence.
    const draft = await readyDraft(fx, 'MZ-004');
    expect(draft).toMatchObject({ state: 'DRAFT', workflow: { code: 'standard', version: 1 } });
    expect(draft.materials[0]).toMatchObject({ fromLicenceType: 'RESIDENT_ID_CARD', licenceUsed: true });
    const submitted = (await act(fx, RESIDENT, draft, 'submit')).application!;
    expect(submitted.state).toBe('SUBMITTED');
    expect(submitted.ruleEvaluation).toBeNull();

    const staffView = (await data<{ application: AppData }>(fx, GET, { id: draft.id }, MZ_STAFF)).application;
    expect(staffView.availableActions.map((a) => a.name)).toEqual(
      expect.arrayContaining(['accept', 'notAccept', 'requestCorrection']),
    );
    const accepted = (await act(fx, MZ_STAFF, staffView, 'accept')).application!;
    const reviewing = (await act(fx, MZ_STAFF, accepted, 'startReview')).application!;
    const approved = (await act(fx, MZ_STAFF, reviewing, 'approve', { comment: '材料齐全，符合条件' }))
      .application!;
    const completed = (await act(fx, MZ_STAFF, approved, 'complete')).application!;
    expect(completed.state).toBe('COMPLETED');
    expect(completed.history.map((h) => [h.action, h.toState, h.actorKind])).toEqual([
      ['create', 'DRAFT', 'APPLICANT'],
      ['submit', 'SUBMITTED', 'APPLICANT'],
      ['accept', 'ACCEPTED', 'STAFF'],
      ['startReview', 'UNDER_REVIEW', 'STAFF'],
      ['approve', 'APPROVED', 'STAFF'],
      ['complete', 'COMPLETED', 'STAFF'],
    ]);
    expect(completed.history[4]!.comment).toBe('材料齐全，符合条件');
    expect(completed.availableActions).toEqual([]);
  });

  it('sends an application back for correction (补正) and takes it back where it was', async () => {
    const submitted = (await act(fx, RESIDENT, await readyDraft(fx, 'MZ-009'), 'submit')).application;
    // MZ-009 needs uploads, which are not there: submission is refused and nothing changes.
    expect(submitted).toBeNull();
    const draft = await readyDraft(fx, 'MZ-004', OTHER_RESIDENT);
    const accepted = (
      await act(fx, MZ_STAFF, (await act(fx, OTHER_RESIDENT, draft, 'submit')).application!, 'accept')
    ).application!;
    const noReasons = await act(fx, MZ_STAFF, accepted, 'requestCorrection', { comment: '请补正' });
    expect(noReasons).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT' } });
    const returned = (
      await act(fx, MZ_STAFF, accepted, 'requestCorrection', {
        materialReasons: [{ materialId: 'm1', reason: '证件照片不清晰，请重新授权调取' }],
      })
    ).application!;
    expect(returned.state).toBe('RETURNED');
    expect(returned.materials[0]!.correction).toBe('证件照片不清晰，请重新授权调取');
    const mine = (await data<{ application: AppData }>(fx, GET, { id: draft.id }, OTHER_RESIDENT))
      .application;
    expect(mine.availableActions.map((a) => a.name)).toEqual(
      expect.arrayContaining(['resubmit', 'withdraw']),
    );
    const back = (await act(fx, OTHER_RESIDENT, mine, 'resubmit')).application!;
    expect(back.state).toBe('ACCEPTED');
    expect(back.materials[0]!.correction).toBeNull();
  });

  it('suspends and resumes, refusing a suspension without a reason', async () => {
    const draft = await readyDraft(fx, 'MZ-004', {
      ...OTHER_RESIDENT,
      personId: '00000000-0000-4000-8000-0000000000c1',
    });
    const viewer = { ...OTHER_RESIDENT, personId: '00000000-0000-4000-8000-0000000000c1' };
    const accepted = (
      await act(fx, MZ_STAFF, (await act(fx, viewer, draft, 'submit')).application!, 'accept')
    ).application!;
    expect(await act(fx, MZ_STAFF, accepted, 'suspend')).toMatchObject({
      ok: false,
      error: { code: 'BAD_USER_INPUT', field: 'input.comment' },
    });
    const suspended = (await act(fx, MZ_STAFF, accepted, 'suspend', { comment: '等待公安部门核查户籍' }))
      .application!;
    expect(suspended.state).toBe('SUSPENDED');
    fx.clock.advanceDays(3);
    const resumed = (await act(fx, MZ_STAFF, suspended, 'resume')).application!;
    expect(resumed.state).toBe('ACCEPTED');
  });

  it('refuses an action the state does not allow, naming the allowed ones, and changes nothing', async () => {
    const draft = await readyDraft(fx, 'MZ-004', {
      ...RESIDENT,
      personId: '00000000-0000-4000-8000-0000000000c2',
    });
    const viewer = { ...RESIDENT, personId: '00000000-0000-4000-8000-0000000000c2' };
    const submitted = (await act(fx, viewer, draft, 'submit')).application!;
    const refused = await act(fx, MZ_STAFF, submitted, 'complete');
    expect(refused).toMatchObject({
      ok: false,
      application: null,
      error: { code: 'CONFLICT', field: 'action' },
    });
    expect(refused.error!.message).toContain('受理');
    const after = await fx.affairs.orm.em.fork().findOneOrFail(Application, { id: draft.id });
    expect(after).toMatchObject({ state: 'SUBMITTED', version: submitted.version });
  });

  it('refuses other residents and staff of another department, changing nothing', async () => {
    const viewer = { ...RESIDENT, personId: '00000000-0000-4000-8000-0000000000c3' };
    const submitted = (await act(fx, viewer, await readyDraft(fx, 'MZ-004', viewer), 'submit')).application!;
    const events = () => fx.affairs.orm.em.fork().count(ApplicationEvent, { applicationId: submitted.id });
    const before = await events();
    expect(await act(fx, GA_STAFF, submitted, 'accept')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await act(fx, OTHER_RESIDENT, submitted, 'withdraw')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await act(fx, viewer, submitted, 'accept')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(
      (await data<{ application: null }>(fx, GET, { id: submitted.id }, GA_STAFF)).application,
    ).toBeNull();
    expect(
      (await data<{ application: null }>(fx, GET, { id: submitted.id }, OTHER_RESIDENT)).application,
    ).toBeNull();
    expect(await events()).toBe(before);
    const row = await fx.affairs.orm.em.fork().findOneOrFail(Application, { id: submitted.id });
    expect(row).toMatchObject({ state: 'SUBMITTED', version: submitted.version });
  });

  it('lets exactly one of two staff acting at once win; the other gets a conflict', async () => {
    const viewer = { ...RESIDENT, personId: '00000000-0000-4000-8000-0000000000c4' };
    const submitted = (await act(fx, viewer, await readyDraft(fx, 'MZ-004', viewer), 'submit')).application!;
    const [a, b] = await Promise.all([
      act(fx, MZ_STAFF, submitted, 'accept'),
      act(fx, MZ_STAFF_2, submitted, 'notAccept', { comment: '不属于本部门受理范围' }),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const loser = a.ok ? b : a;
    expect(loser.error).toMatchObject({ code: 'CONFLICT', field: 'expectedVersion' });
    const steps = await fx.affairs.orm.em.fork().find(ApplicationEvent, { applicationId: submitted.id });
    expect(steps.map((s) => s.action).filter((x) => x === 'accept' || x === 'notAccept')).toHaveLength(1);
  });

  it('approves at once when every rule passes, and explains it (秒批)', async () => {
    // MZ-011 老年人优待证: the applicant was born in 1956 and lives in the city.
    const draft = await readyDraft(fx, 'MZ-011');
    const approved = (await act(fx, RESIDENT, draft, 'submit')).application!;
    expect(approved.state).toBe('APPROVED');
    expect(approved.ruleEvaluation).toMatchObject({ decision: 'APPROVE' });
    expect(approved.ruleEvaluation!.results.every((r) => r.outcome === 'PASS')).toBe(true);
    expect(approved.history.map((h) => [h.action, h.actorKind])).toEqual([
      ['create', 'APPLICANT'],
      ['submit', 'APPLICANT'],
      ['autoApprove', 'SYSTEM'],
    ]);
  });

  it('sends it to a person when a rule fails or cannot be checked, naming the rule', async () => {
    const young = { ...RESIDENT, personId: '00000000-0000-4000-8000-0000000000c5' };
    fx.applicants.state.facts[young.personId] = { birthDate: '1990-05-01', regionCode: '33990101001001' };
    const failed = (await act(fx, young, await readyDraft(fx, 'MZ-011', young), 'submit')).application!;
    expect(failed.state).toBe('SUBMITTED');
    expect(failed.ruleEvaluation!.decision).toBe('REVIEW');
    expect(failed.ruleEvaluation!.results.find((r) => r.outcome === 'FAIL')).toBeDefined();

    const unknown = { ...RESIDENT, personId: '00000000-0000-4000-8000-0000000000c6' };
    fx.applicants.state.down = true;
    try {
      const pending = (await act(fx, unknown, await readyDraft(fx, 'MZ-011', unknown), 'submit'))
        .application!;
      expect(pending.state).toBe('SUBMITTED');
      expect(pending.ruleEvaluation!.results.some((r) => r.outcome === 'UNKNOWN')).toBe(true);
    } finally {
      fx.applicants.state.down = false;
    }
  });

  it('answers UNAVAILABLE when the catalog is down, writing nothing', async () => {
    const id = await itemId(fx, 'MZ-005');
    const before = await fx.affairs.orm.em.fork().count(Application, {});
    fx.catalogDown.value = true;
    try {
      const result = (
        await data<{ startApplication: Outcome }>(
          fx,
          START,
          { itemId: id },
          { ...RESIDENT, personId: '00000000-0000-4000-8000-0000000000c7' },
        )
      ).startApplication;
      expect(result).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    } finally {
      fx.catalogDown.value = false;
    }
    expect(await fx.affairs.orm.em.fork().count(Application, {})).toBe(before);
  });

  it('lists the department inbox for its staff only', async () => {
    const inbox = `{ applicationInbox(first: 50) { totalCount edges { node { id terms { departmentCode } } } } }`;
    const mz = (
      await data<{
        applicationInbox: { totalCount: number; edges: { node: { terms: { departmentCode: string } } }[] };
      }>(fx, inbox, {}, MZ_SUPERVISOR)
    ).applicationInbox;
    expect(mz.totalCount).toBeGreaterThan(0);
    expect(mz.edges.every((e) => e.node.terms.departmentCode === 'MZ')).toBe(true);
    const ga = (await data<{ applicationInbox: { totalCount: number } }>(fx, inbox, {}, GA_STAFF))
      .applicationInbox;
    expect(ga.totalCount).toBe(0);
    const resident = await fx.affairs.execute(inbox, {}, RESIDENT);
    expect(resident.data?.applicationInbox ?? null).toBeNull();
  });
});
