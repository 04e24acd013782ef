import { describe, expect, it } from 'vitest';
import type { Identity } from '@bianmin/kit';
import { random } from '@bianmin/catalog/synthetic';
import {
  fetchItemTerms,
  loadApplications,
  planApplications,
  type ApplicationPlan,
  type ItemTerms,
} from '../src/db/bulk.js';
import { ACT } from './flows.js';
import { data, drivers, MZ_STAFF, MZ_SUPERVISOR, OTHER_RESIDENT, RESIDENT, useAffairs } from './setup.js';

const MINE = `{ myApplications(first: 50) {
  totalCount edges { node { id reference state version deadline { dueAt } history { action actorKind } } }
} }`;
const INBOX = `{ applicationInbox(first: 50) { totalCount edges { node { id state version } } } }`;

interface Mine {
  myApplications: {
    totalCount: number;
    edges: {
      node: {
        id: string;
        reference: string;
        state: string;
        version: number;
        deadline: { dueAt: string } | null;
        history: { action: string; actorKind: string }[];
      };
    }[];
  };
}

describe.each(drivers)('a bulk-loaded history of applications on %s', (driver) => {
  const fx = useAffairs(driver);
  let plans: ApplicationPlan[];
  let terms: ItemTerms[];
  const handler = (who: Identity) => ({ accountId: who.accountId!, roles: who.roles });

  it('loads 60 applications for 民政局 items, replayed through the workflow engine', async () => {
    const ids = [];
    for (const code of ['MZ-004', 'MZ-006', 'MZ-009', 'MZ-012', 'MZ-014']) {
      const found = await fx.affairs.services.catalog.itemIdByCode(code);
      ids.push(found.ok ? found.id! : '');
    }
    terms = await fetchItemTerms(fx.affairs.services.catalog, ids);
    const now = new Date(fx.clock.now());
    plans = planApplications({
      count: 60,
      items: terms,
      applicants: [RESIDENT, OTHER_RESIDENT].map((who) => ({
        personId: who.personId!,
        accountId: who.accountId!,
        licences: { RESIDENT_ID_CARD: '00000000-0000-4000-8000-00000000c0de' },
      })),
      handlers: new Map([['MZ', [handler(MZ_STAFF), handler(MZ_SUPERVISOR)]]]),
      now,
      random: random(3),
    });
    const loaded = await loadApplications(fx.affairs.orm, { plans, terms, now });
    expect(loaded.applications).toBe(60);
    expect(loaded.events).toBe(plans.reduce((n, p) => n + 1 + p.steps.length, 0));
    expect(loaded.announced).toHaveLength(plans.filter((p) => p.steps.length > 0).length);
  });

  it('shows the applicant every step of each application, in order', async () => {
    const { myApplications } = await data<Mine>(fx, MINE, {}, RESIDENT);
    const mine = plans.filter((p) => p.personId === RESIDENT.personId);
    expect(myApplications.totalCount).toBe(mine.length);
    for (const { node } of myApplications.edges) {
      const plan = mine.find((p) => p.id === node.id)!;
      expect(node.reference).toBe(plan.reference);
      expect(node.history.map((h) => h.action)).toEqual(['create', ...plan.steps.map((s) => s.action)]);
      // Started (1), saved (2), then one version per step.
      expect(node.version).toBe(2 + plan.steps.length);
    }
  });

  it('stores the deadline affairs computes for a case under way', async () => {
    const { myApplications } = await data<Mine>(fx, MINE, {}, OTHER_RESIDENT);
    const running = myApplications.edges.filter((e) => ['ACCEPTED', 'UNDER_REVIEW'].includes(e.node.state));
    expect(running.length).toBeGreaterThan(0);
    for (const { node } of running) {
      const stored = await fx.affairs.orm.em.fork().findOneOrFail('Application', { id: node.id });
      expect((stored as { dueAt: Date }).dueAt.toISOString()).toBe(node.deadline!.dueAt);
    }
  });

  it("puts the open cases in the department's inbox, where staff take them on", async () => {
    const { applicationInbox } = await data<{
      applicationInbox: {
        totalCount: number;
        edges: { node: { id: string; state: string; version: number } }[];
      };
    }>(fx, INBOX, {}, MZ_SUPERVISOR);
    expect(applicationInbox.totalCount).toBeGreaterThan(0);
    const next = applicationInbox.edges.find(
      (e) => e.node.state === 'SUBMITTED' || e.node.state === 'ACCEPTED',
    );
    expect(next).toBeDefined();
    const action = next!.node.state === 'SUBMITTED' ? 'accept' : 'startReview';
    const acted = await data<{ actOnApplication: { ok: boolean; error: unknown } }>(
      fx,
      ACT,
      { id: next!.node.id, v: next!.node.version, action },
      MZ_STAFF,
    );
    expect(acted.actOnApplication).toMatchObject({ ok: true, error: null });
  });

  it('refuses a plan the workflow does not allow, and writes nothing of its batch', async () => {
    const bad: ApplicationPlan = {
      ...plans.find((p) => p.steps[0]?.action === 'submit')!,
      id: '00000000-0000-4000-8000-00000000bad1',
      reference: 'BM20261130BAD001',
    };
    bad.steps = [bad.steps[0]!, { ...bad.steps[0]!, action: 'approve', actors: ['STAFF'] }];
    await expect(
      loadApplications(fx.affairs.orm, { plans: [bad], terms, now: new Date(fx.clock.now()) }),
    ).rejects.toThrow(/approve from SUBMITTED refused/);
    expect(await fx.affairs.orm.em.fork().count('Application', { id: bad.id })).toBe(0);
  });
});
