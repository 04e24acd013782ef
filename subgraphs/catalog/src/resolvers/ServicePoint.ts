import type { CatalogContext } from '../context.js';
import type { ServiceItem } from '../modules/service-item/service-item.entity.js';
import type { ServicePoint as Point } from '../modules/service-point/service-point.entity.js';
import type { Region as RegionRow } from '../modules/region/region.entity.js';
import { boundedFirst } from './shared.js';

export const ServicePoint = {
  __resolveReference: (ref: { id: string }, ctx: CatalogContext) => ctx.loaders.servicePoint.load(ref.id),
  location: async (point: Point, _: unknown, ctx: CatalogContext) => {
    const [city, district, street, community] = await Promise.all([
      ctx.loaders.region.load(point.cityCode),
      ctx.loaders.region.load(point.districtCode),
      ctx.loaders.region.load(point.streetCode),
      point.communityCode ? ctx.loaders.region.load(point.communityCode) : null,
    ]);
    return { city, district, street, community };
  },
  serviceItems: async (point: Point, args: { first?: number }, ctx: CatalogContext) => {
    const first = boundedFirst(args.first, 100, ctx);
    const links = await ctx.loaders.itemIdsOfPoint.load(point.id);
    const items = await ctx.loaders.serviceItem.loadMany(links.map((l) => l.itemId));
    return items
      .filter((i): i is ServiceItem => i !== null && !(i instanceof Error))
      .sort((a, b) => a.code.localeCompare(b.code))
      .slice(0, first);
  },
  serviceItemCount: (point: Point, _: unknown, ctx: CatalogContext) =>
    ctx.loaders.itemCountOfPoint.load(point.id),
};

export const Region = {
  children: (region: RegionRow, _: unknown, ctx: CatalogContext) =>
    ctx.loaders.childrenOfRegion.load(region.code),
};
