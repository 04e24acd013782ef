import { mask, pick } from '@bianmin/kit';
import type { LicencesContext } from '../context.js';
import type { LicenceGrant } from '../modules/grant/grant.entity.js';
import { statusListUrl } from '../modules/credential/licence-credential.js';
import { isHolder, viewOf } from '../modules/licence/licence.access.js';
import type { Licence, LicenceStatusChange } from '../modules/licence/licence.entity.js';
import { displayStatus } from '../modules/licence/licence.read.js';
import type { LicenceType } from '../modules/licence-type/licence-type.entity.js';
import type { ValidityRule } from '../modules/licence-type/licence-type.model.js';
import type { LicencesServices } from '../services.js';

type Ctx = LicencesContext;
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

function validityDescription(rule: ValidityRule, locale: Ctx['locale']): string {
  switch (rule.kind) {
    case 'NONE':
      return pick(locale, { zh: '长期有效', en: 'Does not expire' });
    case 'ID_CARD_BY_AGE':
      return pick(locale, {
        zh: '按年龄：未满16周岁5年，16–25周岁10年，26–45周岁20年，46周岁以上长期',
        en: 'By age: 5 years under 16, 10 years to 25, 20 years to 45, no end from 46',
      });
    case 'PERIOD': {
      const y = rule.years ?? 0;
      const m = rule.months ?? 0;
      return pick(locale, {
        zh: `${y ? `${y}年` : ''}${m ? `${m}个月` : ''}`,
        en: [y ? `${y} year${y > 1 ? 's' : ''}` : '', m ? `${m} month${m > 1 ? 's' : ''}` : '']
          .filter(Boolean)
          .join(' '),
      });
    }
  }
}

export function entityResolvers(services: LicencesServices) {
  return {
    LicenceType: {
      __resolveReference: (ref: { code: string }, ctx: Ctx) => ctx.loaders.licenceType.load(ref.code),
      name: (t: LicenceType, _: unknown, ctx: Ctx) => pick(ctx.locale, { zh: t.nameZh, en: t.nameEn }),
      authority: (t: LicenceType, _: unknown, ctx: Ctx) => ({
        code: t.authorityCode,
        name: pick(ctx.locale, { zh: t.authorityNameZh, en: t.authorityNameEn }),
      }),
      fields: (t: LicenceType, _: unknown, ctx: Ctx) =>
        t.fields.map((f) => ({ ...f, label: pick(ctx.locale, f.label), sensitive: f.sensitive ?? null })),
      validity: (t: LicenceType, _: unknown, ctx: Ctx) => ({
        kind: t.validity.kind,
        years: t.validity.kind === 'PERIOD' ? (t.validity.years ?? null) : null,
        months: t.validity.kind === 'PERIOD' ? (t.validity.months ?? null) : null,
        description: validityDescription(t.validity, ctx.locale),
      }),
    },
    Licence: {
      // A reference from another subgraph resolves only for the holder and managing staff.
      __resolveReference: async (ref: { id: string }, ctx: Ctx) => {
        const licence = await ctx.loaders.licence.load(ref.id);
        return licence && viewOf(ctx.viewer, licence) ? licence : null;
      },
      type: (l: Licence, _: unknown, ctx: Ctx) => ctx.loaders.licenceType.load(l.typeCode),
      status: (l: Licence) => displayStatus(l, services.now()),
      statusChangedAt: (l: Licence) => iso(l.statusChangedAt),
      fields: async (l: Licence, _: unknown, ctx: Ctx) => {
        const type = await ctx.loaders.licenceType.load(l.typeCode);
        return Object.entries(l.fields).map(([name, value]) => {
          const spec = type?.fields.find((f) => f.name === name);
          const text = String(value);
          return {
            name,
            label: spec ? pick(ctx.locale, spec.label) : name,
            // Like @sensitive: personal fields show masked; the holder has them in full in `credential`.
            value: spec?.sensitive ? mask(spec.sensitive, text) : text,
          };
        });
      },
      credential: (l: Licence, _: unknown, ctx: Ctx) => (isHolder(ctx.viewer, l) ? l.credential : null),
      statusEntries: (l: Licence) => [
        {
          purpose: 'revocation',
          statusListCredential: statusListUrl(services.publicUrl, 'revocation', l.revocationList),
          index: l.revocationIndex,
        },
        {
          purpose: 'suspension',
          statusListCredential: statusListUrl(services.publicUrl, 'suspension', l.suspensionList),
          index: l.suspensionIndex,
        },
      ],
      issuedAt: (l: Licence) => l.createdAt.toISOString(),
      history: (l: Licence, _: unknown, ctx: Ctx) => ctx.loaders.historyOf.load(l.id),
    },
    LicenceStatusStep: {
      at: (s: LicenceStatusChange) => s.at.toISOString(),
    },
    LicenceGrant: {
      licence: async (g: LicenceGrant, _: unknown, ctx: Ctx) => {
        const licence = await ctx.loaders.licence.load(g.licenceId);
        return licence && viewOf(ctx.viewer, licence) ? licence : null;
      },
      validUntil: (g: LicenceGrant) => g.validUntil.toISOString(),
      createdAt: (g: LicenceGrant) => g.createdAt.toISOString(),
      revokedAt: (g: LicenceGrant) => iso(g.revokedAt),
      state: (g: LicenceGrant) =>
        g.revokedAt ? 'REVOKED' : g.validUntil.getTime() <= services.now() ? 'EXPIRED' : 'ACTIVE',
      uses: async (g: LicenceGrant, _: unknown, ctx: Ctx) =>
        (await ctx.loaders.usesOf.load(g.id)).slice(0, 1000).map((u) => ({
          at: u.at.toISOString(),
          by: u.byLabel,
          purpose: u.purpose,
        })),
    },
  };
}
