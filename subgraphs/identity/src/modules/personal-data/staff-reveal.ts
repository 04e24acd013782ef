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
import { Account } from '../account/account.entity.js';
import { ADMINISTRATOR_ROLE, AUDITOR_ROLE, REVEAL_ROLES, SUPERVISOR_ROLE } from '../account/roles.js';
import { caseAllowingReveal } from '../case-file/case-access.js';
import { Person } from '../person/person.entity.js';
import { isFailure, requireSignedIn } from '../session/session.guard.js';
import { isFailureOf, valueOf, writeAccessRecord, type PersonalDataField } from './access-record.js';
import type { AccessPurpose } from './personal-data-access.entity.js';
import type { RequestOrigin } from './reveal.js';

export type StaffPurposeKind = Exclude<AccessPurpose, 'SELF'>;

export interface RevealPurposeInput {
  kind: StaffPurposeKind;
  reference?: string | null;
  note?: string | null;
}

export const PURPOSE_REFERENCE_MAX = 64;
export const PURPOSE_NOTE_MAX = 200;
// Control characters would let a reference or note forge lines in logs and exports.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

/** The declared purpose, trimmed and checked; a failure names the input field at fault. */
export function checkPurpose(
  purpose: RevealPurposeInput | null | undefined,
  locale: Locale,
): { kind: StaffPurposeKind; reference: string; note: string | null } | Failure {
  const reference = purpose?.reference?.trim() ?? '';
  if (!purpose || reference.length === 0) {
    return fail(
      ErrorCode.BAD_USER_INPUT,
      pick(locale, {
        zh: '请说明查看目的，并填写案件或申请编号',
        en: 'Declare the purpose, with the case or application it is for.',
      }),
      'purpose',
    );
  }
  if ([...reference].length > PURPOSE_REFERENCE_MAX || CONTROL.test(reference) || reference.includes('\n')) {
    return fail(
      ErrorCode.BAD_USER_INPUT,
      pick(locale, {
        zh: `编号最多 ${PURPOSE_REFERENCE_MAX} 个字符，且为单行文字`,
        en: `The reference is one line of at most ${PURPOSE_REFERENCE_MAX} characters.`,
      }),
      'purpose.reference',
    );
  }
  const note = purpose.note?.trim() || null;
  if (note !== null && ([...note].length > PURPOSE_NOTE_MAX || CONTROL.test(note))) {
    return fail(
      ErrorCode.BAD_USER_INPUT,
      pick(locale, {
        zh: `说明最多 ${PURPOSE_NOTE_MAX} 个字符`,
        en: `The note can have at most ${PURPOSE_NOTE_MAX} characters.`,
      }),
      'purpose.note',
    );
  }
  return { kind: purpose.kind, reference, note };
}

const forbidden = (locale: Locale, zh: string, en: string) =>
  fail(ErrorCode.FORBIDDEN, pick(locale, { zh, en }));

/**
 * A member of staff reveals another person's unmasked value for a declared purpose. Checked in
 * this order, so that nothing about the person leaks to a caller who may not look: a live
 * session; the account's current roles (department staff or supervisor, and neither
 * administrator nor auditor — separation of duties); a session that passed the second factor;
 * the purpose (and for LEGAL_REQUEST, the supervisor role); the person; for CASE_HANDLING, the
 * case (this person's, the staff member's department, open or recently closed). Then exactly
 * one access record is written and committed, and only then is the value returned.
 */
export async function revealPersonalData(
  em: EntityManager,
  services: IdentityServices,
  viewer: Viewer,
  args: { personId: string; field: PersonalDataField; purpose: RevealPurposeInput | null },
  origin: RequestOrigin,
  locale: Locale,
  log: Logger,
): Promise<Result<{ field: PersonalDataField; value: string | null }> | Failure> {
  const now = services.now();
  const signedIn = await requireSignedIn(em, viewer, now, locale);
  if (isFailure(signedIn)) return signedIn;
  const { account, session } = signedIn;
  const roles = account.roles;
  const role = ['supervisor', 'department-staff'].find((r) => roles.includes(r) && REVEAL_ROLES.includes(r));
  if (!role || roles.includes(ADMINISTRATOR_ROLE) || roles.includes(AUDITOR_ROLE)) {
    return forbidden(
      locale,
      '只有业务部门工作人员可以查看他人的完整个人信息',
      "Only department staff may reveal another person's personal data.",
    );
  }
  if (!viewer.mfa || !session.mfa) {
    return forbidden(locale, '此操作需要通过双因素认证的登录', 'This needs a sign-in with a second factor.');
  }
  const purpose = checkPurpose(args.purpose, locale);
  if (isFailure(purpose)) return purpose;
  // 依法调取 is a supervisor's decision, whichever case it concerns.
  if (purpose.kind === 'LEGAL_REQUEST' && !roles.includes(SUPERVISOR_ROLE)) {
    return fail(
      ErrorCode.FORBIDDEN,
      pick(locale, {
        zh: '依法调取个人信息须由主管办理',
        en: 'Only a supervisor may reveal personal data for a legal request.',
      }),
      'purpose.kind',
    );
  }
  const person =
    args.personId.length > 0 && args.personId.length <= 36
      ? await em.findOne(Person, { id: args.personId })
      : null;
  if (!person) {
    return fail(
      ErrorCode.NOT_FOUND,
      pick(locale, { zh: '没有这个人', en: 'There is no such person.' }),
      'personId',
    );
  }
  if (purpose.kind === 'CASE_HANDLING') {
    const handled = await caseAllowingReveal(
      em,
      {
        reference: purpose.reference,
        personId: person.id,
        departmentCode: account.departmentCode ?? null,
        now,
      },
      locale,
    );
    if (isFailure(handled)) return handled;
  }
  const recorded = await writeAccessRecord(
    em,
    {
      person,
      accessor: account,
      accessorRole: role,
      field: args.field,
      purpose,
      ...origin,
      at: new Date(now),
    },
    locale,
    log,
  );
  if (isFailureOf(recorded)) return recorded;
  const accountPhone =
    args.field === 'PHONE' && !person.phone
      ? ((await em.findOne(Account, { personId: person.id }))?.phone ?? null)
      : null;
  log.info(
    {
      event: 'personal-data-revealed',
      accessId: recorded.id,
      accessorAccountId: account.id,
      personId: person.id,
      field: args.field,
      purposeKind: purpose.kind,
    },
    'personal data revealed to staff',
  );
  return ok({ field: args.field, value: valueOf(person, args.field, accountPhone) });
}
