import type { CatalogContext } from '../context.js';
import type { Department as DepartmentRow } from '../modules/department/department.entity.js';
import type { LifeEvent as LifeEventRow } from '../modules/life-event/life-event.entity.js';

export const Department = {
  __resolveReference: (ref: { code: string }, ctx: CatalogContext) => ctx.loaders.department.load(ref.code),
  serviceItemCount: (d: DepartmentRow, _: unknown, ctx: CatalogContext) =>
    ctx.loaders.itemCountOfDepartment.load(d.code),
};

export const LifeEvent = {
  __resolveReference: (ref: { code: string }, ctx: CatalogContext) => ctx.loaders.lifeEvent.load(ref.code),
  serviceItemCount: (e: LifeEventRow, _: unknown, ctx: CatalogContext) =>
    ctx.loaders.itemCountOfLifeEvent.load(e.code),
};
