import type { LicencesContext } from '../context.js';
import { Licence } from '../modules/licence/licence.entity.js';
import { checkPresentationToken } from '../modules/presentation/presentation.js';
import { resultView, statusMessage } from '../modules/verification/verification.view.js';
import type { Verification } from '../modules/verification/verify.js';
import type { LicencesServices } from '../services.js';

type Ctx = LicencesContext;

const typeCodeOf = (v: Verification): string | null => {
  const subject = v.credential?.credentialSubject as { licence?: { typeCode?: unknown } } | undefined;
  return typeof subject?.licence?.typeCode === 'string' ? subject.licence.typeCode : null;
};

export function verificationResolvers(services: LicencesServices) {
  const view = async (v: Verification, ctx: Ctx, masked: boolean, expiresAt: string | null = null) => {
    const code = typeCodeOf(v);
    const type = code ? await ctx.loaders.licenceType.load(code) : null;
    return resultView(v, type, ctx.locale, { masked, expiresAt });
  };
  return {
    Query: {
      verifyCredential: async (_: unknown, { credential }: { credential: string }, ctx: Ctx) =>
        view(await services.verifier.verifyText(credential), ctx, false),
      verifyPresentation: async (_: unknown, { token }: { token: string }, ctx: Ctx) => {
        const check = checkPresentationToken(services.presentationKey, token.trim(), services.now());
        if (!check.ok && check.problem === 'EXPIRED')
          return {
            status: 'EXPIRED_PRESENTATION',
            message: statusMessage('EXPIRED_PRESENTATION', ctx.locale),
            checks: [
              {
                check: 'PRESENTATION',
                passed: false,
                detail: `expired at ${new Date(check.expiresAt!).toISOString()}`,
              },
            ],
            issuer: null,
            licence: null,
            expiresAt: new Date(check.expiresAt!).toISOString(),
          };
        const licence = check.ok ? await ctx.em.findOne(Licence, { id: check.licenceId }) : null;
        if (!check.ok || !licence)
          return {
            status: 'TAMPERED',
            message: statusMessage('TAMPERED', ctx.locale),
            checks: [
              { check: 'PRESENTATION', passed: false, detail: 'not a presentation token of this service' },
            ],
            issuer: null,
            licence: null,
            expiresAt: null,
          };
        const verification = await services.verifier.verifyText(licence.credential);
        const expiresAt = new Date(check.expiresAt).toISOString();
        const result = await view(verification, ctx, true, expiresAt);
        return {
          ...result,
          checks: [
            { check: 'PRESENTATION', passed: true, detail: `valid until ${expiresAt}` },
            ...result.checks,
          ],
        };
      },
    },
  };
}
