import { LICENCE_TYPES, type LicenceTypeCode } from '../db/seeds/data/types.js';
import type { CatalogContext } from '../context.js';
import type { MaterialData, ServiceItem as Item } from '../modules/service-item/service-item.entity.js';
import type { ServicePoint } from '../modules/service-point/service-point.entity.js';
import { boundedFirst, byPointPriority } from './shared.js';

export const ServiceItem = {
  __resolveReference: (ref: { id: string }, ctx: CatalogContext) => ctx.loaders.serviceItem.load(ref.id),
  department: (item: Item, _: unknown, ctx: CatalogContext) =>
    ctx.loaders.department.load(item.departmentCode),
  lifeEvents: async (item: Item, _: unknown, ctx: CatalogContext) => {
    const links = await ctx.loaders.lifeEventCodesOfItem.load(item.id);
    const events = await ctx.loaders.lifeEvent.loadMany(links.map((l) => l.lifeEventCode));
    return events.filter((e) => e && !(e instanceof Error));
  },
  servicePoints: async (item: Item, args: { first?: number }, ctx: CatalogContext) => {
    const first = boundedFirst(args.first, 50, ctx);
    const links = await ctx.loaders.pointIdsOfItem.load(item.id);
    const points = (await ctx.loaders.servicePoint.loadMany(links.map((l) => l.pointId))).filter(
      (p): p is ServicePoint => p !== null && !(p instanceof Error),
    );
    return points.sort(byPointPriority).slice(0, first);
  },
  servicePointCount: (item: Item, _: unknown, ctx: CatalogContext) =>
    ctx.loaders.pointCountOfItem.load(item.id),
  updatedAt: (item: Item) => new Date(item.updatedAt).toISOString(),
  history: async (item: Item, _: unknown, ctx: CatalogContext) => {
    const versions = await ctx.loaders.versionsOfItem.load(item.id);
    return versions.slice(0, 20).map((v) => ({
      version: v.version,
      name: String(v.snapshot.name ?? ''),
      summary: String(v.snapshot.summary ?? ''),
      promisedDays: Number(v.snapshot.promisedDays ?? 0),
      replacedAt: new Date(v.replacedAt).toISOString(),
    }));
  },
};

export const Material = {
  fromLicence: (m: MaterialData) =>
    m.fromLicenceType
      ? {
          code: m.fromLicenceType,
          name: LICENCE_TYPES[m.fromLicenceType as LicenceTypeCode] ?? m.fromLicenceType,
        }
      : null,
};
