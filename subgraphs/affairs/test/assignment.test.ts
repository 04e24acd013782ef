import { describe, expect, it } from 'vitest';
import { ApplicationEvent } from '../src/modules/application/application.entity.js';
import { accepted, APP, applicant, ERROR, GET, type AppData } from './flows.js';
import {
  data,
  drivers,
  GA_STAFF,
  MZ_STAFF,
  MZ_STAFF_2,
  MZ_STAFF_LEFT,
  MZ_SUPERVISOR,
  RESIDENT,
  useAffairs,
  type AffairsFixture,
} from './setup.js';
import type { Identity } from '@bianmin/kit';

const ASSIGN = `mutation ($items: [ApplicationVersionInput!]!, $to: ID) {
  assignApplications(items: $items, assigneeAccountId: $to) {
    ok ${ERROR} results { id ok ${ERROR} application { ${APP} } }
  }
}`;
const HISTORY = `query ($id: ID!) { application(id: $id) {
  assignee { accountId }
  history { action actorKind actor { accountId } assignee { accountId } }
} }`;

interface AssignData {
  assignApplications: {
    ok: boolean;
    error: { code: string; field: string | null } | null;
    results: { id: string; ok: boolean; error: { code: string } | null; application: AppData | null }[];
  };
}

const assign = async (
  fx: AffairsFixture,
  apps: AppData[],
  to: string | null,
  viewer: Identity,
): Promise<AssignData['assignApplications']> =>
  (
    await data<AssignData>(
      fx,
      ASSIGN,
      { items: apps.map((a) => ({ id: a.id, expectedVersion: a.version })), to },
      viewer,
    )
  ).assignApplications;

const reload = async (fx: AffairsFixture, app: AppData) =>
  (await data<{ application: AppData }>(fx, GET, { id: app.id }, MZ_SUPERVISOR)).application;

describe.each(drivers)('assignment (分派) on %s', (driver) => {
  const fx = useAffairs(driver);

  it('lets a supervisor assign several applications to a colleague at once, recorded in the history', async () => {
    const apps = [await accepted(fx, applicant()), await accepted(fx, applicant())];
    const outcome = await assign(fx, apps, MZ_STAFF_2.accountId, MZ_SUPERVISOR);
    expect(outcome).toMatchObject({ ok: true, error: null });
    expect(outcome.results.map((r) => r.id)).toEqual(apps.map((a) => a.id));
    for (const result of outcome.results) {
      expect(result.application).toMatchObject({
        assigneeAccountId: MZ_STAFF_2.accountId,
        assignedToMe: false,
      });
    }
    const seen = await data<{
      application: {
        assignee: { accountId: string };
        history: {
          action: string;
          actor: { accountId: string } | null;
          assignee: { accountId: string } | null;
        }[];
      };
    }>(fx, HISTORY, { id: apps[0]!.id }, MZ_STAFF_2);
    expect(seen.application.assignee).toEqual({ accountId: MZ_STAFF_2.accountId });
    expect(seen.application.history.at(-1)).toMatchObject({
      action: 'assign',
      actor: { accountId: MZ_SUPERVISOR.accountId },
      assignee: { accountId: MZ_STAFF_2.accountId },
    });
    // The accepting step names the member of staff who took it.
    expect(seen.application.history.find((s) => s.action === 'accept')?.actor).toEqual({
      accountId: MZ_STAFF.accountId,
    });
  });

  it('shows the applicant no staff identities', async () => {
    const resident = applicant();
    const app = await accepted(fx, resident);
    await assign(fx, [app], MZ_STAFF.accountId, MZ_SUPERVISOR);
    const seen = await data<{
      application: { assignee: unknown; history: { actor: unknown; assignee: unknown }[] };
    }>(fx, HISTORY, { id: app.id }, resident);
    expect(seen.application.assignee).toBeNull();
    expect(seen.application.history.every((s) => s.actor === null && s.assignee === null)).toBe(true);
  });

  it('lets a supervisor take an application from one colleague and give it to another', async () => {
    const app = await accepted(fx, applicant());
    const first = (await assign(fx, [app], MZ_STAFF.accountId, MZ_SUPERVISOR)).results[0]!.application!;
    const second = await assign(fx, [first], MZ_STAFF_2.accountId, MZ_SUPERVISOR);
    expect(second.results[0]!.application!.assigneeAccountId).toBe(MZ_STAFF_2.accountId);
    const pooled = await assign(fx, [second.results[0]!.application!], null, MZ_SUPERVISOR);
    expect(pooled.results[0]!.application!.assigneeAccountId).toBeNull();
  });

  it('lets staff claim unclaimed applications in bulk, but not assign others or take a colleague’s', async () => {
    const apps = [await accepted(fx, applicant()), await accepted(fx, applicant())];
    const taken = (await assign(fx, [apps[0]!], MZ_STAFF_2.accountId, MZ_SUPERVISOR)).results[0]!
      .application!;
    const outcome = await assign(fx, [taken, apps[1]!], MZ_STAFF.accountId, MZ_STAFF);
    expect(outcome.ok).toBe(false);
    expect(outcome.results[0]).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(outcome.results[1]!.application).toMatchObject({ assigneeAccountId: MZ_STAFF.accountId });
    expect((await reload(fx, taken)).assigneeAccountId).toBe(MZ_STAFF_2.accountId);

    const refused = await assign(fx, [apps[1]!], MZ_STAFF_2.accountId, MZ_STAFF);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', field: 'assigneeAccountId' },
      results: [],
    });
    // Staff release only their own.
    const notMine = await assign(fx, [taken], null, MZ_STAFF);
    expect(notMine.results[0]).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('refuses assignees who are not active colleagues, and bad requests, changing nothing', async () => {
    const app = await accepted(fx, applicant());
    const cases: [string | null, Identity, string, string | null][] = [
      [GA_STAFF.accountId, MZ_SUPERVISOR, 'FORBIDDEN', 'assigneeAccountId'],
      [MZ_STAFF_LEFT.accountId, MZ_SUPERVISOR, 'FORBIDDEN', 'assigneeAccountId'],
      [RESIDENT.accountId, MZ_SUPERVISOR, 'FORBIDDEN', 'assigneeAccountId'],
    ];
    for (const [to, viewer, code, field] of cases) {
      expect(await assign(fx, [app], to, viewer)).toMatchObject({
        ok: false,
        error: { code, field },
        results: [],
      });
    }
    expect(await assign(fx, [], MZ_STAFF.accountId, MZ_SUPERVISOR)).toMatchObject({
      error: { code: 'BAD_USER_INPUT', field: 'items' },
    });
    expect(await assign(fx, [app, app], MZ_STAFF.accountId, MZ_SUPERVISOR)).toMatchObject({
      error: { code: 'BAD_USER_INPUT', field: 'items' },
    });
    const tooMany = Array.from({ length: 51 }, (_, i) => ({ ...app, id: `${app.id.slice(0, -2)}${i}` }));
    expect(await assign(fx, tooMany, MZ_STAFF.accountId, MZ_SUPERVISOR)).toMatchObject({
      error: { code: 'BAD_USER_INPUT', field: 'items' },
    });
    fx.colleagues.state.down = true;
    try {
      expect(await assign(fx, [app], MZ_STAFF.accountId, MZ_SUPERVISOR)).toMatchObject({
        error: { code: 'UNAVAILABLE', field: 'assigneeAccountId' },
      });
    } finally {
      fx.colleagues.state.down = false;
    }
    const after = await reload(fx, app);
    expect(after).toMatchObject({ version: app.version, assigneeAccountId: null });
    const steps = await fx.affairs.orm.em
      .fork()
      .count(ApplicationEvent, { applicationId: app.id, action: 'assign' });
    expect(steps).toBe(0);
  });

  it('refuses each application on its own: another department’s, a stale version, unknown ids', async () => {
    const mine = await accepted(fx, applicant());
    const stale = await accepted(fx, applicant());
    await assign(fx, [stale], MZ_STAFF.accountId, MZ_SUPERVISOR);
    const outcome = await assign(
      fx,
      [mine, stale, { ...mine, id: '00000000-0000-4000-8000-00000000ffff' }],
      MZ_STAFF_2.accountId,
      MZ_SUPERVISOR,
    );
    expect(outcome.ok).toBe(false);
    expect(outcome.results.map((r) => r.error?.code ?? 'OK')).toEqual(['OK', 'CONFLICT', 'NOT_FOUND']);
    const ga = await assign(fx, [mine], GA_STAFF.accountId, GA_STAFF);
    expect(ga.results[0]).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await reload(fx, mine)).assigneeAccountId).toBe(MZ_STAFF_2.accountId);
  });

  it('lets exactly one of two supervisors’ concurrent assignments win', async () => {
    const app = await accepted(fx, applicant());
    const other = { ...MZ_SUPERVISOR, accountId: MZ_STAFF_2.accountId, roles: ['supervisor'] };
    const [a, b] = await Promise.all([
      assign(fx, [app], MZ_STAFF.accountId, MZ_SUPERVISOR),
      assign(fx, [app], MZ_STAFF_2.accountId, other),
    ]);
    const outcomes = [a.results[0]!, b.results[0]!];
    expect(outcomes.filter((r) => r.ok)).toHaveLength(1);
    expect(outcomes.find((r) => !r.ok)!.error!.code).toBe('CONFLICT');
    const winner = outcomes.find((r) => r.ok)!.application!.assigneeAccountId;
    expect((await reload(fx, app)).assigneeAccountId).toBe(winner);
  });
});
