import { describe, expect, it } from 'vitest';
import type { Identity } from '@bianmin/kit';
import { Account } from '../src/modules/account/account.entity.js';
import { PersonalDataAccess } from '../src/modules/personal-data/personal-data-access.entity.js';
import {
  ADMIN,
  AUDITOR,
  capturingLogger,
  data,
  drivers,
  RESIDENT,
  run,
  sessionOf,
  STAFF,
  SUPERVISOR,
  useIdentity,
} from './setup.js';

const REVEAL = `mutation ($p: ID!, $f: PersonalDataField!, $purpose: RevealPurposeInput!) {
  revealPersonalData(personId: $p, field: $f, purpose: $purpose) { ok error { code message field } field value } }`;
const REVEAL_MINE = `mutation ($f: PersonalDataField!) { revealMyPersonalData(field: $f) { ok error { code } value } }`;
const RECORD_FIELDS = `id at field purposeKind purposeReference accessorRole accessorDepartment { code name } self`;
const MY_LOG = `query ($first: Int, $after: String) { myDataAccessLog(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { ${RECORD_FIELDS} } } } }`;
const AUDIT = `query ($filter: DataAccessAuditFilter, $first: Int, $after: String) {
  dataAccessAudit(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor }
    edges { node { ${RECORD_FIELDS} personId accessorAccountId accessorRoles purposeNote requestId clientIp } } } }`;

type Reveal = {
  revealPersonalData: {
    ok: boolean;
    error: { code: string; message: string; field: string | null } | null;
    field: string | null;
    value: string | null;
  };
};
interface RecordNode {
  id: string;
  at: string;
  field: string;
  purposeKind: string;
  purposeReference: string | null;
  accessorRole: string | null;
  accessorDepartment: { code: string; name: string } | null;
  self: boolean;
  personId?: string;
  accessorAccountId?: string;
  accessorRoles?: string[];
  purposeNote?: string | null;
  requestId?: string;
  clientIp?: string | null;
}
interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage?: boolean; endCursor: string | null };
  edges: Array<{ cursor?: string; node: RecordNode }>;
}

const CASE = { kind: 'CASE_HANDLING', reference: 'SQ-2026-000123', note: '低保申请材料核对' };

describe.each(drivers)('staff reveal of personal data on %s', (driver) => {
  const logLines: string[] = [];
  const fx = useIdentity(driver, { log: () => capturingLogger(logLines) });
  const records = () => fx.identity.orm.em.fork().count(PersonalDataAccess, {});
  const rowsFor = (personId: string) =>
    fx.identity.orm.em
      .fork()
      .find(PersonalDataAccess, { personId }, { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });

  async function reveal(viewer: Identity, variables: Record<string, unknown>, request: { ip?: string } = {}) {
    return (await data<Reveal>(fx, REVEAL, variables, { viewer, request })).revealPersonalData;
  }

  it('reveals to department staff with a purpose, after writing exactly one complete record', async () => {
    const resident = await sessionOf(fx, RESIDENT);
    const staff = await sessionOf(fx, STAFF);
    const personId = resident.viewer.personId!;
    const before = await records();
    const result = await reveal(
      staff.viewer,
      { p: personId, f: 'ID_NUMBER', purpose: CASE },
      { ip: '203.0.113.7' },
    );
    expect(result).toEqual({ ok: true, error: null, field: 'ID_NUMBER', value: RESIDENT.person.idNumber });
    expect(await records()).toBe(before + 1);
    const [row] = await rowsFor(personId);
    expect(row).toMatchObject({
      personId,
      accessorAccountId: staff.account.id,
      accessorRoles: ['department-staff'],
      accessorRole: 'department-staff',
      accessorDepartment: 'MZ',
      accessorPersonId: staff.viewer.personId,
      field: 'ID_NUMBER',
      purposeKind: 'CASE_HANDLING',
      purposeReference: 'SQ-2026-000123',
      purposeNote: '低保申请材料核对',
      clientIp: '203.0.113.7',
    });
    expect(row!.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(Math.abs(new Date(row!.createdAt).getTime() - fx.clock.now())).toBeLessThan(5_000);

    // The person's profile read by staff stays masked; revealing is never a mode.
    const phone = await reveal(staff.viewer, {
      p: personId,
      f: 'PHONE',
      purpose: { kind: 'IDENTITY_CHECK', reference: '窗口-07' },
    });
    expect(phone).toMatchObject({ ok: true, value: '13800000001' });
    expect(await records()).toBe(before + 2);
    // Raw values never reach the logs, neither in the reveal nor anywhere else.
    expect(logLines.join('\n')).not.toContain(RESIDENT.person.idNumber);
    expect(logLines.join('\n')).not.toContain('13800000001');
    expect(logLines.some((line) => line.includes('personal-data-revealed'))).toBe(true);
  });

  it('lets a supervisor reveal too, recorded under the supervisor role', async () => {
    const resident = await sessionOf(fx, RESIDENT);
    const supervisor = await sessionOf(fx, SUPERVISOR);
    const result = await reveal(supervisor.viewer, {
      p: resident.viewer.personId,
      f: 'ADDRESS',
      purpose: { kind: 'LEGAL_REQUEST', reference: '(2026)云湖法协字第12号' },
    });
    expect(result).toMatchObject({ ok: true, value: RESIDENT.person.address });
    const [row] = await rowsFor(resident.viewer.personId!);
    expect(row).toMatchObject({
      accessorAccountId: supervisor.account.id,
      accessorRole: 'supervisor',
      purposeKind: 'LEGAL_REQUEST',
      purposeNote: null,
    });
  });

  it('refuses a reveal without a declared purpose, and writes nothing', async () => {
    const resident = await sessionOf(fx, RESIDENT);
    const staff = await sessionOf(fx, STAFF);
    const p = resident.viewer.personId;
    const before = await records();

    const missing = await run(fx, REVEAL, { p, f: 'ID_NUMBER', purpose: null }, { viewer: staff.viewer });
    expect(missing.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(missing.data ?? null).toBeNull();

    const blank = await reveal(staff.viewer, { p, f: 'ID_NUMBER', purpose: { ...CASE, reference: '   ' } });
    expect(blank).toMatchObject({
      ok: false,
      value: null,
      error: { code: 'BAD_USER_INPUT', field: 'purpose' },
    });
    const long = await reveal(staff.viewer, {
      p,
      f: 'ID_NUMBER',
      purpose: { ...CASE, reference: 'x'.repeat(65) },
    });
    expect(long.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'purpose.reference' });
    const note = await reveal(staff.viewer, {
      p,
      f: 'ID_NUMBER',
      purpose: { ...CASE, note: '说'.repeat(201) },
    });
    expect(note.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'purpose.note' });
    const unknown = await reveal(staff.viewer, { p: 'no-such-person', f: 'ID_NUMBER', purpose: CASE });
    expect(unknown).toMatchObject({
      ok: false,
      value: null,
      error: { code: 'NOT_FOUND', field: 'personId' },
    });
    expect(await records()).toBe(before);
  });

  it('refuses residents, administrators, auditors and staff without a second factor, and writes nothing', async () => {
    const resident = await sessionOf(fx, RESIDENT);
    const staff = await sessionOf(fx, STAFF);
    const admin = await sessionOf(fx, ADMIN);
    const auditor = await sessionOf(fx, AUDITOR);
    const before = await records();

    const asResident = await reveal(resident.viewer, {
      p: staff.viewer.personId,
      f: 'ID_NUMBER',
      purpose: CASE,
    });
    expect(asResident).toMatchObject({ ok: false, value: null, error: { code: 'FORBIDDEN' } });
    for (const viewer of [admin.viewer, auditor.viewer]) {
      const refused = await reveal(viewer, { p: resident.viewer.personId, f: 'ID_NUMBER', purpose: CASE });
      expect(refused).toMatchObject({ ok: false, value: null, error: { code: 'FORBIDDEN' } });
    }
    const noMfa = await reveal(
      { ...staff.viewer, mfa: false },
      { p: resident.viewer.personId, f: 'ID_NUMBER', purpose: CASE },
    );
    expect(noMfa).toMatchObject({ ok: false, value: null, error: { code: 'FORBIDDEN' } });
    // A token that still says department-staff for an account that is now also an auditor.
    const em = fx.identity.orm.em.fork();
    await em.nativeUpdate(Account, { id: staff.account.id }, { roles: ['department-staff', 'auditor'] });
    try {
      const dual = await reveal(staff.viewer, { p: resident.viewer.personId, f: 'ID_NUMBER', purpose: CASE });
      expect(dual).toMatchObject({ ok: false, value: null, error: { code: 'FORBIDDEN' } });
    } finally {
      await em.nativeUpdate(Account, { id: staff.account.id }, { roles: ['department-staff'] });
    }
    expect(await records()).toBe(before);
  });

  it('reveals nothing when the access record cannot be written', async () => {
    const resident = await sessionOf(fx, RESIDENT);
    const staff = await sessionOf(fx, STAFF);
    const table = driver === 'postgresql' ? '"identity"."personal_data_access"' : '`personal_data_access`';
    const moved = driver === 'postgresql' ? '"identity"."audit_offline"' : '`audit_offline`';
    const connection = fx.identity.orm.em.fork().getConnection();
    const before = await records();
    logLines.length = 0;
    // The audit store goes away for real: the table is renamed in this test's own database.
    await connection.execute(
      `alter table ${table} rename to ${driver === 'postgresql' ? '"audit_offline"' : '`audit_offline`'}`,
    );
    try {
      const result = await reveal(staff.viewer, {
        p: resident.viewer.personId,
        f: 'ID_NUMBER',
        purpose: CASE,
      });
      expect(result).toMatchObject({ ok: false, value: null, field: null, error: { code: 'UNAVAILABLE' } });
      const mine = (
        await data<{ revealMyPersonalData: { ok: boolean; error: { code: string }; value: string | null } }>(
          fx,
          REVEAL_MINE,
          { f: 'PHONE' },
          { viewer: resident.viewer },
        )
      ).revealMyPersonalData;
      expect(mine).toMatchObject({ ok: false, value: null, error: { code: 'UNAVAILABLE' } });
    } finally {
      await connection.execute(
        `alter table ${moved} rename to ${driver === 'postgresql' ? '"personal_data_access"' : '`personal_data_access`'}`,
      );
    }
    expect(await records()).toBe(before);
    expect(logLines.some((line) => line.includes('personal-data-access-record-failed'))).toBe(true);
    expect(logLines.join('\n')).not.toContain(RESIDENT.person.idNumber);
  });

  it('keeps access records append-only', async () => {
    const resident = await sessionOf(fx, RESIDENT);
    const staff = await sessionOf(fx, STAFF);
    await reveal(staff.viewer, { p: resident.viewer.personId, f: 'ID_NUMBER', purpose: CASE });
    const [row] = await rowsFor(resident.viewer.personId!);
    const em = fx.identity.orm.em.fork();
    await expect(
      em.nativeUpdate(PersonalDataAccess, { id: row!.id }, { purposeNote: 'changed' }),
    ).rejects.toThrow(/append-only/);
    await expect(em.nativeDelete(PersonalDataAccess, { id: row!.id })).rejects.toThrow(/append-only/);
    expect((await rowsFor(resident.viewer.personId!))[0]).toMatchObject({
      id: row!.id,
      purposeNote: CASE.note,
    });
  });

  it('writes one record per reveal when reveals run at the same time', async () => {
    const resident = await sessionOf(fx, RESIDENT);
    const staff = await sessionOf(fx, STAFF);
    const before = await records();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        reveal(staff.viewer, {
          p: resident.viewer.personId,
          f: i % 2 ? 'PHONE' : 'ID_NUMBER',
          purpose: { ...CASE, reference: `SQ-2026-${String(i).padStart(6, '0')}` },
        }),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await records()).toBe(before + 12);
    const rows = await fx.identity.orm.em
      .fork()
      .find(PersonalDataAccess, { purposeReference: { $like: 'SQ-2026-0000%' } });
    const references = new Set(rows.map((r) => r.purposeReference));
    expect(references.size).toBe(12);
    expect(new Set(rows.map((r) => r.requestId)).size).toBe(rows.length);
  });

  it('shows the person who looked at their data: role, department and purpose, not the staff member', async () => {
    const resident = await sessionOf(fx, RESIDENT);
    const staff = await sessionOf(fx, STAFF);
    await reveal(staff.viewer, {
      p: resident.viewer.personId,
      f: 'ADDRESS',
      purpose: { kind: 'IDENTITY_CHECK', reference: 'LATEST-1' },
    });
    await data(fx, REVEAL_MINE, { f: 'ID_NUMBER' }, { viewer: resident.viewer });
    const total = await fx.identity.orm.em
      .fork()
      .count(PersonalDataAccess, { personId: resident.viewer.personId! });

    const first = (
      await data<{ myDataAccessLog: Page }>(fx, MY_LOG, { first: 2 }, { viewer: resident.viewer })
    ).myDataAccessLog;
    expect(first.totalCount).toBe(total);
    expect(first.edges.map((e) => e.node)).toMatchObject([
      { field: 'ID_NUMBER', purposeKind: 'SELF', self: true, accessorRole: null, purposeReference: null },
      {
        field: 'ADDRESS',
        purposeKind: 'IDENTITY_CHECK',
        purposeReference: 'LATEST-1',
        accessorRole: 'department-staff',
        accessorDepartment: { code: 'MZ', name: expect.stringContaining('民政') },
        self: false,
      },
    ]);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

    // Walk every page: newest first, none repeated, none skipped.
    const seen = first.edges.map((e) => e.node.id);
    let after = first.pageInfo.endCursor;
    for (let guard = 0; after && guard < 50; guard++) {
      const page = (
        await data<{ myDataAccessLog: Page }>(fx, MY_LOG, { first: 5, after }, { viewer: resident.viewer })
      ).myDataAccessLog;
      seen.push(...page.edges.map((e) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);

    // Who the staff member is stays with the auditors.
    const nosy = await run(
      fx,
      `{ myDataAccessLog { edges { node { accessorAccountId } } } }`,
      {},
      {
        viewer: resident.viewer,
      },
    );
    expect(nosy.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const badCursor = await run(fx, MY_LOG, { after: 'bm9wZQ' }, { viewer: resident.viewer });
    expect(badCursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const anonymous = await run(fx, MY_LOG, {});
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // The staff member's own log does not show the resident's records.
    const staffLog = (await data<{ myDataAccessLog: Page }>(fx, MY_LOG, {}, { viewer: staff.viewer }))
      .myDataAccessLog;
    expect(staffLog.edges.every((e) => e.node.self)).toBe(true);
  });

  it('gives auditors the whole trail, and refuses administrators', async () => {
    const resident = await sessionOf(fx, RESIDENT);
    const staff = await sessionOf(fx, STAFF);
    const auditor = await sessionOf(fx, AUDITOR);
    const admin = await sessionOf(fx, ADMIN);
    const from = new Date(fx.clock.now() - 1000).toISOString();
    await reveal(
      staff.viewer,
      { p: resident.viewer.personId, f: 'PHONE', purpose: { ...CASE, reference: 'AUDIT-ME' } },
      { ip: '198.51.100.23' },
    );

    const trail = (
      await data<{ dataAccessAudit: Page }>(
        fx,
        AUDIT,
        { filter: { personId: resident.viewer.personId, accountId: staff.account.id, from } },
        { viewer: auditor.viewer },
      )
    ).dataAccessAudit;
    expect(trail.totalCount).toBe(1);
    expect(trail.edges[0]!.node).toMatchObject({
      field: 'PHONE',
      purposeKind: 'CASE_HANDLING',
      purposeReference: 'AUDIT-ME',
      purposeNote: CASE.note,
      personId: resident.viewer.personId,
      accessorAccountId: staff.account.id,
      accessorRoles: ['department-staff'],
      accessorRole: 'department-staff',
      clientIp: '198.51.100.23',
      self: false,
    });
    const everything = (
      await data<{ dataAccessAudit: Page }>(fx, AUDIT, { first: 50 }, { viewer: auditor.viewer })
    ).dataAccessAudit;
    expect(everything.totalCount).toBe(await records());
    const future = new Date(fx.clock.now() + 3_600_000).toISOString();
    const none = (
      await data<{ dataAccessAudit: Page }>(
        fx,
        AUDIT,
        { filter: { from: future } },
        { viewer: auditor.viewer },
      )
    ).dataAccessAudit;
    expect(none.totalCount).toBe(0);

    for (const viewer of [admin.viewer, staff.viewer, resident.viewer, { ...auditor.viewer, mfa: false }]) {
      const refused = await run(fx, AUDIT, {}, { viewer });
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(refused.data ?? null).toBeNull();
    }
    const badTime = await run(fx, AUDIT, { filter: { from: 'yesterday' } }, { viewer: auditor.viewer });
    expect(badTime.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.from' });
    const backwards = await run(
      fx,
      AUDIT,
      { filter: { from: future, to: from } },
      { viewer: auditor.viewer },
    );
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.from' });
  });
});
