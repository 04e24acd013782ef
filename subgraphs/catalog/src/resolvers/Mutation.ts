import type { CatalogContext } from '../context.js';
import { createServiceItem, updateServiceItem } from '../modules/service-item/service-item.store.js';

// Who may call these is declared in schema.graphql (@auth(requires: ["catalog-editor"])) and
// enforced by kit before a resolver runs; a refusal comes back as { ok: false, error }.
export const Mutation = {
  createServiceItem: (_: unknown, { input }: { input: unknown }, ctx: CatalogContext) =>
    createServiceItem(ctx.em, input, ctx.locale),
  updateServiceItem: (
    _: unknown,
    { id, expectedVersion, input }: { id: string; expectedVersion: number; input: unknown },
    ctx: CatalogContext,
  ) => updateServiceItem(ctx.em, id, expectedVersion, input, ctx.locale),
};
