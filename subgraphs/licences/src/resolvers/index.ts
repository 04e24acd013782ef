import { badInput } from '@bianmin/kit';
import type { LicencesContext } from '../context.js';
import {
  grantLicenceAccess,
  myLicenceGrants,
  revokeLicenceGrant,
  sharedLicence,
  type GrantInput,
} from '../modules/grant/grant.service.js';
import { issueLicence, type IssueLicenceInput } from '../modules/licence/licence.issue.js';
import {
  issuedLicences,
  licenceFor,
  licencesOfHolder,
  myLicences,
  type IssuedFilter,
} from '../modules/licence/licence.read.js';
import { changeLicenceStatus, type StatusAction } from '../modules/licence/licence.status.js';
import { allLicenceTypes } from '../modules/licence-type/licence-type.store.js';
import { presentLicence } from '../modules/presentation/presentation.js';
import type { LicencesServices } from '../services.js';
import { entityResolvers } from './Licence.js';
import { verificationResolvers } from './verification.js';

type Ctx = LicencesContext;
type Paged = { first?: number | null; after?: string | null };

// Who may call what is declared in schema.graphql (@public / @auth) and enforced by kit; which
// licence a caller may see or change (their own; their authority's) is checked in the modules.
export function createResolvers(services: LicencesServices) {
  const status = (action: StatusAction) => (_: unknown, args: { id: string; reason: string }, ctx: Ctx) =>
    changeLicenceStatus(ctx.em.fork(), services, ctx.viewer, { ...args, action }, ctx.locale, ctx.requestId);
  return {
    Query: {
      licenceTypes: (_: unknown, __: unknown, ctx: Ctx) => allLicenceTypes(ctx.em),
      licenceType: (_: unknown, { code }: { code: string }, ctx: Ctx) => ctx.loaders.licenceType.load(code),
      myLicences: (_: unknown, args: Paged & { typeCodes?: string[] | null }, ctx: Ctx) =>
        myLicences(ctx.em, ctx.viewer, args),
      licence: (_: unknown, { id }: { id: string }, ctx: Ctx) => licenceFor(ctx.em, ctx.viewer, id),
      licencesOfHolder: (_: unknown, { typeCodes }: { typeCodes: string[] }, ctx: Ctx) => {
        if (typeCodes.length === 0) throw badInput('Give 1–50 type codes.', 'typeCodes');
        return licencesOfHolder(ctx.em, ctx.viewer, typeCodes, services.now());
      },
      issuedLicences: (_: unknown, args: Paged & { filter?: IssuedFilter | null }, ctx: Ctx) =>
        issuedLicences(ctx.em, ctx.viewer, args, services.now()),
      licenceIssuerDid: () => services.keys.did,
      licenceIssuerKeys: () => services.keys.keys(),
      myLicenceGrants: (_: unknown, args: Paged & { licenceId?: string | null }, ctx: Ctx) =>
        myLicenceGrants(ctx.em, ctx.viewer, args),
      sharedLicence: async (_: unknown, { grantId }: { grantId: string }, ctx: Ctx) => {
        const result = await sharedLicence(
          ctx.em.fork(),
          services,
          ctx.viewer,
          grantId,
          ctx.locale,
          ctx.requestId,
        );
        if (!result.ok) return result;
        const { grant, licence, status: now, disclosed, credential } = result.shared;
        return {
          ...result,
          shared: {
            grantId: grant.id,
            purpose: grant.purpose,
            status: now,
            typeCode: licence.typeCode,
            name: licence.name,
            disclosed,
            credential,
          },
        };
      },
      ...verificationResolvers(services).Query,
    },
    Mutation: {
      issueLicence: (_: unknown, { input }: { input: IssueLicenceInput }, ctx: Ctx) =>
        issueLicence(ctx.em.fork(), services, ctx.viewer, input, ctx.locale, ctx.requestId),
      revokeLicence: status('REVOKE'),
      suspendLicence: status('SUSPEND'),
      reinstateLicence: status('REINSTATE'),
      presentLicence: (_: unknown, { id }: { id: string }, ctx: Ctx) =>
        presentLicence(ctx.em, services, ctx.viewer, id, ctx.locale),
      grantLicenceAccess: (_: unknown, { input }: { input: GrantInput }, ctx: Ctx) =>
        grantLicenceAccess(ctx.em.fork(), services, ctx.viewer, input, ctx.locale),
      revokeLicenceGrant: (_: unknown, { id }: { id: string }, ctx: Ctx) =>
        revokeLicenceGrant(ctx.em.fork(), services, ctx.viewer, id, ctx.locale),
    },
    ...entityResolvers(services),
  };
}
