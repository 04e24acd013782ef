import { pick } from '@bianmin/kit';
import type { CatalogContext } from '../context.js';
import { Department } from '../modules/department/department.entity.js';
import { LifeEvent } from '../modules/life-event/life-event.entity.js';
import { Region } from '../modules/region/region.entity.js';
import { browseServiceItems, type ServiceItemFilter } from '../modules/service-item/service-item.browse.js';
import { searchServiceItems } from '../modules/service-item/service-item.search.js';
import { nearbyServicePoints, type NearbyArgs } from '../modules/service-point/nearby.js';
import { badInput } from '@bianmin/kit';

const MAX_ID = 64;
const checkId = (value: string, field: string, ctx: CatalogContext) => {
  if (value.length === 0 || value.length > MAX_ID) {
    throw badInput(pick(ctx.locale, { zh: `${field} 格式不正确`, en: `${field} is not valid.` }), field);
  }
};

export const Query = {
  serviceItems: (
    _: unknown,
    args: { filter?: ServiceItemFilter; first?: number; after?: string },
    ctx: CatalogContext,
  ) => browseServiceItems(ctx.em, args),
  searchServiceItems: (
    _: unknown,
    args: { query: string; first?: number; after?: string },
    ctx: CatalogContext,
  ) => searchServiceItems(ctx.em, args, ctx.locale),
  serviceItem: (_: unknown, { id }: { id: string }, ctx: CatalogContext) => {
    checkId(id, 'id', ctx);
    return ctx.loaders.serviceItem.load(id);
  },
  serviceItemByCode: (_: unknown, { code }: { code: string }, ctx: CatalogContext) => {
    checkId(code, 'code', ctx);
    return ctx.loaders.serviceItemByCode.load(code.trim().toUpperCase());
  },
  nearbyServicePoints: (_: unknown, args: NearbyArgs, ctx: CatalogContext) =>
    nearbyServicePoints(ctx.em, args, ctx.locale),
  lifeEvents: (_: unknown, __: unknown, ctx: CatalogContext) =>
    ctx.em.find(LifeEvent, {}, { orderBy: { displayOrder: 'asc' } }),
  departments: (_: unknown, __: unknown, ctx: CatalogContext) =>
    ctx.em.find(Department, {}, { orderBy: { code: 'asc' } }),
  servicePoint: (_: unknown, { id }: { id: string }, ctx: CatalogContext) => {
    checkId(id, 'id', ctx);
    return ctx.loaders.servicePoint.load(id);
  },
  districts: (_: unknown, __: unknown, ctx: CatalogContext) =>
    ctx.em.find(Region, { level: 'DISTRICT' }, { orderBy: { code: 'asc' } }),
};
