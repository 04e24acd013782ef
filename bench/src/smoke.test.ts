import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchOptions, TARGETS, type TargetName } from './harness/options.js';
import { BenchPlatform } from './platform/targets.js';
import { checkEveryOperation } from './workload/check.js';
import { RESIDENT_MIX } from './workload/mix.js';
import { prepareRequests } from './workload/requests.js';

/**
 * The smoke mode of `npm run bench`: every target answers every operation of the mix correctly
 * (data present, no errors), through the same code the benchmark runs. No load, no timings.
 */
describe('every target answers the whole mix', () => {
  let platform: BenchPlatform;

  beforeAll(async () => {
    platform = await BenchPlatform.start(
      benchOptions({
        BENCH_DATA: process.env.BENCH_DATA ?? 'demo',
        BENCH_WORKERS: '1',
        BENCH_RESIDENTS: '5',
      }),
      () => {},
    );
  }, 300_000);
  afterAll(() => platform?.stop(), 60_000);

  it.each(TARGETS.map((name) => [name]))(
    '%s',
    async (name: TargetName) => {
      const target = await platform.startTarget(name, 60_000);
      try {
        const mix =
          name === 'subgraph' ? RESIDENT_MIX.filter((operation) => operation.subgraph) : RESIDENT_MIX;
        const requests = prepareRequests(
          mix,
          platform.manifest,
          platform.data.facts,
          target.destination,
          200,
        );
        expect(Object.fromEntries(await checkEveryOperation(requests))).toEqual({});
      } finally {
        await target.stop();
      }
    },
    120_000,
  );
});
