import type { CatalogContext } from '../context.js';
import { createServiceItem, updateServiceItem } from '../modules/service-item/service-item.store.js';

// Who may call these is declared in schema.graphql (@auth(requires: ["catalog-editor"])) and
// enforced by kit before a resolver runs; which items an editor may change (their own department's)
// is checked in the store. Either refusal comes back as { ok: false, error }.
export const Mutation = {
  createServiceItem: (_: unknown, { input }: { input: unknown }, ctx: CatalogContext) =>
    createServiceItem(ctx.em, ctx.viewer, input, ctx.locale),
  updateServiceItem: (
    _: unknown,
    { id, expectedVersion, input }: { id: string; expectedVersion: number; input: unknown },
    ctx: CatalogContext,
  ) => updateServiceItem(ctx.em, ctx.viewer, id, expectedVersion, input, ctx.locale),
};
