import { describe, expect, it } from 'vitest';
import type { Identity } from '@bianmin/kit';
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
  type AffairsFixture,
} from './setup.js';

const ERROR = 'error { code message field }';
const MZ_STAFF_NO_PERSON: Identity = { ...MZ_STAFF, personId: null };
const APP = `id reference state version assigneeAccountId assignedToMe escalatedAt canRate
  extension { status workingDays reason decisionComment }
  deadline { date status workingDaysLeft }
  materials { id required fromLicenceType source fileCount files { id fileName contentType size downloadUrl } }
  rating { score scoreLabel rectification { status response } }`;
const ITEM = `query ($code: String!) { serviceItemByCode(code: $code) { id } }`;
const START = `mutation ($itemId: ID!) { startApplication(itemId: $itemId) { ok ${ERROR} application { ${APP} } } }`;
const SAVE = `mutation ($id: ID!, $v: Int!, $input: ApplicationDraftInput!) { saveApplicationDraft(id: $id, expectedVersion: $v, input: $input) { ok ${ERROR} application { ${APP} } } }`;
const ACT = `mutation ($id: ID!, $v: Int!, $action: String!, $input: ApplicationActionInput) { actOnApplication(id: $id, expectedVersion: $v, action: $action, input: $input) { ok ${ERROR} application { ${APP} } } }`;
const CLAIM = `mutation ($id: ID!, $v: Int!, $release: Boolean) { claimApplication(id: $id, expectedVersion: $v, release: $release) { ok ${ERROR} application { ${APP} } } }`;
const EXTEND = `mutation ($id: ID!, $v: Int!, $d: Int!, $r: String!) { requestExtension(id: $id, expectedVersion: $v, workingDays: $d, reason: $r) { ok ${ERROR} application { ${APP} } } }`;
const DECIDE = `mutation ($id: ID!, $v: Int!, $a: Boolean!, $c: String) { decideExtension(id: $id, expectedVersion: $v, approve: $a, comment: $c) { ok ${ERROR} application { ${APP} } } }`;
const UPLOAD = `mutation ($id: ID!, $m: ID!, $n: String!, $t: String!, $s: Int!) { requestMaterialUpload(id: $id, materialId: $m, fileName: $n, contentType: $t, size: $s) { ok ${ERROR} uploadUrl expiresAt } }`;
const RATE = `mutation ($id: ID!, $input: RatingInput!) { rateApplication(id: $id, input: $input) { ok ${ERROR} rating { score scoreLabel } } }`;
const RESPOND = `mutation ($id: ID!, $r: String!) { respondToRectification(id: $id, response: $r) { ok ${ERROR} task { status response } } }`;
const GET = `query ($id: ID!) { application(id: $id) { ${APP} } }`;

interface AppData {
  id: string;
  reference: string;
  state: string;
  version: number;
  assigneeAccountId: string | null;
  assignedToMe: boolean;
  escalatedAt: string | null;
  canRate: boolean;
  extension: { status: string; workingDays: number } | null;
  deadline: { date: string; status: string; workingDaysLeft: number } | null;
  materials: {
    id: string;
    required: boolean;
    fromLicenceType: string | null;
    fileCount: number;
    files: { id: string; downloadUrl: string }[];
  }[];
  rating: { score: number; rectification: { status: string; response: string | null } | null } | null;
}
type Outcome = {
  ok: boolean;
  error: { code: string; message: string; field: string | null } | null;
  application: AppData | null;
};
type Call = Record<string, Outcome>;

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(200, 7),
]);
let serial = 0;
const applicant = (): Identity => {
  serial += 1;
  return { ...RESIDENT, personId: `00000000-0000-4000-9000-${String(serial).padStart(12, '0')}` };
};

async function one(
  fx: AffairsFixture,
  query: string,
  vars: Record<string, unknown>,
  viewer: Identity,
): Promise<Outcome> {
  const result = await data<Call>(fx, query, vars, viewer);
  return Object.values(result)[0]!;
}

/** Listen on a free port once, so signed upload URLs work. */
async function listening(fx: AffairsFixture) {
  if (!fx.affairs.services.publicUrl.includes('127.0.0.1')) {
    const port = await fx.affairs.listen(0, '127.0.0.1');
    fx.affairs.services.publicUrl = `http://127.0.0.1:${port}`;
  }
}

/** Upload a small PNG for a material through the signed URL, as the browser does. */
async function uploadPng(fx: AffairsFixture, viewer: Identity, appId: string, materialId: string) {
  await listening(fx);
  const ticket = (
    await data<Record<string, { uploadUrl: string }>>(
      fx,
      UPLOAD,
      { id: appId, m: materialId, n: 'scan.png', t: 'image/png', s: PNG.length },
      viewer,
    )
  ).requestMaterialUpload!;
  const response = await fetch(ticket.uploadUrl, {
    method: 'PUT',
    body: PNG,
    headers: { 'content-type': 'image/png' },
  });
  expect(response.status).toBe(201);
}

/** An application of `code` by `viewer`, every required material provided, submitted and accepted. */
async function accepted(fx: AffairsFixture, viewer: Identity, code = 'MZ-004') {
  const item = (await fx.catalog.execute<{ serviceItemByCode: { id: string } }>(ITEM, { code })).data!
    .serviceItemByCode.id;
  let app = (await one(fx, START, { itemId: item }, viewer)).application!;
  for (const m of app.materials.filter((x) => x.required && !x.fromLicenceType))
    await uploadPng(fx, viewer, app.id, m.id);
  app = (await data<{ application: AppData }>(fx, GET, { id: app.id }, viewer)).application;
  const ids = app.materials.filter((m) => m.fromLicenceType && m.required).map((m) => m.id);
  // The applicant holds every licence the item asks for (the interim directory only knows the ID card).
  fx.licences[viewer.personId!] = app.materials
    .filter((m) => m.fromLicenceType && m.required)
    .map((m) => ({
      licenceId: `test:${m.fromLicenceType}`,
      typeCode: m.fromLicenceType!,
      status: 'VALID' as const,
      validUntil: null,
    }));
  app = (await one(fx, SAVE, { id: app.id, v: app.version, input: { useLicenceFor: ids } }, viewer))
    .application!;
  app = (await one(fx, ACT, { id: app.id, v: app.version, action: 'submit' }, viewer)).application!;
  return (await one(fx, ACT, { id: app.id, v: app.version, action: 'accept' }, MZ_STAFF)).application!;
}

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
});
