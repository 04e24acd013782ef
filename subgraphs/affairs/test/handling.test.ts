import { describe, expect, it } from 'vitest';
import { OutboxMessage, type Identity } from '@bianmin/kit';
import { Application } from '../src/modules/application/application.entity.js';
import { Notification } from '../src/modules/notification/notification.entity.js';
import { RectificationTask } from '../src/modules/rating/rating.entity.js';
import { runSlaSweep } from '../src/server.js';
import {
  data,
  drivers,
  GA_STAFF,
  MZ_STAFF,
  MZ_STAFF_2,
  MZ_SUPERVISOR,
  RESIDENT,
  useAffairs,
} from './setup.js';
import {
  accepted,
  APP,
  applicant,
  ERROR,
  GET,
  ITEM,
  one,
  PNG,
  START,
  SAVE,
  ACT,
  UPLOAD,
  listening,
  type AppData,
  type Outcome,
} from './flows.js';

const MZ_STAFF_NO_PERSON: Identity = { ...MZ_STAFF, personId: null };
const CLAIM = `mutation ($id: ID!, $v: Int!, $release: Boolean) { claimApplication(id: $id, expectedVersion: $v, release: $release) { ok ${ERROR} application { ${APP} } } }`;
const EXTEND = `mutation ($id: ID!, $v: Int!, $d: Int!, $r: String!) { requestExtension(id: $id, expectedVersion: $v, workingDays: $d, reason: $r) { ok ${ERROR} application { ${APP} } } }`;
const DECIDE = `mutation ($id: ID!, $v: Int!, $a: Boolean!, $c: String) { decideExtension(id: $id, expectedVersion: $v, approve: $a, comment: $c) { ok ${ERROR} application { ${APP} } } }`;
const RATE = `mutation ($id: ID!, $input: RatingInput!) { rateApplication(id: $id, input: $input) { ok ${ERROR} rating { score scoreLabel } } }`;
const RESPOND = `mutation ($id: ID!, $r: String!) { respondToRectification(id: $id, response: $r) { ok ${ERROR} task { status response } } }`;

describe.each(drivers)('handling on %s', (driver) => {
  const fx = useAffairs(driver);

  it('lets one member of staff claim an application; a colleague cannot take it over', async () => {
    const app = await accepted(fx, applicant());
    const mine = (await one(fx, CLAIM, { id: app.id, v: app.version }, MZ_STAFF)).application!;
    expect(mine).toMatchObject({ assigneeAccountId: MZ_STAFF.accountId, assignedToMe: true });
    const theirs = await one(fx, CLAIM, { id: app.id, v: mine.version }, MZ_STAFF_2);
    expect(theirs).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await one(fx, CLAIM, { id: app.id, v: mine.version }, GA_STAFF)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const released = (await one(fx, CLAIM, { id: app.id, v: mine.version, release: true }, MZ_STAFF))
      .application!;
    expect(released.assigneeAccountId).toBeNull();
  });

  it('extends the deadline only once a supervisor approves, once', async () => {
    const app = await accepted(fx, applicant(), 'MZ-005');
    const before = app.deadline!.date;
    expect(
      await one(fx, EXTEND, { id: app.id, v: app.version, d: 11, r: '需要实地核查' }, MZ_STAFF),
    ).toMatchObject({
      ok: false,
      error: { code: 'BAD_USER_INPUT', field: 'workingDays' },
    });
    const asked = (await one(fx, EXTEND, { id: app.id, v: app.version, d: 5, r: '需要实地核查' }, MZ_STAFF))
      .application!;
    expect(asked.extension).toMatchObject({ status: 'REQUESTED', workingDays: 5 });
    expect(asked.deadline!.date).toBe(before);
    expect(await one(fx, DECIDE, { id: app.id, v: asked.version, a: true }, MZ_STAFF)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const approved = (await one(fx, DECIDE, { id: app.id, v: asked.version, a: true }, MZ_SUPERVISOR))
      .application!;
    expect(approved.extension!.status).toBe('APPROVED');
    expect(approved.deadline!.date > before).toBe(true);
    expect(
      await one(fx, EXTEND, { id: app.id, v: approved.version, d: 2, r: '再延' }, MZ_SUPERVISOR),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('takes an upload through the signed URL, checks its content, and serves it to the right people only', async () => {
    await listening(fx);
    const viewer = applicant();
    const item = (await fx.catalog.execute<{ serviceItemByCode: { id: string } }>(ITEM, { code: 'MZ-009' }))
      .data!.serviceItemByCode.id;
    const app = (await one(fx, START, { itemId: item }, viewer)).application!;
    const upload = app.materials.find((m) => !m.fromLicenceType)!;
    const badType = (
      await data<Record<string, { ok: boolean; error: { field: string } }>>(
        fx,
        UPLOAD,
        { id: app.id, m: upload.id, n: 'a.exe', t: 'application/x-msdownload', s: 10 },
        viewer,
      )
    ).requestMaterialUpload!;
    expect(badType).toMatchObject({ ok: false, error: { field: 'contentType' } });
    const other = await data<Record<string, { ok: boolean; error: { code: string } }>>(
      fx,
      UPLOAD,
      { id: app.id, m: upload.id, n: 'a.png', t: 'image/png', s: PNG.length },
      applicant(),
    );
    expect(other.requestMaterialUpload).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const ticket = (
      await data<Record<string, { uploadUrl: string }>>(
        fx,
        UPLOAD,
        { id: app.id, m: upload.id, n: '困难证明.png', t: 'image/png', s: PNG.length },
        viewer,
      )
    ).requestMaterialUpload!;
    // A PDF announced as PNG is refused by content; the ticket is spent.
    const lying = await fetch(ticket.uploadUrl, {
      method: 'PUT',
      body: Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(PNG.length - 5)]),
    });
    expect(lying.status).toBe(415);
    expect((await fetch(ticket.uploadUrl, { method: 'PUT', body: PNG })).status).toBe(403);

    const ticket2 = (
      await data<Record<string, { uploadUrl: string }>>(
        fx,
        UPLOAD,
        { id: app.id, m: upload.id, n: '困难证明.png', t: 'image/png', s: PNG.length },
        viewer,
      )
    ).requestMaterialUpload!;
    const stored = await fetch(ticket2.uploadUrl, {
      method: 'PUT',
      body: PNG,
      headers: { 'content-type': 'image/png' },
    });
    expect(stored.status).toBe(201);
    const after = (await data<{ application: AppData }>(fx, GET, { id: app.id }, viewer)).application;
    const material = after.materials.find((m) => m.id === upload.id)!;
    expect(material.fileCount).toBe(1);
    const download = await fetch(material.files[0]!.downloadUrl);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(PNG)).toBe(true);
    const tampered = material.files[0]!.downloadUrl.replace(/s=[^&]+/, 's=AAAA');
    expect((await fetch(tampered)).status).toBe(403);
    // Staff of another department never see the application, so never get a link.
    expect((await data<{ application: null }>(fx, GET, { id: app.id }, GA_STAFF)).application).toBeNull();
  });

  it('takes one rating per finished application; 1–2 stars open a task whose answer the applicant sees', async () => {
    const viewer = applicant();
    let app = await accepted(fx, viewer);
    expect(
      await one(
        fx,
        RATE,
        { id: app.id, input: { score: 5, satisfaction: 5, efficiency: 5, guideAccuracy: 5, convenience: 5 } },
        viewer,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    for (const action of ['startReview', 'approve', 'complete']) {
      app = (await one(fx, ACT, { id: app.id, v: app.version, action }, MZ_STAFF)).application!;
    }
    expect(app.canRate).toBe(false); // staff see it; only the applicant rates
    expect((await data<{ application: AppData }>(fx, GET, { id: app.id }, viewer)).application.canRate).toBe(
      true,
    );
    const bad = await data<Record<string, Outcome>>(
      fx,
      RATE,
      { id: app.id, input: { score: 6, satisfaction: 5, efficiency: 5, guideAccuracy: 5, convenience: 5 } },
      viewer,
    );
    expect(bad.rateApplication).toMatchObject({ ok: false, error: { field: 'input.score' } });
    const input = {
      score: 2,
      satisfaction: 2,
      efficiency: 1,
      guideAccuracy: 3,
      convenience: 2,
      comment: '等待时间太长',
    };
    const [a, b] = await Promise.all([
      data<Record<string, Outcome>>(fx, RATE, { id: app.id, input }, viewer),
      data<Record<string, Outcome>>(fx, RATE, { id: app.id, input }, viewer),
    ]);
    expect([a.rateApplication!.ok, b.rateApplication!.ok].sort()).toEqual([false, true]);
    const task = await fx.affairs.orm.em.fork().findOneOrFail(RectificationTask, { applicationId: app.id });
    expect(await one(fx, RESPOND, { id: task.id, r: '已优化流程' }, GA_STAFF)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(
      (
        await data<Record<string, { ok: boolean }>>(
          fx,
          RESPOND,
          { id: task.id, r: '已增加窗口，缩短等候时间' },
          MZ_STAFF,
        )
      ).respondToRectification!.ok,
    ).toBe(true);
    const seen = (await data<{ application: AppData }>(fx, GET, { id: app.id }, viewer)).application;
    expect(seen.rating).toMatchObject({
      score: 2,
      rectification: { status: 'CLOSED', response: '已增加窗口，缩短等候时间' },
    });
    const kinds = (await fx.affairs.orm.em.fork().find(Notification, { personId: viewer.personId! })).map(
      (n) => n.kind,
    );
    expect(kinds).toEqual(expect.arrayContaining(['APPLICATION_STATUS', 'RECTIFICATION_RESPONSE']));
  });

  it('exports the person’s own applications for “download my data”, and nobody else’s', async () => {
    const viewer = applicant();
    const app = await accepted(fx, viewer);
    const EXPORT = `{ myAffairsDataExport }`;
    const mine = JSON.parse(
      (await data<{ myAffairsDataExport: string }>(fx, EXPORT, {}, viewer)).myAffairsDataExport,
    ) as {
      source: string;
      data: { applications: { reference: string; history: { action: string }[] }[] };
    };
    expect(mine.source).toBe('affairs');
    expect(mine.data.applications.map((a) => a.reference)).toEqual([app.reference]);
    expect(mine.data.applications[0]!.history.map((h) => h.action)).toEqual(['create', 'submit', 'accept']);
    const someoneElse = JSON.parse(
      (await data<{ myAffairsDataExport: string }>(fx, EXPORT, {}, applicant())).myAffairsDataExport,
    ) as {
      data: { applications: unknown[] };
    };
    expect(someoneElse.data.applications).toEqual([]);
    expect(
      (await data<{ myAffairsDataExport: string | null }>(fx, EXPORT, {}, MZ_STAFF_NO_PERSON))
        .myAffairsDataExport,
    ).toBeNull();
  });

  it('escalates overdue applications and invites unrated ones, once each', async () => {
    const late = await accepted(fx, applicant());
    // MZ-004 is handled on the spot (0 working days): by tomorrow it is overdue.
    fx.clock.advanceDays(1);
    const first = await runSlaSweep(fx.affairs.orm.em.fork(), fx.affairs.services);
    expect(first.escalated).toBeGreaterThanOrEqual(1);
    const row = await fx.affairs.orm.em.fork().findOneOrFail(Application, { id: late.id });
    expect(row.escalatedAt).not.toBeNull();
    const inbox = `{ applicationInbox(filter: { escalatedOnly: true }, first: 50) { edges { node { id } } } }`;
    const escalated = (
      await data<{ applicationInbox: { edges: { node: { id: string } }[] } }>(fx, inbox, {}, MZ_SUPERVISOR)
    ).applicationInbox;
    expect(escalated.edges.map((e) => e.node.id)).toContain(late.id);
    // Announced like every application event, so one schema reads them all (identity, evidence).
    const announced = await fx.affairs.orm.em
      .fork()
      .findOneOrFail(OutboxMessage, { topic: 'affairs.application.escalated', key: late.id });
    expect(announced.payload).toMatchObject({
      applicationId: late.id,
      personId: expect.any(String),
      action: 'escalate',
      actorKind: 'SYSTEM',
      fromState: 'ACCEPTED',
      toState: 'ACCEPTED',
      seq: expect.any(Number),
    });
    fx.clock.advanceDays(4);
    const second = await runSlaSweep(fx.affairs.orm.em.fork(), fx.affairs.services);
    const third = await runSlaSweep(fx.affairs.orm.em.fork(), fx.affairs.services);
    expect(third).toEqual({ escalated: 0, invited: 0 });
    expect(second.escalated).toBe(0);
  });
});

describe.each(drivers)('administration on %s', (driver) => {
  const fx = useAffairs(driver);
  const ADMIN: Identity = {
    accountId: '00000000-0000-4000-8000-0000000000d1',
    roles: ['administrator'],
    mfa: true,
  };
  const SET_DAY = `mutation ($input: CalendarDayInput!, $v: Int) { setCalendarDay(input: $input, expectedVersion: $v) { ok ${ERROR} day { date kind name version } } }`;
  const PUBLISH = `mutation ($code: String!, $v: Int!, $rules: String!) { publishInstantApprovalRules(itemCode: $code, expectedVersion: $v, rules: $rules, note: "收紧年龄") { ok ${ERROR} ruleSet { version rules } } }`;
  const RULES = `query ($code: String!) { instantApprovalRules(itemCode: $code) { version rules } }`;

  it('lets an administrator (with a second factor) edit the calendar; nobody else', async () => {
    const input = {
      date: '2026-12-31',
      kind: 'HOLIDAY',
      nameZh: '市庆日',
      nameEn: 'City day',
      note: '云湖市人民政府通知',
    };
    const staff = await data<Record<string, { ok: boolean; error: { code: string } }>>(
      fx,
      SET_DAY,
      { input },
      MZ_SUPERVISOR,
    );
    expect(staff.setCalendarDay).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const noMfa = await data<Record<string, { ok: boolean; error: { code: string } }>>(
      fx,
      SET_DAY,
      { input },
      { ...ADMIN, mfa: false },
    );
    expect(noMfa.setCalendarDay).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const done = await data<Record<string, { ok: boolean; day: { name: string; version: number } }>>(
      fx,
      SET_DAY,
      { input },
      ADMIN,
    );
    expect(done.setCalendarDay).toMatchObject({ ok: true, day: { name: '市庆日', version: 1 } });
    const year = await data<{ workingCalendar: { days: { date: string }[] } }>(
      fx,
      `{ workingCalendar(year: 2026) { days { date } } }`,
      {},
      RESIDENT,
    );
    expect(year.workingCalendar.days.map((d) => d.date)).toContain('2026-12-31');
  });

  it('publishes a new rule version without changing explanations already given', async () => {
    const viewer = applicant();
    fx.applicants.state.facts[viewer.personId!] = { birthDate: '1950-01-01', regionCode: '33990101001001' };
    const item = (await fx.catalog.execute<{ serviceItemByCode: { id: string } }>(ITEM, { code: 'MZ-011' }))
      .data!.serviceItemByCode.id;
    let app = (await one(fx, START, { itemId: item }, viewer)).application!;
    app = (await one(fx, SAVE, { id: app.id, v: app.version, input: { useLicenceFor: ['m1'] } }, viewer))
      .application!;
    await one(fx, ACT, { id: app.id, v: app.version, action: 'submit' }, viewer);
    const EVAL = `query ($id: ID!) { application(id: $id) { state ruleEvaluation { ruleSetVersion results { ruleId outcome explanation } } } }`;
    const before = (
      await data<{ application: { ruleEvaluation: unknown } }>(fx, EVAL, { id: app.id }, viewer)
    ).application;

    const current = (
      await data<{ instantApprovalRules: { version: number; rules: string } }>(
        fx,
        RULES,
        { code: 'MZ-011' },
        RESIDENT,
      )
    ).instantApprovalRules;
    const rules = (JSON.parse(current.rules) as { kind: string; params: Record<string, unknown> }[]).map(
      (r) => (r.kind === 'MIN_AGE' ? { ...r, params: { years: 80 } } : r),
    );
    const stale = await data<Record<string, { ok: boolean; error: { code: string } }>>(
      fx,
      PUBLISH,
      { code: 'MZ-011', v: current.version - 1, rules: JSON.stringify(rules) },
      ADMIN,
    );
    expect(stale.publishInstantApprovalRules).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const published = await data<Record<string, { ok: boolean; ruleSet: { version: number } }>>(
      fx,
      PUBLISH,
      { code: 'MZ-011', v: current.version, rules: JSON.stringify(rules) },
      ADMIN,
    );
    expect(published.publishInstantApprovalRules).toMatchObject({
      ok: true,
      ruleSet: { version: current.version + 1 },
    });
    const after = (await data<{ application: { ruleEvaluation: unknown } }>(fx, EVAL, { id: app.id }, viewer))
      .application;
    expect(after).toEqual(before);
    expect(
      await data<Record<string, { ok: boolean; error: { code: string } }>>(
        fx,
        PUBLISH,
        { code: 'MZ-011', v: current.version + 1, rules: '[]' },
        MZ_SUPERVISOR,
      ),
    ).toMatchObject({
      publishInstantApprovalRules: { ok: false, error: { code: 'FORBIDDEN' } },
    });
  });

  it('lists every item’s current rules and an item’s versions, for administrators only', async () => {
    const LIST = `{ instantApprovalRuleSets { itemCode version } }`;
    const sets = (
      await data<{ instantApprovalRuleSets: { itemCode: string; version: number }[] }>(fx, LIST, {}, ADMIN)
    ).instantApprovalRuleSets;
    expect(sets.map((r) => r.itemCode)).toEqual([
      'GA-008',
      'GJJ-009',
      'MZ-010',
      'MZ-011',
      'RS-011',
      'SW-002',
      'WL-005',
    ]);
    const latest = sets.find((r) => r.itemCode === 'MZ-011')!.version;
    const VERSIONS = `query ($code: String!, $first: Int, $offset: Int) { instantApprovalRuleVersions(itemCode: $code, first: $first, offset: $offset) { totalCount ruleSets { version } } }`;
    const page = await data<{
      instantApprovalRuleVersions: { totalCount: number; ruleSets: { version: number }[] };
    }>(fx, VERSIONS, { code: 'MZ-011', first: 1, offset: 0 }, ADMIN);
    expect(page.instantApprovalRuleVersions).toEqual({ totalCount: latest, ruleSets: [{ version: latest }] });
    const bad = await fx.affairs.execute(VERSIONS, { code: 'MZ-011', first: 51 }, ADMIN);
    expect(bad.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const staff = await fx.affairs.execute(LIST, {}, MZ_SUPERVISOR);
    expect(staff.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('refuses rules for an item the catalog does not have, or cannot confirm', async () => {
    const rules = JSON.stringify([{ id: 'no-open', kind: 'NO_OPEN_APPLICATION', params: {} }]);
    const unknown = await data<Record<string, { ok: boolean; error: { code: string; field: string } }>>(
      fx,
      PUBLISH,
      { code: 'ZZ-999', v: 0, rules },
      ADMIN,
    );
    expect(unknown.publishInstantApprovalRules).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'itemCode' },
    });
    fx.catalogDown.value = true;
    try {
      const down = await data<Record<string, { ok: boolean; error: { code: string } }>>(
        fx,
        PUBLISH,
        { code: 'MZ-012', v: 0, rules },
        ADMIN,
      );
      expect(down.publishInstantApprovalRules).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    } finally {
      fx.catalogDown.value = false;
    }
    const RULES_OF = `query ($code: String!) { instantApprovalRules(itemCode: $code) { version } }`;
    for (const code of ['ZZ-999', 'MZ-012'])
      expect(
        (await data<{ instantApprovalRules: unknown }>(fx, RULES_OF, { code }, ADMIN)).instantApprovalRules,
      ).toBeNull();
    const created = await data<Record<string, { ok: boolean; ruleSet: { version: number } }>>(
      fx,
      PUBLISH,
      { code: 'MZ-012', v: 0, rules },
      ADMIN,
    );
    expect(created.publishInstantApprovalRules).toMatchObject({ ok: true, ruleSet: { version: 1 } });
  });
});
