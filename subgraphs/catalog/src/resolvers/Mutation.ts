import { ErrorCode, fail, hasRole, pick } from '@bianmin/kit';
import { CATALOG_EDITOR_ROLE, type CatalogContext } from '../context.js';
import { createServiceItem, updateServiceItem } from '../modules/service-item/service-item.store.js';

function forbidden(ctx: CatalogContext) {
  return ctx.viewer.roles.length === 0
    ? fail(ErrorCode.UNAUTHENTICATED, pick(ctx.locale, { zh: '请先登录', en: 'Sign in first.' }))
    : fail(
        ErrorCode.FORBIDDEN,
        pick(ctx.locale, { zh: '需要事项编辑权限', en: 'This needs the catalog-editor role.' }),
      );
}

export const Mutation = {
  createServiceItem: (_: unknown, { input }: { input: unknown }, ctx: CatalogContext) =>
    hasRole(ctx.viewer, CATALOG_EDITOR_ROLE) ? createServiceItem(ctx.em, input, ctx.locale) : forbidden(ctx),
  updateServiceItem: (
    _: unknown,
    { id, expectedVersion, input }: { id: string; expectedVersion: number; input: unknown },
    ctx: CatalogContext,
  ) =>
    hasRole(ctx.viewer, CATALOG_EDITOR_ROLE)
      ? updateServiceItem(ctx.em, id, expectedVersion, input, ctx.locale)
      : forbidden(ctx),
};
