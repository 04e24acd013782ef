import { describe, expect, it } from 'vitest';
import { runSlaSweep, seedDemoApplications, type DemoPerson } from '../src/server.js';
import { data, drivers, MZ_STAFF, MZ_SUPERVISOR, RESIDENT, useAffairs } from './setup.js';

const person = (who: typeof RESIDENT): DemoPerson => ({
  accountId: who.accountId!,
  personId: who.personId!,
  roles: who.roles,
  departmentCode: who.department ?? null,
});

describe.each(drivers)('demo applications on %s', (driver) => {
  const fx = useAffairs(driver);

  it('makes a working department’s day through the real API, once', async () => {
    const deps = {
      orm: fx.affairs.orm,
      catalog: fx.affairs.services.catalog,
      licences: fx.affairs.services.licences,
      applicants: fx.affairs.services.applicants,
      files: fx.affairs.services.files,
    };
    const people = { resident: person(RESIDENT), staff: person(MZ_STAFF), supervisor: person(MZ_SUPERVISOR) };
    const now = fx.clock.now();
    expect(await seedDemoApplications(deps, people, now)).toEqual({ created: 6 });
    expect(await seedDemoApplications(deps, people, now)).toEqual({ created: 0 });

    const mine = await data<{
      myApplications: {
        edges: {
          node: {
            terms: { itemCode: string };
            state: string;
            rating: { score: number } | null;
            materials: { fileCount: number; source: string; required: boolean }[];
          };
        }[];
      };
    }>(
      fx,
      `{ myApplications(first: 50) { edges { node { terms { itemCode } state rating { score } materials { fileCount source required } } } } }`,
      {},
      RESIDENT,
    );
    const byItem = Object.fromEntries(mine.myApplications.edges.map((e) => [e.node.terms.itemCode, e.node]));
    expect(Object.fromEntries(Object.entries(byItem).map(([code, app]) => [code, app.state]))).toEqual({
      'MZ-004': 'COMPLETED',
      'MZ-009': 'UNDER_REVIEW',
      'MZ-006': 'RETURNED',
      'MZ-012': 'UNDER_REVIEW',
      'MZ-014': 'SUBMITTED',
      'MZ-003': 'DRAFT',
    });
    expect(byItem['MZ-004']!.rating).toEqual({ score: 5 });
    // Uploaded materials are real files in the store.
    expect(
      byItem['MZ-009']!.materials.filter((m) => m.source === 'UPLOAD' && m.required).every(
        (m) => m.fileCount === 1,
      ),
    ).toBe(true);

    const inbox = await data<{
      applicationInbox: {
        edges: {
          node: {
            terms: { itemCode: string };
            deadline: { status: string } | null;
            extension: { status: string } | null;
            assignee: { accountId: string } | null;
          };
        }[];
      };
    }>(
      fx,
      `{ applicationInbox(first: 50) { edges { node { terms { itemCode } deadline { status } extension { status } assignee { accountId } } } } }`,
      {},
      MZ_SUPERVISOR,
    );
    const work = Object.fromEntries(inbox.applicationInbox.edges.map((e) => [e.node.terms.itemCode, e.node]));
    expect(work['MZ-012']!.deadline!.status).toBe('OVERDUE');
    expect(work['MZ-009']).toMatchObject({
      extension: { status: 'REQUESTED' },
      assignee: { accountId: MZ_STAFF.accountId },
    });
    // The SLA sweep finds the overdue one, as it will on the platform's first run.
    expect((await runSlaSweep(fx.affairs.orm.em.fork(), fx.affairs.services)).escalated).toBe(1);
  });
});
