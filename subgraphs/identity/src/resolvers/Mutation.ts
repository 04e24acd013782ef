import type { IdentityContext } from '../context.js';
import { currentRequestInfo } from '../http/request-info.js';
import type { AccountState } from '../modules/account/account.entity.js';
import { changePassword, setAccountState } from '../modules/account/account.service.js';
import { createStaffAccount, setAccountRoles } from '../modules/account/staff-accounts.js';
import type { ConsentPurpose } from '../modules/consent/consent-record.entity.js';
import { grantConsent, withdrawConsent } from '../modules/consent/consent.service.js';
import {
  issueClientToken,
  registerApiClient,
  revokeApiClient,
  rotateApiClientSecret,
  type IssueClientTokenArgs,
  type RegisterApiClientInput,
} from '../modules/api-client/api-client.service.js';
import { exportMyData } from '../modules/data-export/export.js';
import {
  decideDeletionRequest,
  requestAccountDeletion,
  type DeletionDecision,
} from '../modules/deletion/deletion.service.js';
import { revealMyPersonalData, type PersonalDataField } from '../modules/personal-data/reveal.js';
import { revealPersonalData, type RevealPurposeInput } from '../modules/personal-data/staff-reveal.js';
import { refreshSession, type IssuedSession } from '../modules/session/session.service.js';
import { revokeOwnSession, signOut } from '../modules/session/sign-out.js';
import {
  signIn,
  verifySecondFactor,
  type SignInInput,
  type VerifySecondFactorInput,
} from '../modules/sign-in/sign-in.js';
import { signUp } from '../modules/sign-in/sign-up.js';
import { confirmTotp, enrolTotp } from '../modules/totp/enrolment.js';
import type { IdentityServices } from '../services.js';

/**
 * Once a session is issued, the rest of this response (e.g. `session { account { … } }`) is
 * resolved as the identity its access token carries — no more, no less than the token grants.
 */
function asSignedIn<T extends { session?: IssuedSession | null }>(ctx: IdentityContext, result: T): T {
  if (result.session) ctx.viewer = result.session.identity;
  return result;
}

/**
 * The request id and client IP for access records: the IP the gateway signed into the identity
 * header (kit's `clientIp`), else the peer address identity saw (direct calls, tests).
 */
const originOf = (ctx: IdentityContext) => ({
  requestId: ctx.requestId,
  clientIp: ctx.clientIp ?? currentRequestInfo().ip,
});

// Who may call what is declared in schema.graphql (@public / @auth) and enforced by kit; each
// mutation works on its own fork of the request's unit of work.
export const mutationResolvers = (services: IdentityServices) => ({
  signUp: async (_: unknown, { input }: { input: unknown }, ctx: IdentityContext) =>
    asSignedIn(ctx, await signUp(ctx.em.fork(), services, input, ctx.locale, ctx.log, ctx.requestId)),
  signIn: async (_: unknown, { input }: { input: SignInInput }, ctx: IdentityContext) =>
    asSignedIn(ctx, await signIn(ctx.em.fork(), services, input, ctx.locale, ctx.log)),
  verifySecondFactor: async (
    _: unknown,
    { input }: { input: VerifySecondFactorInput },
    ctx: IdentityContext,
  ) => asSignedIn(ctx, await verifySecondFactor(ctx.em.fork(), services, input, ctx.locale, ctx.log)),
  refreshSession: async (_: unknown, { refreshToken }: { refreshToken: string }, ctx: IdentityContext) =>
    asSignedIn(ctx, await refreshSession(ctx.em.fork(), services, refreshToken, ctx.locale, ctx.log)),
  signOut: (
    _: unknown,
    args: { refreshToken?: string | null; everywhere?: boolean | null },
    ctx: IdentityContext,
  ) => signOut(ctx.em.fork(), services, ctx.viewer, args, ctx.locale),
  changePassword: async (
    _: unknown,
    args: { currentPassword: string; newPassword: string },
    ctx: IdentityContext,
  ) => {
    const result = await changePassword(ctx.em.fork(), services, ctx.viewer, args, ctx.locale, ctx.log);
    return result.ok ? asSignedIn(ctx, result) : result;
  },
  enrolTotp: (_: unknown, __: unknown, ctx: IdentityContext) =>
    enrolTotp(ctx.em.fork(), services, ctx.viewer, ctx.locale),
  confirmTotp: async (_: unknown, { code }: { code: string }, ctx: IdentityContext) => {
    const result = await confirmTotp(ctx.em.fork(), services, ctx.viewer, code, ctx.locale, ctx.log);
    return result.ok ? asSignedIn(ctx, result) : result;
  },
  revealMyPersonalData: (_: unknown, { field }: { field: PersonalDataField }, ctx: IdentityContext) =>
    revealMyPersonalData(ctx.em.fork(), services, ctx.viewer, field, originOf(ctx), ctx.locale, ctx.log),
  revealPersonalData: (
    _: unknown,
    args: { personId: string; field: PersonalDataField; purpose: RevealPurposeInput | null },
    ctx: IdentityContext,
  ) => revealPersonalData(ctx.em.fork(), services, ctx.viewer, args, originOf(ctx), ctx.locale, ctx.log),
  revokeSession: (_: unknown, { id }: { id: string }, ctx: IdentityContext) =>
    revokeOwnSession(ctx.em.fork(), services, ctx.viewer, id, ctx.locale),
  setAccountState: (_: unknown, args: { id: string; state: AccountState }, ctx: IdentityContext) =>
    setAccountState(ctx.em.fork(), services, ctx.viewer, args, ctx.locale, ctx.log),
  createStaffAccount: (_: unknown, { input }: { input: unknown }, ctx: IdentityContext) =>
    createStaffAccount(ctx.em.fork(), services, ctx.viewer, input, ctx.locale, ctx.log),
  setAccountRoles: (
    _: unknown,
    args: { id: string; roles: string[]; expectedVersion: number },
    ctx: IdentityContext,
  ) => setAccountRoles(ctx.em.fork(), services, ctx.viewer, args, ctx.locale, ctx.log),
  grantConsent: (_: unknown, args: { purpose: ConsentPurpose; version: string }, ctx: IdentityContext) =>
    grantConsent(ctx.em.fork(), services, ctx.viewer, args, ctx.requestId, ctx.locale, ctx.log),
  withdrawConsent: (_: unknown, { purpose }: { purpose: ConsentPurpose }, ctx: IdentityContext) =>
    withdrawConsent(ctx.em.fork(), services, ctx.viewer, purpose, ctx.requestId, ctx.locale, ctx.log),
  exportMyData: (_: unknown, __: unknown, ctx: IdentityContext) =>
    exportMyData(ctx.em.fork(), services, ctx.viewer, originOf(ctx), ctx.locale, ctx.log),
  requestAccountDeletion: (_: unknown, args: { reason?: string | null }, ctx: IdentityContext) =>
    requestAccountDeletion(ctx.em.fork(), services, ctx.viewer, args, ctx.requestId, ctx.locale, ctx.log),
  decideDeletionRequest: (
    _: unknown,
    args: { id: string; decision: DeletionDecision; note?: string | null },
    ctx: IdentityContext,
  ) => decideDeletionRequest(ctx.em.fork(), services, ctx.viewer, args, ctx.locale, ctx.log),
  registerApiClient: (_: unknown, { input }: { input: RegisterApiClientInput }, ctx: IdentityContext) =>
    registerApiClient(ctx.em.fork(), services, ctx.viewer, input, ctx.locale, ctx.log),
  rotateApiClientSecret: (_: unknown, { clientId }: { clientId: string }, ctx: IdentityContext) =>
    rotateApiClientSecret(ctx.em.fork(), services, ctx.viewer, clientId, ctx.locale, ctx.log),
  revokeApiClient: (_: unknown, { clientId }: { clientId: string }, ctx: IdentityContext) =>
    revokeApiClient(ctx.em.fork(), services, ctx.viewer, clientId, ctx.locale, ctx.log),
  issueClientToken: (_: unknown, args: IssueClientTokenArgs, ctx: IdentityContext) =>
    issueClientToken(ctx.em.fork(), services, args, ctx.locale, ctx.log),
});
