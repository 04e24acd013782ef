import type { EntityManager } from '@mikro-orm/core';
import {
  ErrorCode,
  fail,
  ok,
  pick,
  type Failure,
  type Locale,
  type Logger,
  type Result,
  type Viewer,
} from '@bianmin/kit';
import type { IdentityServices } from '../../services.js';
import { ConsentRecord } from '../consent/consent-record.entity.js';
import { DeletionRequest } from '../deletion/deletion-request.entity.js';
import { Person } from '../person/person.entity.js';
import { isFailureOf, writeAccessRecord, type PersonalDataField } from '../personal-data/access-record.js';
import { PersonalDataAccess } from '../personal-data/personal-data-access.entity.js';
import type { RequestOrigin } from '../personal-data/reveal.js';
import { gatherSections } from './export-sources.js';
import { AccountSession } from '../session/session.entity.js';
import { isFailure, requireSignedIn } from '../session/session.guard.js';

/**
 * One domain's part of a personal-data export. Every subgraph that holds personal data returns
 * one (identity today; catalog holds none), and the shell puts them side by side in
 * `sections` of the downloaded file. `version` is the version of that domain's `data` shape.
 */
export interface ExportSection {
  source: string;
  version: number;
  data: Record<string, unknown>;
  /** Set when the domain could not be asked: the export is incomplete, and says so. */
  unavailable?: true;
}

export const EXPORT_FORMAT = 'bianmin-personal-data-export';
/** The reference recorded on the access records an export writes (purpose SELF). */
export const EXPORT_REFERENCE = 'EXPORT';
const EXPORTED_FIELDS: readonly PersonalDataField[] = ['ID_NUMBER', 'PHONE', 'ADDRESS'];

const iso = (value: Date | string | null | undefined) =>
  value == null ? null : new Date(value).toISOString();

/**
 * 下载我的数据 (PIPL 第四十五条): everything identity holds about the signed-in person, with
 * personal data in full — it is their own. Like a self-reveal, the export is recorded first
 * (one access record per unmasked field, purpose SELF, reference EXPORT); if the records cannot
 * be written, nothing is exported. Secrets are left out on purpose: the password hash, TOTP
 * secrets, recovery-code hashes and refresh-token hashes are not data *about* the person, and a
 * leaked export must not help anyone sign in as them.
 */
export async function exportMyData(
  em: EntityManager,
  services: IdentityServices,
  viewer: Viewer,
  origin: RequestOrigin,
  locale: Locale,
  log: Logger,
): Promise<
  Result<{ json: string; generatedAt: string; sections: string[]; unavailableSections: string[] }> | Failure
> {
  const now = services.now();
  const signedIn = await requireSignedIn(em, viewer, now, locale);
  if (isFailure(signedIn)) return signedIn;
  const { account } = signedIn;
  const person = account.personId
    ? ((await em.findOne(Person, { id: account.personId })) as Person | null)
    : null;
  if (!person) {
    return fail(
      ErrorCode.NOT_FOUND,
      pick(locale, { zh: '该账号没有关联的个人信息', en: 'This account has no personal record.' }),
    );
  }
  for (const field of EXPORTED_FIELDS) {
    const recorded = await writeAccessRecord(
      em,
      {
        person,
        accessor: account,
        accessorRole: null,
        field,
        purpose: { kind: 'SELF', reference: EXPORT_REFERENCE, note: null },
        ...origin,
        at: new Date(now),
      },
      locale,
      log,
    );
    if (isFailureOf(recorded)) return recorded;
  }
  const [sessions, consents, accesses, deletions] = await Promise.all([
    em.find(AccountSession, { accountId: account.id }, { orderBy: { createdAt: 'desc' } }),
    em.find(ConsentRecord, { personId: person.id }, { orderBy: [{ grantedAt: 'desc' }, { id: 'desc' }] }),
    em.find(
      PersonalDataAccess,
      { personId: person.id },
      { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] },
    ),
    em.find(DeletionRequest, { personId: person.id }, { orderBy: { requestedAt: 'desc' } }),
  ]);
  const section: ExportSection = {
    source: 'identity',
    version: 1,
    data: {
      person: {
        id: person.id,
        name: person.name,
        idType: person.idType,
        idNumber: person.idNumber,
        phone: person.phone,
        address: person.address,
        dateOfBirth: person.dateOfBirth,
        communityCode: person.communityCode,
        createdAt: iso(person.createdAt),
        updatedAt: iso(person.updatedAt),
      },
      // An allow-list: a column added to Account later is not exported until someone decides so.
      account: {
        id: account.id,
        username: account.username,
        phone: account.phone,
        state: account.state,
        roles: account.roles,
        department: account.departmentCode,
        totpEnabled: account.totpEnabled,
        recoveryCodesRemaining: account.totpEnabled
          ? account.recoveryCodes.filter((c) => !c.usedAt).length
          : 0,
        createdAt: iso(account.createdAt),
        passwordChangedAt: iso(account.passwordChangedAt),
      },
      sessions: sessions.map((s) => ({
        id: s.id,
        createdAt: iso(s.createdAt),
        lastUsedAt: iso(s.lastUsedAt),
        expiresAt: iso(s.expiresAt),
        revokedAt: iso(s.revokedAt),
        revokeReason: s.revokeReason,
        secondFactorVerified: s.mfa,
        userAgent: s.userAgent,
        ipAddress: s.ipAddress,
      })),
      consents: consents.map((c) => ({
        purpose: c.purpose,
        policyVersion: c.policyVersion,
        grantedAt: iso(c.grantedAt),
        withdrawnAt: iso(c.withdrawnAt),
        endReason: c.endReason,
      })),
      // As in myDataAccessLog: the role and department of staff who looked, not who they are.
      dataAccessLog: accesses.map((a) => ({
        at: iso(a.createdAt),
        field: a.field,
        purposeKind: a.purposeKind,
        purposeReference: a.purposeReference,
        accessorRole: a.accessorRole,
        accessorDepartment: a.accessorDepartment,
        self: a.purposeKind === 'SELF' || a.accessorPersonId === a.personId,
      })),
      deletionRequests: deletions.map((d) => ({
        id: d.id,
        status: d.status,
        reason: d.reason,
        requestedAt: iso(d.requestedAt),
        decidedAt: iso(d.decidedAt),
        decisionNote: d.decisionNote,
      })),
    },
  };
  const generatedAt = new Date(now).toISOString();
  // The other domains' sections, asked for as the person (see export-sources.ts).
  const others = await gatherSections(services.exportSources, viewer, services.internalSecret, log);
  const sections = [section, ...others];
  const document = { format: EXPORT_FORMAT, version: 1, generatedAt, sections };
  log.info(
    {
      event: 'personal-data-exported',
      accountId: account.id,
      missing: others.filter((s) => s.unavailable).map((s) => s.source),
    },
    'personal data exported',
  );
  return ok({
    json: JSON.stringify(document, null, 2),
    generatedAt,
    sections: sections.filter((s) => !s.unavailable).map((s) => s.source),
    unavailableSections: others.filter((s) => s.unavailable).map((s) => s.source),
  });
}
