import { randomInt, randomUUID } from 'node:crypto';
import { Secret } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createLogger,
  InProcessBus,
  ProcessedEvent,
  type BusEvent,
  type Identity,
  type Subscription,
} from '@bianmin/kit';
import { Account } from '../src/modules/account/account.entity.js';
import { newAccount } from '../src/modules/account/new-account.js';
import { CaseFile } from '../src/modules/case-file/case-file.entity.js';
import { PersonalDataAccess } from '../src/modules/personal-data/personal-data-access.entity.js';
import { checkCharacter } from '../src/modules/person/id-number.js';
import { Person } from '../src/modules/person/person.entity.js';
import { CASE_FILE_CONSUMER, startCaseFileConsumer } from '../src/server.js';
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
  type IdentityFixture,
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

const DAY = 86_400_000;
/** The resident's open 低保 application at 民政 (MZ), which most reveals below are for. */
const CASE = { kind: 'CASE_HANDLING', reference: 'YH20261129A7K3Q2', note: '低保申请材料核对' };
const NOT_YOURS = {
  zh: '该办件不属于您所在部门，或不是此人的办件',
  en: "This case is not handled by your department, or is not this person's case.",
};

interface CaseRef {
  applicationId: string;
  reference: string;
  personId: string;
  departmentCode: string;
}

/** The standard workflow's main path as affairs announces it; the history's step 1 (create) is not announced. */
const MAIN_PATH = [
  { action: 'submit', fromState: 'DRAFT', toState: 'SUBMITTED' },
  { action: 'accept', fromState: 'SUBMITTED', toState: 'ACCEPTED' },
  { action: 'startReview', fromState: 'ACCEPTED', toState: 'UNDER_REVIEW' },
  { action: 'approve', fromState: 'UNDER_REVIEW', toState: 'APPROVED' },
  { action: 'complete', fromState: 'APPROVED', toState: 'COMPLETED' },
] as const;
type StepName = (typeof MAIN_PATH)[number]['action'];
const seqOf = (action: StepName) => MAIN_PATH.findIndex((s) => s.action === action) + 2;

const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** 办件编号 in affairs' format: YH + date + 6 characters. */
const newReference = () =>
  `YH20261129${Array.from({ length: 6 }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]).join('')}`;

const newCase = (personId: string, departmentCode = 'MZ', reference = newReference()): CaseRef => ({
  applicationId: randomUUID(),
  reference,
  personId,
  departmentCode,
});

/** One `affairs.application.<action>` event, shaped as the affairs outbox publishes it. */
function stepEvent(c: CaseRef, action: StepName, at: number): BusEvent {
  const step = MAIN_PATH.find((s) => s.action === action)!;
  const iso = new Date(at).toISOString();
  return {
    id: randomUUID(),
    topic: `affairs.application.${action.toLowerCase()}`,
    key: c.applicationId,
    payload: {
      applicationId: c.applicationId,
      reference: c.reference,
      personId: c.personId,
      itemId: '5d2c1e0a-0000-4000-a000-000000000001',
      itemCode: 'mz-zdshbz',
      departmentCode: c.departmentCode,
      action: step.action,
      fromState: step.fromState,
      toState: step.toState,
      actorKind: action === 'submit' ? 'APPLICANT' : 'STAFF',
      seq: seqOf(action),
      at: iso,
    },
    headers: {},
    occurredAt: iso,
  };
}

/** A member of 公安 (GA), with TOTP, to act on 民政's cases. */
const GA_STAFF = {
  username: 'gongan-test',
  phone: '13800000021',
  password: 'Yunhu#Police2026',
  roles: ['department-staff'],
  departmentCode: 'GA',
  totpSecret: new Secret({ size: 20 }).base32,
  person: {
    name: '孙民警',
    idNumber: `33990219870412351${checkCharacter('33990219870412351')}`,
    address: '云湖市西城区西溪街道西溪花园2幢302室',
    communityCode: '33990201001001',
  },
};

async function createGaStaff(fx: IdentityFixture) {
  const id = randomUUID();
  const personId = randomUUID();
  const at = new Date();
  const em = fx.identity.orm.em.fork();
  await em.insert(Person, {
    id: personId,
    name: GA_STAFF.person.name,
    idType: 'RESIDENT_ID_CARD',
    idNumber: GA_STAFF.person.idNumber,
    phone: GA_STAFF.phone,
    address: GA_STAFF.person.address,
    dateOfBirth: '1987-04-12',
    communityCode: GA_STAFF.person.communityCode,
    createdAt: at,
    updatedAt: at,
    anonymisedAt: null,
  });
  await em.insert(
    Account,
    newAccount({
      id,
      username: GA_STAFF.username,
      phone: GA_STAFF.phone,
      passwordHash: await fx.identity.services.hasher.hash(GA_STAFF.password),
      roles: GA_STAFF.roles,
      departmentCode: GA_STAFF.departmentCode,
      personId,
      at,
      totpSecret: fx.secretBox.seal(GA_STAFF.totpSecret, id),
    }),
  );
}

describe.each(drivers)('staff reveal of personal data on %s', (driver) => {
  const logLines: string[] = [];
  const fx = useIdentity(driver, { log: () => capturingLogger(logLines) });
  const records = () => fx.identity.orm.em.fork().count(PersonalDataAccess, {});
  const rowsFor = (personId: string) =>
    fx.identity.orm.em
      .fork()
      .find(PersonalDataAccess, { personId }, { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });

  async function reveal(
    viewer: Identity,
    variables: Record<string, unknown>,
    request: { ip?: string } = {},
    locale?: 'en' | 'zh-CN',
  ) {
    return (await data<Reveal>(fx, REVEAL, variables, { viewer, request, locale })).revealPersonalData;
  }

  // Cases reach identity as they will in production: affairs events on a bus, through the consumer.
  // duplicateWindowMs 0: the bus passes a repeated id on (as after a lost ack), so the consumer's
  // own idempotency is what the tests see; a retried delivery comes back at once.
  const consumerLog: string[] = [];
  let bus: InProcessBus;
  let consumer: Subscription;
  let residentId: string;
  let residentCase: CaseRef;
  beforeAll(async () => {
    bus = new InProcessBus({ log: createLogger('bus', 'silent'), duplicateWindowMs: 0, backoff: () => 10 });
    consumer = await startCaseFileConsumer({ orm: fx.identity.orm, bus, log: capturingLogger(consumerLog) });
    const em = fx.identity.orm.em.fork();
    residentId = (await em.findOneOrFail(Person, { idNumber: RESIDENT.person.idNumber })).id;
    residentCase = await openCase(newCase(residentId, 'MZ', CASE.reference));
    await createGaStaff(fx);
  });
  afterAll(async () => {
    await consumer?.close();
    await bus?.close();
  });

  const caseFile = (applicationId: string) => fx.identity.orm.em.fork().findOne(CaseFile, { applicationId });

  /** Publish the steps, then wait (polling, bounded) until the projection shows the last of them. */
  async function publishSteps(c: CaseRef, actions: StepName[], at = fx.clock.now()) {
    for (const action of actions) await bus.publish(stepEvent(c, action, at));
    const last = Math.max(...actions.map(seqOf));
    await vi.waitUntil(async () => (await caseFile(c.applicationId))?.lastSeq === last, {
      timeout: 10_000,
      interval: 5,
    });
    return c;
  }
  /** Submitted and accepted: open, waiting for the department. */
  const openCase = (c: CaseRef) => publishSteps(c, ['submit', 'accept']);

  /** Publish one event and wait until the consumer has handled this delivery; its outcome. */
  async function deliver(event: BusEvent): Promise<string> {
    const lines = () => consumerLog.filter((line) => line.includes(event.id));
    const before = lines().length;
    await bus.publish(event);
    await vi.waitUntil(() => lines().length > before, { timeout: 10_000, interval: 5 });
    return /"event":"case-file-([a-z]+)"/.exec(lines().at(-1)!)![1]!;
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
      purposeReference: CASE.reference,
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
          // The case named by its 办件编号 and by its application id, alternately.
          purpose: {
            ...CASE,
            reference: i % 3 ? CASE.reference : residentCase.applicationId,
            note: `并发核对 ${String(i).padStart(2, '0')}`,
          },
        }),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await records()).toBe(before + 12);
    const rows = await fx.identity.orm.em
      .fork()
      .find(PersonalDataAccess, { purposeNote: { $like: '并发核对 %' } });
    expect(new Set(rows.map((r) => r.purposeNote)).size).toBe(12);
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
      {
        p: resident.viewer.personId,
        f: 'PHONE',
        purpose: { ...CASE, reference: residentCase.applicationId },
      },
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
      purposeReference: residentCase.applicationId,
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

  describe('for a case (CASE_HANDLING), checked against the case files affairs announces', () => {
    it('lets MZ staff and supervisors reveal for an open MZ case of the person, by 办件编号 or application id', async () => {
      const staff = await sessionOf(fx, STAFF);
      const supervisor = await sessionOf(fx, SUPERVISOR);
      expect(await caseFile(residentCase.applicationId)).toMatchObject({
        reference: CASE.reference,
        personId: residentId,
        departmentCode: 'MZ',
        state: 'ACCEPTED',
        open: true,
        lastSeq: 3,
      });
      const before = await records();
      const byReference = await reveal(staff.viewer, { p: residentId, f: 'ID_NUMBER', purpose: CASE });
      expect(byReference).toMatchObject({ ok: true, error: null, value: RESIDENT.person.idNumber });
      expect(await records()).toBe(before + 1);
      const byId = await reveal(supervisor.viewer, {
        p: residentId,
        f: 'PHONE',
        purpose: { kind: 'CASE_HANDLING', reference: residentCase.applicationId },
      });
      expect(byId).toMatchObject({ ok: true, value: '13800000001' });
      // People read references out on the phone; lower case names the same case.
      const typed = await reveal(staff.viewer, {
        p: residentId,
        f: 'ADDRESS',
        purpose: { kind: 'CASE_HANDLING', reference: CASE.reference.toLowerCase() },
      });
      expect(typed).toMatchObject({ ok: true, value: RESIDENT.person.address });
      expect(await records()).toBe(before + 3);
    });

    it('refuses staff of another department on the same case: FORBIDDEN, no record, nothing revealed', async () => {
      const ga = await sessionOf(fx, GA_STAFF);
      expect(ga.viewer).toMatchObject({ roles: ['department-staff'], department: 'GA', mfa: true });
      const before = await records();
      for (const reference of [CASE.reference, residentCase.applicationId]) {
        const refused = await reveal(ga.viewer, {
          p: residentId,
          f: 'ID_NUMBER',
          purpose: { kind: 'CASE_HANDLING', reference },
        });
        expect(refused).toEqual({
          ok: false,
          error: { code: 'FORBIDDEN', message: NOT_YOURS.zh, field: 'purpose.reference' },
          field: null,
          value: null,
        });
      }
      const english = await reveal(ga.viewer, { p: residentId, f: 'PHONE', purpose: CASE }, {}, 'en');
      expect(english.error).toMatchObject({ code: 'FORBIDDEN', message: NOT_YOURS.en });
      expect(await records()).toBe(before);
      // The case itself is untouched, and GA's own purposes still work as before.
      expect(await caseFile(residentCase.applicationId)).toMatchObject({ departmentCode: 'MZ', lastSeq: 3 });
      const check = await reveal(ga.viewer, {
        p: residentId,
        f: 'ID_NUMBER',
        purpose: { kind: 'IDENTITY_CHECK', reference: '窗口-03' },
      });
      expect(check).toMatchObject({ ok: true, value: RESIDENT.person.idNumber });
    });

    it("refuses another person's case with the same message, so the refusal does not tell whose it is", async () => {
      const staff = await sessionOf(fx, STAFF);
      const supervisorPerson = await fx.identity.orm.em
        .fork()
        .findOneOrFail(Person, { idNumber: SUPERVISOR.person.idNumber });
      const theirs = await openCase(newCase(supervisorPerson.id, 'MZ'));
      const before = await records();
      const refused = await reveal(staff.viewer, {
        p: residentId,
        f: 'ID_NUMBER',
        purpose: { kind: 'CASE_HANDLING', reference: theirs.reference },
      });
      expect(refused).toMatchObject({
        ok: false,
        value: null,
        error: { code: 'FORBIDDEN', message: NOT_YOURS.zh, field: 'purpose.reference' },
      });
      expect(refused.error!.message).not.toContain(SUPERVISOR.person.name);
      // The same case does allow revealing its own applicant's data.
      const own = await reveal(staff.viewer, {
        p: supervisorPerson.id,
        f: 'ADDRESS',
        purpose: { kind: 'CASE_HANDLING', reference: theirs.reference },
      });
      expect(own).toMatchObject({ ok: true, value: SUPERVISOR.person.address });
      expect(await records()).toBe(before + 1);
    });

    it('refuses a reference that names no case', async () => {
      const staff = await sessionOf(fx, STAFF);
      const before = await records();
      for (const reference of ['YH20261129ZZZZZZ', randomUUID(), 'SQ-2026-000123']) {
        const refused = await reveal(staff.viewer, {
          p: residentId,
          f: 'ID_NUMBER',
          purpose: { kind: 'CASE_HANDLING', reference },
        });
        expect(refused).toMatchObject({
          ok: false,
          value: null,
          error: {
            code: 'FORBIDDEN',
            field: 'purpose.reference',
            message: expect.stringContaining('找不到该办件'),
          },
        });
      }
      const english = await reveal(
        staff.viewer,
        { p: residentId, f: 'ID_NUMBER', purpose: { kind: 'CASE_HANDLING', reference: 'YH20261129ZZZZZZ' } },
        {},
        'en',
      );
      expect(english.error!.message).toMatch(/^There is no case with this reference/);
      expect(await records()).toBe(before);
    });

    it('allows a closed case for 30 days (29 days after completion: yes; 31: no)', async () => {
      const done = await publishSteps(newCase(residentId, 'MZ'), [
        'submit',
        'accept',
        'startReview',
        'approve',
        'complete',
      ]);
      expect(await caseFile(done.applicationId)).toMatchObject({
        state: 'COMPLETED',
        open: false,
        lastSeq: 6,
      });
      const purpose = { kind: 'CASE_HANDLING', reference: done.reference, note: '办结后归档' };
      const before = await records();

      fx.clock.advance(29 * DAY);
      const late = await sessionOf(fx, STAFF);
      const allowed = await reveal(late.viewer, { p: residentId, f: 'ID_NUMBER', purpose });
      expect(allowed).toMatchObject({ ok: true, value: RESIDENT.person.idNumber });
      expect(await records()).toBe(before + 1);

      fx.clock.advance(2 * DAY);
      const later = await sessionOf(fx, STAFF);
      const refused = await reveal(later.viewer, { p: residentId, f: 'ID_NUMBER', purpose });
      expect(refused).toMatchObject({
        ok: false,
        value: null,
        error: {
          code: 'FORBIDDEN',
          field: 'purpose.reference',
          message: '该办件已结束超过 30 天，不能再据此查看个人信息',
        },
      });
      expect(await records()).toBe(before + 1);
      // An open case has no such limit.
      const open = await reveal(later.viewer, { p: residentId, f: 'ID_NUMBER', purpose: CASE });
      expect(open.ok).toBe(true);
    });

    it('keeps one row when the same event is delivered twice', async () => {
      const c = newCase(residentId, 'MZ');
      const submitted = stepEvent(c, 'submit', fx.clock.now());
      expect(await deliver(submitted)).toBe('applied');
      expect(await deliver({ ...submitted })).toBe('duplicate');
      const em = fx.identity.orm.em.fork();
      expect(await em.count(CaseFile, { applicationId: c.applicationId })).toBe(1);
      expect(await em.count(ProcessedEvent, { consumer: CASE_FILE_CONSUMER, eventId: submitted.id })).toBe(1);
      expect(await caseFile(c.applicationId)).toMatchObject({ state: 'SUBMITTED', lastSeq: 2 });
    });

    it('ignores a step older than the one it has (out-of-order delivery)', async () => {
      const c = newCase(residentId, 'MZ');
      const at = fx.clock.now();
      expect(await deliver(stepEvent(c, 'accept', at))).toBe('applied');
      // The first step arriving last does not reopen anything.
      expect(await deliver(stepEvent(c, 'submit', at))).toBe('stale');
      expect(await caseFile(c.applicationId)).toMatchObject({ state: 'ACCEPTED', lastSeq: 3, open: true });

      expect(await deliver(stepEvent(c, 'complete', at))).toBe('applied');
      expect(await deliver(stepEvent(c, 'approve', at))).toBe('stale');
      expect(await caseFile(c.applicationId)).toMatchObject({ state: 'COMPLETED', lastSeq: 6, open: false });
    });

    it('ends at the newest step when two consumers handle one case shuffled at the same time', async () => {
      const second = await startCaseFileConsumer({ orm: fx.identity.orm, bus, log: capturingLogger([]) });
      try {
        const c = newCase(residentId, 'MZ');
        const at = fx.clock.now();
        const events = (['complete', 'accept', 'approve', 'submit', 'startReview'] as const).map((a) =>
          stepEvent(c, a, at),
        );
        await Promise.all(events.map((e) => bus.publish(e)));
        await bus.idle();
        expect(await caseFile(c.applicationId)).toMatchObject({
          state: 'COMPLETED',
          lastSeq: 6,
          open: false,
        });
        const em = fx.identity.orm.em.fork();
        expect(await em.count(ProcessedEvent, { eventId: { $in: events.map((e) => e.id) } })).toBe(5);
      } finally {
        await second.close();
      }
    });

    it('reads payloads tolerantly: extra fields are ignored; an invalid payload is logged once and dropped', async () => {
      const c = newCase(residentId, 'MZ');
      const submitted = stepEvent(c, 'submit', fx.clock.now());
      const extended = {
        ...submitted,
        payload: { ...(submitted.payload as object), channel: 'ONLINE', schemaVersion: 2 },
      };
      expect(await deliver(extended)).toBe('applied');

      const broken = stepEvent(newCase(residentId, 'MZ'), 'submit', fx.clock.now());
      const { personId: _gone, ...withoutPerson } = broken.payload as Record<string, unknown>;
      const invalid = { ...broken, payload: { ...withoutPerson, seq: 'two' } };
      expect(await deliver(invalid)).toBe('invalid');
      await bus.idle();
      const lines = consumerLog.filter((line) => line.includes(invalid.id));
      expect(lines).toHaveLength(1); // acknowledged, not delivered again
      expect(lines[0]).toContain('personId');
      expect(lines[0]).not.toContain(String(withoutPerson.reference));
      expect(
        await fx.identity.orm.em.fork().count(CaseFile, { reference: String(withoutPerson.reference) }),
      ).toBe(0);
    });
  });

  describe('for a legal request (LEGAL_REQUEST)', () => {
    const LEGAL = { kind: 'LEGAL_REQUEST', reference: '(2026)云湖法协字第12号' };

    it('refuses department staff without the supervisor role, before looking at the person', async () => {
      const staff = await sessionOf(fx, STAFF);
      const before = await records();
      for (const p of [residentId, 'no-such-person']) {
        const refused = await reveal(staff.viewer, { p, f: 'ID_NUMBER', purpose: LEGAL });
        expect(refused).toMatchObject({
          ok: false,
          value: null,
          error: { code: 'FORBIDDEN', field: 'purpose.kind', message: '依法调取个人信息须由主管办理' },
        });
      }
      expect(await records()).toBe(before);
    });

    it('allows a supervisor, without a case, recorded under the supervisor role', async () => {
      const supervisor = await sessionOf(fx, SUPERVISOR);
      const before = await records();
      const allowed = await reveal(supervisor.viewer, { p: residentId, f: 'ID_NUMBER', purpose: LEGAL });
      expect(allowed).toMatchObject({ ok: true, value: RESIDENT.person.idNumber });
      expect(await records()).toBe(before + 1);
      expect((await rowsFor(residentId))[0]).toMatchObject({
        purposeKind: 'LEGAL_REQUEST',
        purposeReference: LEGAL.reference,
        accessorRole: 'supervisor',
      });
    });
  });
});
