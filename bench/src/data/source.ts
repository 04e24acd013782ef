import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchOptions } from '../harness/options.js';
import { loadCityData } from './city.js';
import { loadDemoData } from './demo.js';
import type { DataFacts } from './facts.js';

/** Loaded data, kept between runs (gitignored): the city takes minutes to make. */
const CACHE_DIR = fileURLToPath(new URL('../../.cache/', import.meta.url));
/** Written last: a cache folder without it is an interrupted load and is made again. */
const FACTS_FILE = 'facts.json';

export interface PreparedData {
  /** The subgraphs' DATA_DIR for this run: a copy of the cached data, removed by `dispose`. */
  dataDir: string;
  facts: DataFacts;
  dispose(): void;
}

/**
 * The data the subgraphs serve: the one place that decides between the demo seeds and the
 * synthetic city (`BENCH_DATA`). Made once per seed and size under `bench/.cache/`, then copied
 * for each run, since a run writes to it (sessions, audit records).
 */
export async function prepareData(
  options: Pick<BenchOptions, 'data' | 'seed' | 'cityResidents'>,
): Promise<PreparedData> {
  const key = options.data === 'city' ? `city-seed${options.seed}-${options.cityResidents}` : 'demo';
  const cached = join(CACHE_DIR, key);
  let facts: DataFacts;
  if (existsSync(join(cached, FACTS_FILE))) {
    facts = { ...(JSON.parse(readFileSync(join(cached, FACTS_FILE), 'utf8')) as DataFacts), loadSeconds: 0 };
  } else {
    rmSync(cached, { recursive: true, force: true });
    mkdirSync(cached, { recursive: true });
    const started = Date.now();
    const loaded =
      options.data === 'city'
        ? await loadCityData(cached, { seed: options.seed, residents: options.cityResidents })
        : await loadDemoData(cached);
    facts = { ...loaded, loadSeconds: (Date.now() - started) / 1000 };
    writeFileSync(join(cached, FACTS_FILE), JSON.stringify(facts, null, 2));
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'bianmin-bench-data-'));
  cpSync(cached, dataDir, { recursive: true });
  return { dataDir, facts, dispose: () => rmSync(dataDir, { recursive: true, force: true }) };
}
