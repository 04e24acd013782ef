import { readdirSync, readFileSync } from 'node:fs';
import type {
  CitySeed,
  DepartmentSeed,
  LifeEventSeed,
  ServiceItemSeed,
  ServicePointSeed,
} from './data/types.js';

const dataDir = new URL('./data/', import.meta.url);
const read = <T>(name: string): T => JSON.parse(readFileSync(new URL(name, dataDir), 'utf8')) as T;

/** The hand-written demo data: every `items-*.json` file, plus departments, life events, geography, points. */
export function loadDemoData() {
  const itemFiles = readdirSync(dataDir)
    .filter((f) => /^items-.*\.json$/.test(f))
    .sort();
  return {
    departments: read<DepartmentSeed[]>('departments.json'),
    lifeEvents: read<LifeEventSeed[]>('life-events.json'),
    city: read<CitySeed>('geography.json'),
    points: read<ServicePointSeed[]>('service-points.json'),
    items: itemFiles.flatMap((f) => read<ServiceItemSeed[]>(f)),
  };
}
export type DemoData = ReturnType<typeof loadDemoData>;
