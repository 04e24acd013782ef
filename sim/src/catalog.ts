import type { PlanItem } from '@bianmin/affairs/bulk';
import {
  generateCatalog,
  type CitySeed,
  type DepartmentSeed,
  type ServiceItemSeed,
  type ServicePointSeed,
} from '@bianmin/catalog/synthetic';
import type { CityOptions } from './options.js';
import { Rng } from './random.js';

/** The city's services: the hand-written catalog plus generated items and points. */
export interface CatalogPart {
  departments: DepartmentSeed[];
  /** The hand-written items (loaded by the catalog's own seed). */
  demoItems: ServiceItemSeed[];
  /** Generated items and points: what the city adds. */
  items: ServiceItemSeed[];
  points: ServicePointSeed[];
}

/**
 * The catalog's own generator (`@bianmin/catalog/synthetic`), over this city's geography: items
 * are variants of the hand-written guides named after the city's districts, points sit in its
 * communities.
 */
export function generateCatalogPart(options: CityOptions, city: CitySeed): CatalogPart {
  const { demo, items, points } = generateCatalog({
    items: options.items,
    points: options.points,
    seed: Rng.seedOf(options.seed, 'catalog'),
    city,
  });
  return { departments: demo.departments, demoItems: demo.items, items, points };
}

/** Every item, as planning applications needs it. */
export function planItemsOf(catalog: CatalogPart): PlanItem[] {
  return [...catalog.demoItems, ...catalog.items].map((item) => ({
    code: item.code,
    departmentCode: item.departmentCode,
    promisedDays: item.promisedDays,
    materials: item.materials.map((m) => ({
      required: m.required,
      fromLicenceType: m.fromLicenceType ?? null,
    })),
  }));
}
