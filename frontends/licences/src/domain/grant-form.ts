import type { DisclosableClaim } from '../graphql/types';
import { addDays, endOfChinaDay, isCivilDate } from './datetime';

/**
 * 授权使用 — the form a holder fills to let a department or a partner's application read one
 * licence: who, what for, until when, and (optionally) only some of its claims. It checks what it
 * can say exactly the way the server does (lengths, the client id's shape, the period); the
 * server still judges, and its `field` puts a refusal under the input it is about.
 */
export type GranteeKind = 'DEPARTMENT' | 'API_CLIENT';
/** The whole licence, or a derived credential with only the chosen claims. */
export type DisclosureScope = 'WHOLE' | 'SELECTED';

export interface GrantFormValues {
  granteeKind: GranteeKind;
  departmentCode: string;
  apiClientId: string;
  purpose: string;
  /** Last day of the grant, `YYYY-MM-DD` (China): it ends at 23:59:59 that day. */
  validUntil: string;
  scope: DisclosureScope;
  claims: DisclosableClaim[];
}

export type GrantField = 'departmentCode' | 'apiClientId' | 'purpose' | 'validUntil' | 'claims';
export type GrantProblem =
  | 'departmentRequired'
  | 'apiClientIdRequired'
  | 'apiClientIdFormat'
  | 'purposeRequired'
  | 'purposeTooLong'
  | 'dateRequired'
  | 'dateInvalid'
  | 'datePast'
  | 'dateTooFar'
  | 'claimsRequired';
export type GrantProblems = Partial<Record<GrantField, GrantProblem>>;

export const PURPOSE_MAX_CHARS = 200;
/** The server takes at most 366 days from now; the last day it always accepts is a year on. */
export const GRANT_MAX_DAYS = 365;
const DEFAULT_DAYS = 30;
/** Partner clients' ids as identity issues them (`pc_…`). */
const API_CLIENT_ID = /^pc_[A-Za-z0-9_-]{8,40}$/;

/** The dates the picker offers: from today to a year on. */
export function grantDateRange(today: string): { min: string; max: string } {
  return { min: today, max: addDays(today, GRANT_MAX_DAYS) };
}

export function emptyGrantForm(today: string): GrantFormValues {
  return {
    granteeKind: 'DEPARTMENT',
    departmentCode: '',
    apiClientId: '',
    purpose: '',
    validUntil: addDays(today, DEFAULT_DAYS),
    scope: 'WHOLE',
    claims: [],
  };
}

export function validateGrantForm(values: GrantFormValues, today: string): GrantProblems {
  const problems: GrantProblems = {};
  if (values.granteeKind === 'DEPARTMENT') {
    if (!values.departmentCode.trim()) problems.departmentCode = 'departmentRequired';
  } else {
    const id = values.apiClientId.trim();
    if (!id) problems.apiClientId = 'apiClientIdRequired';
    else if (!API_CLIENT_ID.test(id)) problems.apiClientId = 'apiClientIdFormat';
  }
  const purpose = values.purpose.trim();
  if (!purpose) problems.purpose = 'purposeRequired';
  else if (purpose.length > PURPOSE_MAX_CHARS) problems.purpose = 'purposeTooLong';
  const { min, max } = grantDateRange(today);
  if (!values.validUntil) problems.validUntil = 'dateRequired';
  else if (!isCivilDate(values.validUntil)) problems.validUntil = 'dateInvalid';
  else if (values.validUntil < min) problems.validUntil = 'datePast';
  else if (values.validUntil > max) problems.validUntil = 'dateTooFar';
  if (values.scope === 'SELECTED' && values.claims.length === 0) problems.claims = 'claimsRequired';
  return problems;
}

export interface GrantLicenceAccessInput {
  licenceId: string;
  grantee: { departmentCode: string } | { apiClientId: string };
  purpose: string;
  validUntil: string;
  disclose?: DisclosableClaim[];
}

/** The mutation's input from a form that passed `validateGrantForm`. */
export function toGrantInput(licenceId: string, values: GrantFormValues): GrantLicenceAccessInput {
  return {
    licenceId,
    grantee:
      values.granteeKind === 'DEPARTMENT'
        ? { departmentCode: values.departmentCode.trim() }
        : { apiClientId: values.apiClientId.trim() },
    purpose: values.purpose.trim(),
    validUntil: endOfChinaDay(values.validUntil),
    ...(values.scope === 'SELECTED' ? { disclose: [...new Set(values.claims)] } : {}),
  };
}

/** The input a server refusal names (`grantee.departmentCode`, `disclose`…), or null. */
export function fieldOfRefusal(field: string | null, granteeKind: GranteeKind): GrantField | null {
  switch (field) {
    case 'grantee':
      return granteeKind === 'DEPARTMENT' ? 'departmentCode' : 'apiClientId';
    case 'grantee.departmentCode':
      return 'departmentCode';
    case 'grantee.apiClientId':
      return 'apiClientId';
    case 'purpose':
      return 'purpose';
    case 'validUntil':
      return 'validUntil';
    case 'disclose':
      return 'claims';
    default:
      return null;
  }
}
