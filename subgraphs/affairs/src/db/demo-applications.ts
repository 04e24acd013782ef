import type { Identity } from '@bianmin/kit';
import { Application } from '../modules/application/application.entity.js';
import { staticColleagueDirectory } from '../modules/directories/colleague-directory.js';
import { createAffairsSubgraph, type AffairsDeps, type AffairsSubgraph } from '../server.js';

/** A demo account as identity's demo data defines it (scripts/platform.ts passes them in). */
export interface DemoPerson {
  accountId: string;
  personId: string;
  roles: string[];
  departmentCode: string | null;
}

export interface DemoPeople {
  /** 张小民, the demo resident who applies. */
  resident: DemoPerson;
  /** 李办事 and 王主管 of 民政局 (MZ), who handle. */
  staff: DemoPerson;
  supervisor: DemoPerson;
}

const DAY = 86_400_000;

/** A one-page PDF: what a scanned material looks like to the upload check. */
const DEMO_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

interface DemoApp {
  id: string;
  reference: string;
  version: number;
  materials: { id: string; name: string; required: boolean; fromLicenceType: string | null }[];
}

const FIELDS = 'id reference version materials { id name required fromLicenceType }';

/**
 * Demo applications on a fresh install, so that 我的办件 and the 民政局 workbench show what a
 * working department looks like: one finished and rated, one under review with an extension
 * waiting for the supervisor, one sent back for 补正, one waiting to be accepted, one overdue
 * (the SLA sweep escalates it on its first run) and a draft. They are made through the real API
 * as the demo people, on a clock set back to the days they happened, by a private instance of
 * the subgraph over the same database and file store — so every history step, outbox event,
 * notification and deadline is what the live system would have written. Skipped when the
 * database already has applications.
 */
export async function seedDemoApplications(
  deps: AffairsDeps,
  people: DemoPeople,
  now = Date.now(),
): Promise<{ created: number }> {
  if ((await deps.orm.em.fork().count(Application, {})) > 0) return { created: 0 };
  let clock = now;
  const at = (daysAgo: number, hour = 10) => {
    // Days before `now`, at `hour` o'clock China time on that day.
    const day = new Date(now - daysAgo * DAY + 8 * 3_600_000).toISOString().slice(0, 10);
    clock = Math.min(now - 60_000, Date.parse(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`));
  };
  const asIdentity = (p: DemoPerson): Identity => ({
    accountId: p.accountId,
    personId: p.personId,
    roles: p.roles,
    department: p.departmentCode ?? undefined,
    mfa: true,
  });
  const resident = asIdentity(people.resident);
  const staff = asIdentity(people.staff);
  const affairs: AffairsSubgraph = createAffairsSubgraph({
    ...deps,
    sharedOrm: true,
    now: () => clock,
    colleagues: staticColleagueDirectory({
      MZ: [people.staff, people.supervisor].map((p) => ({
        accountId: p.accountId,
        roles: p.roles,
        active: true,
      })),
    }),
  });
  const port = await affairs.listen(0, '127.0.0.1');
  affairs.services.publicUrl = `http://127.0.0.1:${port}`;

  const call = async <T>(query: string, variables: Record<string, unknown>, viewer: Identity): Promise<T> => {
    const result = await affairs.execute<Record<string, T>>(query, variables, viewer);
    const value = result.data ? Object.values(result.data)[0] : undefined;
    const failed = (value as { ok?: boolean; error?: unknown } | undefined)?.ok === false;
    if (result.errors?.length || !value || failed)
      throw new Error(`demo applications: ${JSON.stringify(result.errors ?? value)}`);
    return value;
  };
  let app!: DemoApp;
  const act = async (viewer: Identity, action: string, input?: object) => {
    app = (
      await call<{ application: DemoApp }>(
        `mutation ($id: ID!, $v: Int!, $a: String!, $in: ApplicationActionInput) {
          actOnApplication(id: $id, expectedVersion: $v, action: $a, input: $in) { ok error { code message } application { ${FIELDS} } } }`,
        { id: app.id, v: app.version, a: action, in: input },
        viewer,
      )
    ).application;
  };
  const reload = async () => {
    app = await call<DemoApp>(
      `query ($id: ID!) { application(id: $id) { ${FIELDS} } }`,
      { id: app.id },
      resident,
    );
  };
  /** Start an application for `catalogItemId`, provide every required material, optionally submit. */
  const apply = async (catalogItemId: string, submit = true) => {
    app = (
      await call<{ application: DemoApp }>(
        `mutation ($i: ID!) { startApplication(itemId: $i) { ok error { code message } application { ${FIELDS} } } }`,
        { i: catalogItemId },
        resident,
      )
    ).application;
    // Everyone holds a 居民身份证 licence (零材料); the rest are scanned and uploaded.
    const fromLicence = app.materials.filter((m) => m.required && m.fromLicenceType === 'RESIDENT_ID_CARD');
    app = (
      await call<{ application: DemoApp }>(
        `mutation ($id: ID!, $v: Int!, $l: [ID!]) { saveApplicationDraft(id: $id, expectedVersion: $v, input: { useLicenceFor: $l }) { ok error { code message } application { ${FIELDS} } } }`,
        { id: app.id, v: app.version, l: fromLicence.map((m) => m.id) },
        resident,
      )
    ).application;
    for (const material of app.materials.filter((m) => m.required && !fromLicence.includes(m))) {
      const ticket = await call<{ uploadUrl: string }>(
        `mutation ($id: ID!, $m: ID!, $n: String!, $s: Int!) { requestMaterialUpload(id: $id, materialId: $m, fileName: $n, contentType: "application/pdf", size: $s) { ok error { code message } uploadUrl } }`,
        { id: app.id, m: material.id, n: `${material.name}.pdf`, s: DEMO_PDF.length },
        resident,
      );
      const put = await fetch(ticket.uploadUrl, {
        method: 'PUT',
        body: DEMO_PDF,
        headers: { 'content-type': 'application/pdf' },
      });
      if (put.status !== 201) throw new Error(`demo applications: upload answered ${put.status}`);
    }
    await reload();
    if (submit) await act(resident, 'submit');
  };
  const itemIdOf = async (code: string): Promise<string> => {
    const found = await affairs.services.catalog.itemIdByCode(code);
    if (!found.ok || !found.id) throw new Error(`demo applications: the catalog has no ${code}`);
    return found.id;
  };
  const materialNamed = (fragment: string) => app.materials.find((m) => m.name.includes(fragment))!;
  const assignTo = async (who: DemoPerson, viewer: Identity) => {
    await call(
      `mutation ($items: [ApplicationVersionInput!]!, $to: ID) { assignApplications(items: $items, assigneeAccountId: $to) { ok error { code message } } }`,
      { items: [{ id: app.id, expectedVersion: app.version }], to: who.accountId },
      viewer,
    );
    await reload();
  };
  let created = 0;
  const scenario: [string, () => Promise<void>][] = [
    // 婚姻登记记录证明: done in a day, rated 非常满意.
    [
      'MZ-004',
      async () => {
        at(12, 9);
        await apply(await itemIdOf('MZ-004'));
        at(11, 10);
        await act(staff, 'accept');
        await act(staff, 'startReview');
        at(11, 15);
        await act(staff, 'approve', { comment: '经核查婚姻登记档案，准予出具证明。' });
        await act(staff, 'complete');
        at(10, 20);
        await call(
          `mutation ($id: ID!) { rateApplication(id: $id, input: { score: 5, satisfaction: 5, efficiency: 5, guideAccuracy: 5, convenience: 4, comment: "当天就办好了，不用跑腿。" }) { ok error { code message } } }`,
          { id: app.id },
          resident,
        );
      },
    ],
    // 临时救助: accepted, claimed by 李办事, under review; an extension waits for 王主管.
    [
      'MZ-009',
      async () => {
        at(7, 9);
        await apply(await itemIdOf('MZ-009'));
        at(6, 10);
        await assignTo(people.staff, staff);
        await act(staff, 'accept');
        at(5, 14);
        await act(staff, 'startReview');
        at(1, 16);
        await call(
          `mutation ($id: ID!, $v: Int!) { requestExtension(id: $id, expectedVersion: $v, workingDays: 5, reason: "需入户核查家庭经济状况，街道排期在下周。") { ok error { code message } } }`,
          { id: app.id, v: app.version },
          staff,
        );
      },
    ],
    // 最低生活保障: sent back for 补正 — the resident has something to do.
    [
      'MZ-006',
      async () => {
        at(4, 11);
        await apply(await itemIdOf('MZ-006'));
        at(3, 10);
        await act(staff, 'accept');
        at(2, 15);
        await act(staff, 'requestCorrection', {
          materialReasons: [
            {
              materialId: materialNamed('授权书').id,
              reason: '授权书缺少共同生活家庭成员的签名，请补签后重新上传。',
            },
          ],
        });
      },
    ],
    // 居家养老服务补贴: accepted long ago and still open — overdue; the SLA sweep escalates it.
    [
      'MZ-012',
      async () => {
        at(40, 9);
        await apply(await itemIdOf('MZ-012'));
        at(39, 10);
        await act(staff, 'accept');
        await act(staff, 'startReview');
      },
    ],
    // 基本殡葬服务费减免: submitted this morning, waiting in the pool to be accepted.
    [
      'MZ-014',
      async () => {
        at(0, 8);
        await apply(await itemIdOf('MZ-014'));
      },
    ],
    // 补领结婚证: a draft, materials partly ready.
    [
      'MZ-003',
      async () => {
        at(1, 21);
        await apply(await itemIdOf('MZ-003'), false);
      },
    ],
  ];
  try {
    for (const [, run] of scenario) {
      await run();
      created += 1;
    }
    return { created };
  } finally {
    await affairs.stop(1000);
  }
}
