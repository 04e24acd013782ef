import type { ApiClient } from '../modules/api-client/api-client.entity.js';
import { scopesOf } from '../modules/api-client/api-client.service.js';
import type { IdentityContext } from '../context.js';
import type { Account as AccountRow } from '../modules/account/account.entity.js';
import { requiresSecondFactor } from '../modules/account/roles.js';
import type { StaffMember } from '../modules/account/staff-members.js';
import {
  canSeeAccount,
  canSeePerson,
  canSeeStaffMember,
  notYours,
  readsStaffMembers,
} from '../modules/account/visibility.js';
import { REQUIRED_CONSENT_PURPOSES, type ConsentRecord } from '../modules/consent/consent-record.entity.js';
import type { DeletionRequest } from '../modules/deletion/deletion-request.entity.js';
import type { Person as PersonRow } from '../modules/person/person.entity.js';
import type { PersonalDataAccess } from '../modules/personal-data/personal-data-access.entity.js';

const iso = (value: Date | string) => new Date(value).toISOString();

// Account and Person are reachable from other subgraphs by @key: the reference resolvers load
// through the request's loaders (N references, one query) and apply who-may-see-whom.
export const accountResolvers = () => ({
  __resolveReference: async (ref: { id: string }, ctx: IdentityContext) => {
    const account = await ctx.loaders.account.load(ref.id);
    if (account && !canSeeAccount(ctx.viewer, account)) throw notYours(ctx.locale);
    return account;
  },
  department: (a: AccountRow, _: unknown, ctx: IdentityContext) =>
    a.departmentCode ? ctx.loaders.organization.load(a.departmentCode) : null,
  person: (a: AccountRow, _: unknown, ctx: IdentityContext) =>
    a.personId ? ctx.loaders.person.load(a.personId) : null,
  secondFactorRequired: (a: AccountRow) => requiresSecondFactor(a.roles),
  recoveryCodesRemaining: (a: AccountRow) =>
    a.totpEnabled ? a.recoveryCodes.filter((entry) => !entry.usedAt).length : 0,
  createdAt: (a: AccountRow) => iso(a.createdAt),
  passwordChangedAt: (a: AccountRow) => iso(a.passwordChangedAt),
});

export const personResolvers = () => ({
  __resolveReference: async (ref: { id: string }, ctx: IdentityContext) => {
    const person = await ctx.loaders.person.load(ref.id);
    if (person && !canSeePerson(ctx.viewer, person)) throw notYours(ctx.locale);
    return person;
  },
  // Masked fields (idNumber, phone, address) are masked by kit's @sensitive; the date of birth
  // would unmask half an ID number, so only the person sees it.
  dateOfBirth: (p: PersonRow, _: unknown, ctx: IdentityContext) =>
    ctx.viewer.personId === p.id ? p.dateOfBirth : null,
});

// Other subgraphs (affairs: assignees, who took a step) refer to staff by account id. A member
// another department's staff may not see reads as null rather than an error, so one assignee
// out of sight does not spoil a whole list; locked and disabled accounts still resolve.
export const staffMemberResolvers = () => ({
  __resolveReference: async (ref: { accountId?: unknown }, ctx: IdentityContext) => {
    // Callers who may see no staff member at all are refused by kit's @auth on the type, field
    // by field: hand kit the bare reference instead of looking the account up.
    if (!readsStaffMembers(ctx.viewer)) return ref;
    if (typeof ref.accountId !== 'string') return null;
    const member = await ctx.loaders.staffMember.load(ref.accountId);
    return member && canSeeStaffMember(ctx.viewer, member) ? member : null;
  },
  department: (m: StaffMember, _: unknown, ctx: IdentityContext) =>
    ctx.loaders.organization.load(m.departmentCode),
  active: (m: StaffMember) => m.state === 'ACTIVE',
});

export const organizationResolvers = () => ({
  __resolveReference: (ref: { code: string }, ctx: IdentityContext) =>
    ctx.loaders.organization.load(ref.code),
});

// Access records are only ever reached through myDataAccessLog (the person's own) and
// dataAccessAudit (auditors), which choose the rows; these only shape them.
export const dataAccessRecordResolvers = () => ({
  at: (r: PersonalDataAccess) => iso(r.createdAt),
  accessorDepartment: (r: PersonalDataAccess, _: unknown, ctx: IdentityContext) =>
    r.accessorDepartment ? ctx.loaders.organization.load(r.accessorDepartment) : null,
  self: (r: PersonalDataAccess) => r.purposeKind === 'SELF' || r.accessorPersonId === r.personId,
});

// Consents and deletion requests are only reached through the caller's own lists, the results
// of their own mutations, and the administrators' queue; these only shape them.
export const consentResolvers = () => ({
  grantedAt: (c: ConsentRecord) => iso(c.grantedAt),
  withdrawnAt: (c: ConsentRecord) => (c.withdrawnAt ? iso(c.withdrawnAt) : null),
  active: (c: ConsentRecord) => !c.withdrawnAt,
  required: (c: ConsentRecord) => REQUIRED_CONSENT_PURPOSES.includes(c.purpose),
});

export const deletionRequestResolvers = () => ({
  requestedAt: (r: DeletionRequest) => iso(r.requestedAt),
  decidedAt: (r: DeletionRequest) => (r.decidedAt ? iso(r.decidedAt) : null),
  person: (r: DeletionRequest, _: unknown, ctx: IdentityContext) => ctx.loaders.person.load(r.personId),
});

const isoOrNull = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export const apiClientResolvers = () => ({
  scopes: (c: ApiClient) => scopesOf(c),
  createdAt: (c: ApiClient) => new Date(c.createdAt).toISOString(),
  lastUsedAt: (c: ApiClient) => isoOrNull(c.lastUsedAt ?? null),
  previousSecretExpiresAt: (c: ApiClient) => isoOrNull(c.previousSecretExpiresAt ?? null),
  revokedAt: (c: ApiClient) => isoOrNull(c.revokedAt ?? null),
});
