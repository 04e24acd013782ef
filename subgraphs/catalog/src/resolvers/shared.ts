import { badInput, pick } from '@bianmin/kit';
import type { CatalogContext } from '../context.js';
import { POINT_TYPES } from '../db/seeds/data/types.js';
import type { ServicePoint } from '../modules/service-point/service-point.entity.js';

/** Nested list arguments are bounded too. */
export function boundedFirst(first: number | undefined, max: number, ctx: CatalogContext): number {
  const n = first ?? 20;
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw badInput(
      pick(ctx.locale, {
        zh: `first 必须在 1 到 ${max} 之间`,
        en: `\`first\` must be between 1 and ${max}.`,
      }),
      'first',
    );
  }
  return n;
}

/** Bigger centres first (市民中心 before 社区服务站), then by code. */
export function byPointPriority(a: ServicePoint, b: ServicePoint): number {
  const order = (p: ServicePoint) => POINT_TYPES.indexOf(p.type as (typeof POINT_TYPES)[number]);
  return order(a) - order(b) || a.code.localeCompare(b.code);
}
