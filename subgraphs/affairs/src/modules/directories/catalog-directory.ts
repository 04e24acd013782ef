/**
 * What affairs needs to know about a service item, read from the catalog (which owns it) when a
 * resident starts an application. The application keeps this snapshot: the terms in force when
 * the resident applied are the ones that apply, whatever the catalog says later.
 */
export interface ItemTerms {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  departmentCode: string;
  departmentName: string;
  /** 法定办结时限 and 承诺办结时限, in working days (0: 即办). */
  legalDays: number;
  promisedDays: number;
  catalogVersion: number;
  materials: ItemMaterial[];
}

export interface ItemMaterial {
  /** Position in the guide, `m1`, `m2`…: stable within the snapshot. */
  id: string;
  name: string;
  required: boolean;
  /** The electronic licence type that replaces it (零材料), or null: upload it. */
  fromLicenceType: string | null;
}

export type TermsLookup = { ok: true; terms: ItemTerms | null } | { ok: false; reason: 'UNAVAILABLE' };

export type ItemLookup = { ok: true; id: string | null } | { ok: false; reason: 'UNAVAILABLE' };

/** The catalog, seen from affairs. */
export interface CatalogDirectory {
  itemTerms(itemId: string): Promise<TermsLookup>;
  /** The id of the item with this public code, or null when the catalog has none. */
  itemIdByCode(itemCode: string): Promise<ItemLookup>;
}

/** Runs a GraphQL operation against the catalog: over HTTP in production, in process in tests. */
export type GraphQLExecutor = (
  query: string,
  variables: Record<string, unknown>,
) => Promise<{ data?: unknown; errors?: readonly unknown[] }>;

const TERMS_QUERY = `query AffairsItemTerms($id: ID!) {
  serviceItem(id: $id) {
    id code name nameEn legalDays promisedDays version
    department { code name }
    materials { name required fromLicence { code } }
  }
}`;

interface TermsData {
  serviceItem: {
    id: string;
    code: string;
    name: string;
    nameEn: string;
    legalDays: number;
    promisedDays: number;
    version: number;
    department: { code: string; name: string };
    materials: { name: string; required: boolean; fromLicence: { code: string } | null }[];
  } | null;
}

const ITEM_BY_CODE_QUERY = `query AffairsItemByCode($code: String!) { serviceItemByCode(code: $code) { id } }`;

/** The catalog's public API (`serviceItem`) as a directory. Any failure reads as UNAVAILABLE. */
export function graphQLCatalogDirectory(execute: GraphQLExecutor): CatalogDirectory {
  return {
    async itemIdByCode(itemCode) {
      try {
        const result = await execute(ITEM_BY_CODE_QUERY, { code: itemCode });
        if (result.errors?.length || !result.data) return { ok: false, reason: 'UNAVAILABLE' };
        const item = (result.data as { serviceItemByCode: { id: string } | null }).serviceItemByCode;
        return { ok: true, id: item?.id ?? null };
      } catch {
        return { ok: false, reason: 'UNAVAILABLE' };
      }
    },
    async itemTerms(itemId) {
      let result;
      try {
        result = await execute(TERMS_QUERY, { id: itemId });
      } catch {
        return { ok: false, reason: 'UNAVAILABLE' };
      }
      if (result.errors?.length || !result.data) return { ok: false, reason: 'UNAVAILABLE' };
      const item = (result.data as TermsData).serviceItem;
      if (!item) return { ok: true, terms: null };
      return {
        ok: true,
        terms: {
          id: item.id,
          code: item.code,
          name: item.name,
          nameEn: item.nameEn,
          departmentCode: item.department.code,
          departmentName: item.department.name,
          legalDays: item.legalDays,
          promisedDays: item.promisedDays,
          catalogVersion: item.version,
          materials: item.materials.map((m, i) => ({
            id: `m${i + 1}`,
            name: m.name,
            required: m.required,
            fromLicenceType: m.fromLicence?.code ?? null,
          })),
        },
      };
    },
  };
}

/** POST a GraphQL operation to `url` with a timeout: the production executor. */
export function httpExecutor(url: string, timeoutMs = 3000): GraphQLExecutor {
  return async (query, variables) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) throw new Error(`catalog answered ${response.status}`);
    return (await response.json()) as { data?: unknown; errors?: readonly unknown[] };
  };
}
