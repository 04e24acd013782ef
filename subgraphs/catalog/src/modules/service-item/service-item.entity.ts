import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export interface MaterialData {
  name: string;
  description: string;
  originals: number;
  copies: number;
  required: boolean;
  fromLicenceType?: string | null;
}
export interface FeeData {
  free: boolean;
  amountYuan?: number | null;
  basis?: string | null;
  note?: string | null;
}
export interface FaqData {
  question: string;
  answer: string;
}

/**
 * 事项 — a service item with its current guide. Earlier guides live in `service_item_version`;
 * `version` doubles as the optimistic lock for edits.
 */
export const ServiceItem = defineEntity({
  name: 'ServiceItem',
  tableName: 'service_item',
  // Narrow index for the name-contains scan in search: it reads the index, not the wide rows.
  indexes: [{ name: 'service_item_name_id_index', properties: ['name', 'id'] }],
  properties: {
    id: p.string().length(36).primary(),
    code: p.string().length(32).unique(),
    name: p.string().length(200),
    nameEn: p.string().length(300),
    departmentCode: p.string().length(16).index(),
    category: p.string().length(32).index(),
    kind: p.string().length(32),
    keywords: p.json<string[]>(),
    summary: p.text(),
    eligibility: p.text(),
    materials: p.json<MaterialData[]>(),
    legalDays: p.integer(),
    promisedDays: p.integer(),
    fee: p.json<FeeData>(),
    channels: p.json<string[]>(),
    /** ",ONLINE,MOBILE," — the channels again as text, so both SQLite and PostgreSQL can filter with LIKE. */
    channelTags: p.string().length(64),
    visits: p.integer(),
    instantApproval: p.boolean(),
    handledAt: p.json<string[]>(),
    legalBasis: p.json<string[]>(),
    faq: p.json<FaqData[]>(),
    version: p.integer(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  },
});
export type ServiceItem = InferEntity<typeof ServiceItem>;

/** Which life events an item belongs to. */
export const ServiceItemLifeEvent = defineEntity({
  name: 'ServiceItemLifeEvent',
  tableName: 'service_item_life_event',
  properties: {
    itemId: p.string().length(36).primary(),
    lifeEventCode: p.string().length(32).primary().index(),
  },
});
export type ServiceItemLifeEvent = InferEntity<typeof ServiceItemLifeEvent>;

/** A previous guide of an item, kept when it is edited. */
export const ServiceItemVersion = defineEntity({
  name: 'ServiceItemVersion',
  tableName: 'service_item_version',
  properties: {
    itemId: p.string().length(36).primary(),
    version: p.integer().primary(),
    snapshot: p.json<Record<string, unknown>>(),
    replacedAt: p.datetime(),
  },
});
export type ServiceItemVersion = InferEntity<typeof ServiceItemVersion>;

/**
 * The search index: one row per (item, term) with the term's weight in that item. Written with
 * the item, in the same transaction, so search never sees a half-indexed guide.
 */
export const SearchTerm = defineEntity({
  name: 'SearchTerm',
  tableName: 'search_term',
  // Covering index: ranking sums weights per item from the index alone (measured 6× faster on SQLite).
  indexes: [{ name: 'search_term_covering_index', properties: ['term', 'itemId', 'weight'] }],
  properties: {
    term: p.string().length(64).primary(),
    itemId: p.string().length(36).primary().index(),
    weight: p.float().columnType('double precision'),
  },
});
export type SearchTerm = InferEntity<typeof SearchTerm>;
