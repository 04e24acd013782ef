import { OutboxMessage } from '@bianmin/kit';
import { describe, expect, it } from 'vitest';
import type { Identity } from '@bianmin/kit';
import { Account } from '../src/modules/account/account.entity.js';
import { ConsentRecord } from '../src/modules/consent/consent-record.entity.js';
import { CURRENT_POLICY_VERSION } from '../src/modules/consent/consent.service.js';
import { checkCharacter } from '../src/modules/person/id-number.js';
import { Person } from '../src/modules/person/person.entity.js';
import { PersonalDataAccess } from '../src/modules/personal-data/personal-data-access.entity.js';
import { AccountSession, RefreshToken } from '../src/modules/session/session.entity.js';
import {
  ADMIN,
  AUDITOR,
  AUTH_FIELDS,
  data,
  drivers,
  ME,
  refresh,
  run,
  sessionOf,
  signIn,
  useIdentity,
  viewerOf,
  type AuthData,
  type IdentityFixture,
} from './setup.js';

const SIGN_UP = `mutation ($input: SignUpInput!) { signUp(input: $input) { ${AUTH_FIELDS} } }`;
const CONSENT_FIELDS = `id purpose policyVersion grantedAt withdrawnAt endReason active required`;
const MY_CONSENTS = `{ myConsents { ${CONSENT_FIELDS} } }`;
const GRANT = `mutation ($p: ConsentPurpose!, $v: String!) { grantConsent(purpose: $p, version: $v) {
  ok error { code message field } notice consent { ${CONSENT_FIELDS} } } }`;
const WITHDRAW = `mutation ($p: ConsentPurpose!) { withdrawConsent(purpose: $p) {
  ok error { code message field } notice consent { ${CONSENT_FIELDS} } } }`;
const EXPORT = `mutation { exportMyData { ok error { code message } json generatedAt sections } }`;
const REQUEST = `mutation ($r: String) { requestAccountDeletion(reason: $r) {
  ok error { code message field } request { id status reason requestedAt decidedAt } } }`;
const MY_REQUESTS = `{ myDeletionRequests { id status reason decidedAt decisionNote } }`;
const QUEUE = `query ($s: DeletionStatus, $first: Int) { deletionRequests(status: $s, first: $first) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id status reason accountId person { id name } } } } }`;
const DECIDE = `mutation ($id: ID!, $d: DeletionDecision!, $n: String) { decideDeletionRequest(id: $id, decision: $d, note: $n) {
  ok error { code message field } request { id status decidedAt decisionNote decidedBy } } }`;

interface Consent {
  id: string;
  purpose: string;
  policyVersion: string;
  grantedAt: string;
  withdrawnAt: string | null;
  endReason: string | null;
  active: boolean;
  required: boolean;
}
type ConsentResult = {
  ok: boolean;
  error: { code: string; message: string } | null;
  notice: string | null;
  consent: Consent | null;
};
type Result = { ok: boolean; error: { code: string; message: string; field: string | null } | null };

let serial = 100;
const PASSWORD = 'Lakeside#Walk2026';

/** A new resident, signed up through the API (the demo resident stays untouched for other tests). */
async function newResident(fx: IdentityFixture) {
  serial += 1;
  const first17 = `33990219880405${String(serial).padStart(3, '0')}`;
  const idNumber = first17 + checkCharacter(first17);
  const phone = `1391000${String(serial).padStart(4, '0')}`;
  const result = (
    await data<{ signUp: AuthData }>(fx, SIGN_UP, {
      input: {
        name: '刘注销',
        idNumber,
        phone,
        password: PASSWORD,
        address: '云湖市湖滨区解放路街道解放路1号',
      },
    })
  ).signUp;
  expect(result.error).toBeNull();
  const session = result.session!;
  return { idNumber, phone, session, viewer: await viewerOf(fx, session.accessToken) };
}

describe.each(drivers)('PIPL: consents, data export, deletion on %s', (driver) => {
  const fx = useIdentity(driver);
  const em = () => fx.identity.orm.em.fork();
  const consents = async (viewer: Identity) =>
    (await data<{ myConsents: Consent[] }>(fx, MY_CONSENTS, {}, { viewer })).myConsents;

  it('records consent to the terms and to personal-data processing at sign-up', async () => {
    const { viewer } = await newResident(fx);
    const list = await consents(viewer);
    expect(list.map((c) => [c.purpose, c.policyVersion, c.active, c.required]).sort()).toEqual([
      ['PERSONAL_DATA_PROCESSING', CURRENT_POLICY_VERSION, true, true],
      ['PLATFORM_TERMS', CURRENT_POLICY_VERSION, true, true],
    ]);
    const rows = await em().find(ConsentRecord, { personId: viewer.personId! });
    expect(rows.every((r) => r.accountId === viewer.accountId && /^[0-9a-f-]{36}$/.test(r.requestId))).toBe(
      true,
    );
    expect(
      (await data<{ currentPolicyVersion: string }>(fx, '{ currentPolicyVersion }')).currentPolicyVersion,
    ).toBe(CURRENT_POLICY_VERSION);
  });

  it('keeps the history: a new row per grant, withdrawal stamps the row', async () => {
    const { viewer } = await newResident(fx);
    const grant = async (p: string, v = CURRENT_POLICY_VERSION) =>
      (await data<{ grantConsent: ConsentResult }>(fx, GRANT, { p, v }, { viewer })).grantConsent;
    const withdraw = async (p: string) =>
      (await data<{ withdrawConsent: ConsentResult }>(fx, WITHDRAW, { p }, { viewer })).withdrawConsent;

    expect(await grant('SERVICE_NOTIFICATIONS', '2020-01')).toMatchObject({
      ok: false,
      error: { code: 'BAD_USER_INPUT', field: 'version' },
    });
    const first = await grant('SERVICE_NOTIFICATIONS');
    expect(first).toMatchObject({ ok: true, consent: { active: true, required: false } });
    // Granting what is in force changes nothing.
    expect((await grant('SERVICE_NOTIFICATIONS')).consent!.id).toBe(first.consent!.id);

    fx.clock.advance(1_000);
    const withdrawn = await withdraw('SERVICE_NOTIFICATIONS');
    expect(withdrawn).toMatchObject({
      ok: true,
      notice: null,
      consent: { id: first.consent!.id, active: false, endReason: 'WITHDRAWN' },
    });
    expect(await withdraw('SERVICE_NOTIFICATIONS')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });

    fx.clock.advance(1_000);
    const again = await grant('SERVICE_NOTIFICATIONS');
    expect(again.consent!.id).not.toBe(first.consent!.id);
    const history = (await consents(viewer)).filter((c) => c.purpose === 'SERVICE_NOTIFICATIONS');
    expect(history.map((c) => [c.id, c.active])).toEqual([
      [again.consent!.id, true],
      [first.consent!.id, false],
    ]);
    expect(history[1]!.withdrawnAt).not.toBeNull();

    // A required purpose can be withdrawn; the notice says what that means, in the caller's language.
    const required = (
      await data<{ withdrawConsent: ConsentResult }>(
        fx,
        WITHDRAW,
        { p: 'PLATFORM_TERMS' },
        { viewer, locale: 'en' },
      )
    ).withdrawConsent;
    expect(required.ok).toBe(true);
    expect(required.notice).toMatch(/withdrew consent to something the platform needs/);
    expect(await em().count(ConsentRecord, { personId: viewer.personId! })).toBe(4);
  });

  it('exports everything about the caller, in full, without secrets, and records the export', async () => {
    const { viewer, idNumber, phone } = await newResident(fx);
    const before = await em().count(PersonalDataAccess, { personId: viewer.personId! });
    const result = (
      await data<{ exportMyData: { ok: boolean; json: string; generatedAt: string; sections: string[] } }>(
        fx,
        EXPORT,
        {},
        { viewer },
      )
    ).exportMyData;
    expect(result).toMatchObject({ ok: true, sections: ['identity'] });
    const doc = JSON.parse(result.json);
    expect(doc).toMatchObject({
      format: 'bianmin-personal-data-export',
      version: 1,
      generatedAt: result.generatedAt,
    });
    const section = doc.sections[0];
    expect(section).toMatchObject({ source: 'identity', version: 1 });
    expect(section.data.person).toMatchObject({
      idNumber,
      phone,
      name: '刘注销',
      address: '云湖市湖滨区解放路街道解放路1号',
    });
    expect(section.data.account).toMatchObject({ id: viewer.accountId, phone, roles: ['resident'] });
    expect(section.data.sessions).toHaveLength(1);
    expect(section.data.consents).toHaveLength(2);
    expect(section.data.dataAccessLog).toHaveLength(3);

    const account = (await em().findOneOrFail(Account, { id: viewer.accountId! })) as Account;
    const tokens = await em().find(RefreshToken, {});
    for (const secret of [account.passwordHash, ...tokens.map((t) => t.tokenHash)]) {
      expect(result.json).not.toContain(secret);
    }
    expect(result.json).not.toMatch(
      /passwordHash|totpSecret|totpPendingSecret|tokenHash|recoveryCodes"|\$argon2/,
    );

    const records = await em().find(PersonalDataAccess, { personId: viewer.personId! });
    expect(records.length - before).toBe(3);
    expect(records.every((r) => r.purposeKind === 'SELF' && r.purposeReference === 'EXPORT')).toBe(true);
    expect(await run(fx, EXPORT)).toMatchObject({
      data: { exportMyData: { ok: false, error: { code: 'UNAUTHENTICATED' } } },
    });
  });

  it('takes a deletion request, refuses a second, and anonymises on approval while keeping the records', async () => {
    const resident = await newResident(fx);
    const { viewer } = resident;
    await data(fx, `mutation { revealMyPersonalData(field: ID_NUMBER) { ok } }`, {}, { viewer });
    const requested = (
      await data<{ requestAccountDeletion: Result & { request: { id: string; status: string } } }>(
        fx,
        REQUEST,
        { r: '不再使用' },
        { viewer },
      )
    ).requestAccountDeletion;
    expect(requested).toMatchObject({ ok: true, request: { status: 'PENDING' } });
    const second = (await data<{ requestAccountDeletion: Result }>(fx, REQUEST, {}, { viewer }))
      .requestAccountDeletion;
    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(
      (await data<{ myDeletionRequests: unknown[] }>(fx, MY_REQUESTS, {}, { viewer })).myDeletionRequests,
    ).toEqual([
      {
        id: requested.request.id,
        status: 'PENDING',
        reason: '不再使用',
        decidedAt: null,
        decisionNote: null,
      },
    ]);

    // A resident (or an auditor) cannot decide, and that changes nothing.
    const byResident = await run<{ decideDeletionRequest: Result }>(
      fx,
      DECIDE,
      { id: requested.request.id, d: 'APPROVE' },
      { viewer },
    );
    expect(byResident.data?.decideDeletionRequest).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const auditor = await sessionOf(fx, AUDITOR);
    const byAuditor = await run<{ decideDeletionRequest: Result }>(
      fx,
      DECIDE,
      { id: requested.request.id, d: 'APPROVE' },
      { viewer: auditor.viewer },
    );
    expect(byAuditor.data?.decideDeletionRequest).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await em().findOneOrFail(Person, { id: viewer.personId! })).name).toBe('刘注销');

    const admin = await sessionOf(fx, ADMIN);
    const queue = (
      await data<{
        deletionRequests: {
          totalCount: number;
          edges: Array<{ node: { id: string; accountId: string; person: { name: string } } }>;
        };
      }>(fx, QUEUE, {}, { viewer: admin.viewer })
    ).deletionRequests;
    expect(queue.edges.map((e) => e.node)).toContainEqual(
      expect.objectContaining({
        id: requested.request.id,
        accountId: viewer.accountId,
        person: expect.objectContaining({ name: '刘注销' }),
      }),
    );
    const auditBefore = await em().count(PersonalDataAccess, { personId: viewer.personId! });
    const consentBefore = await em().count(ConsentRecord, { personId: viewer.personId! });

    const approved = (
      await data<{ decideDeletionRequest: Result & { request: Record<string, unknown> } }>(
        fx,
        DECIDE,
        { id: requested.request.id, d: 'APPROVE', n: '核实为本人申请' },
        { viewer: admin.viewer },
      )
    ).decideDeletionRequest;
    expect(approved).toMatchObject({
      ok: true,
      request: { status: 'APPROVED', decisionNote: '核实为本人申请', decidedBy: admin.viewer.accountId },
    });
    const again = (
      await data<{ decideDeletionRequest: Result }>(
        fx,
        DECIDE,
        { id: requested.request.id, d: 'REJECT' },
        { viewer: admin.viewer },
      )
    ).decideDeletionRequest;
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const person = (await em().findOneOrFail(Person, { id: viewer.personId! })) as Person;
    expect(person).toMatchObject({ name: '已注销用户', phone: null, address: null, dateOfBirth: null });
    expect(person.idNumber).toMatch(/^D\./);
    expect(person.idNumber).not.toContain(resident.idNumber.slice(-4));
    expect(person.anonymisedAt).not.toBeNull();
    const account = (await em().findOneOrFail(Account, { id: viewer.accountId! })) as Account;
    expect(account).toMatchObject({ state: 'DISABLED', username: null, totpSecret: null });
    expect(account.phone).not.toBe(resident.phone);
    // Other domains are told, in the same transaction (the evidence log forgets its key to the person).
    const erased = await em().find(OutboxMessage, { topic: 'identity.person.erased', key: viewer.personId! });
    expect(erased.map((row) => row.payload)).toEqual([{ personId: viewer.personId, at: expect.any(String) }]);
    // Legally required records stay intact.
    expect(await em().count(PersonalDataAccess, { personId: viewer.personId! })).toBe(auditBefore);
    expect(await em().count(ConsentRecord, { personId: viewer.personId! })).toBe(consentBefore);
    // Every session ended; sign-in and refresh fail.
    expect(await em().count(AccountSession, { accountId: viewer.accountId!, revokedAt: null })).toBe(0);
    expect((await data<{ me: unknown }>(fx, ME, {}, { viewer })).me).toBeNull();
    expect(await signIn(fx, resident.phone, PASSWORD)).toMatchObject({ ok: false, session: null });
    expect(await refresh(fx, resident.session.refreshToken)).toMatchObject({ ok: false, session: null });
    // The same document cannot be registered again.
    const reRegister = (
      await data<{ signUp: AuthData }>(fx, SIGN_UP, {
        input: { name: '刘注销', idNumber: resident.idNumber, phone: '13920000001', password: PASSWORD },
      })
    ).signUp;
    expect(reRegister.error).toMatchObject({ code: 'CONFLICT', field: 'idNumber' });
  });

  it('rejects with a note, after which the person may ask again', async () => {
    const { viewer } = await newResident(fx);
    const admin = await sessionOf(fx, ADMIN);
    const id = (
      await data<{ requestAccountDeletion: { request: { id: string } } }>(fx, REQUEST, {}, { viewer })
    ).requestAccountDeletion.request.id;
    const rejected = (
      await data<{ decideDeletionRequest: Result & { request: { status: string } } }>(
        fx,
        DECIDE,
        { id, d: 'REJECT', n: '有未办结的低保申请' },
        { viewer: admin.viewer },
      )
    ).decideDeletionRequest;
    expect(rejected).toMatchObject({ ok: true, request: { status: 'REJECTED' } });
    expect((await em().findOneOrFail(Person, { id: viewer.personId! })).name).toBe('刘注销');
    expect(
      (await data<{ requestAccountDeletion: Result }>(fx, REQUEST, {}, { viewer })).requestAccountDeletion.ok,
    ).toBe(true);
  });
});
