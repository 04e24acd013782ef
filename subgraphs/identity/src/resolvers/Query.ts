import { badInput, pageSize, pick, type Failure } from '@bianmin/kit';
import { GraphQLError } from 'graphql';
import type { IdentityContext } from '../context.js';
import { listAccounts, type AccountFilter } from '../modules/account/staff-accounts.js';
import { departmentColleagues } from '../modules/account/staff-members.js';
import { personForIssuance } from '../modules/person/issuance.js';
import { myApiClients } from '../modules/api-client/api-client.service.js';
import { Organization, type OrganizationKind } from '../modules/organization/organization.entity.js';
import { dataAccessAudit, myDataAccessLog, type AuditFilter } from '../modules/personal-data/access-log.js';
import { CURRENT_POLICY_VERSION, myConsents } from '../modules/consent/consent.service.js';
import type { DeletionStatus } from '../modules/deletion/deletion-request.entity.js';
import { deletionRequests, myDeletionRequests } from '../modules/deletion/deletion.service.js';
import { isFailure, requireSignedIn } from '../modules/session/session.guard.js';
import { activeSessions, liveSessionOf } from '../modules/session/session.service.js';
import type { IdentityServices } from '../services.js';

/** Queries have no result type: an expected failure becomes a GraphQL error with its code. */
const asError = (failure: Failure) =>
  new GraphQLError(failure.error.message, {
    extensions: { code: failure.error.code, field: failure.error.field ?? undefined },
  });

const orThrow = <T extends object>(result: T | Failure): T => {
  if (isFailure(result)) throw asError(result);
  return result;
};

export const queryResolvers = (services: IdentityServices) => ({
  me: async (_: unknown, __: unknown, ctx: IdentityContext) => {
    const session = await liveSessionOf(ctx.em, ctx.viewer, services.now());
    return session ? ctx.loaders.account.load(session.accountId) : null;
  },
  mySessions: async (_: unknown, args: { first?: number }, ctx: IdentityContext) => {
    const first = pageSize(args.first, 50);
    const now = services.now();
    const signedIn = await requireSignedIn(ctx.em, ctx.viewer, now, ctx.locale);
    if (isFailure(signedIn)) throw asError(signedIn);
    const sessions = await activeSessions(ctx.em, signedIn.account.id, now, first);
    return sessions.map((s) => ({
      id: s.id,
      createdAt: new Date(s.createdAt).toISOString(),
      lastUsedAt: new Date(s.lastUsedAt).toISOString(),
      idleExpiresAt: new Date(s.idleExpiresAt).toISOString(),
      expiresAt: new Date(s.expiresAt).toISOString(),
      userAgent: s.userAgent,
      secondFactorVerified: s.mfa,
      current: s.id === signedIn.session.id,
    }));
  },
  organizations: (_: unknown, args: { kind?: OrganizationKind | null }, ctx: IdentityContext) =>
    ctx.em.find(Organization, args.kind ? { kind: args.kind } : {}, { orderBy: { code: 'asc' } }),
  organization: (_: unknown, { code }: { code: string }, ctx: IdentityContext) => {
    const trimmed = code.trim().toUpperCase();
    if (trimmed.length === 0 || trimmed.length > 16)
      throw badInput(pick(ctx.locale, { zh: 'code 格式不正确', en: 'code is not valid.' }), 'code');
    return ctx.loaders.organization.load(trimmed);
  },
  account: (_: unknown, { id }: { id: string }, ctx: IdentityContext) => {
    if (id.length === 0 || id.length > 36)
      throw badInput(pick(ctx.locale, { zh: 'id 格式不正确', en: 'id is not valid.' }), 'id');
    return ctx.loaders.account.load(id);
  },
  accounts: async (
    _: unknown,
    args: { filter?: AccountFilter | null; first?: number | null; after?: string | null },
    ctx: IdentityContext,
  ) => orThrow(await listAccounts(ctx.em, services, ctx.viewer, args, ctx.locale)),
  departmentColleagues: (_: unknown, __: unknown, ctx: IdentityContext) =>
    departmentColleagues(ctx.em, ctx.viewer),
  personForIssuance: (_: unknown, { personId }: { personId: string }, ctx: IdentityContext) =>
    personForIssuance(ctx.em.fork(), ctx.viewer, personId, {
      requestId: ctx.requestId,
      now: services.now(),
      log: ctx.log,
    }),
  myDataAccessLog: async (
    _: unknown,
    args: { first?: number | null; after?: string | null },
    ctx: IdentityContext,
  ) => orThrow(await myDataAccessLog(ctx.em, services, ctx.viewer, args, ctx.locale)),
  dataAccessAudit: async (
    _: unknown,
    args: { filter?: AuditFilter | null; first?: number | null; after?: string | null },
    ctx: IdentityContext,
  ) => orThrow(await dataAccessAudit(ctx.em, services, ctx.viewer, args, ctx.locale, ctx.log)),
  currentPolicyVersion: () => CURRENT_POLICY_VERSION,
  myConsents: async (_: unknown, __: unknown, ctx: IdentityContext) =>
    orThrow(await myConsents(ctx.em, services, ctx.viewer, ctx.locale)),
  myDeletionRequests: async (_: unknown, __: unknown, ctx: IdentityContext) =>
    orThrow(await myDeletionRequests(ctx.em, services, ctx.viewer, ctx.locale)),
  deletionRequests: async (
    _: unknown,
    args: { status?: DeletionStatus | null; first?: number | null; after?: string | null },
    ctx: IdentityContext,
  ) => orThrow(await deletionRequests(ctx.em, services, ctx.viewer, args, ctx.locale)),
  myApiClients: async (_: unknown, __: unknown, ctx: IdentityContext) =>
    orThrow(await myApiClients(ctx.em, services, ctx.viewer, ctx.locale)),
});
