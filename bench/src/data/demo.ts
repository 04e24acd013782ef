import { createLogger } from '@bianmin/kit';
import { startPlatform } from '../../../scripts/platform.js';
import { freePort } from '../harness/service-process.js';
import { SEARCH_TERMS } from '../workload/search-terms.js';
import type { DataFacts } from './facts.js';

/**
 * The demo data as `npm start` makes it — catalog, demo accounts, their licences and applications —
 * written into `dataDir` by the platform script itself, which then stops. One resident (张小民)
 * and one supervisor (王主管, 民政局) are all the people it has.
 */
export async function loadDemoData(dataDir: string): Promise<Omit<DataFacts, 'loadSeconds'>> {
  const ports = {
    shell: await freePort(),
    services: await freePort(),
    affairsRemote: await freePort(),
    licencesRemote: await freePort(),
    gateway: await freePort(),
    catalog: await freePort(),
    identity: await freePort(),
    affairs: await freePort(),
    licences: await freePort(),
    evidence: await freePort(),
  };
  // The platform's services make their loggers from LOG_LEVEL: quiet while they seed.
  const level = process.env.LOG_LEVEL;
  process.env.LOG_LEVEL = 'warn';
  const platform = await startPlatform({
    dataDir,
    host: '127.0.0.1',
    publicHost: '127.0.0.1',
    ports,
    log: createLogger('bench-demo-data', 'warn'),
  }).finally(() => {
    if (level === undefined) delete process.env.LOG_LEVEL;
    else process.env.LOG_LEVEL = level;
  });
  try {
    const items = await platform.catalog.execute<{ serviceItems: { edges: { node: { code: string } }[] } }>(
      '{ serviceItems(first: 40) { edges { node { code } } } }',
    );
    const districts = await platform.catalog.execute<{
      districts: { children: { latitude: number; longitude: number }[] }[];
    }>('{ districts { children { latitude longitude } } }');
    return {
      description: 'demo seeds (`npm start`)',
      residents: [{ phone: '13800000001', password: 'Yunhu#Resident2026' }],
      staff: [
        {
          phone: '13800000003',
          password: 'Yunhu#Supervisor2026',
          totpSecret: 'NK4QDKUZNIZKYSYOP76OJXSEHIEE4T2A',
          department: 'MZ',
        },
      ],
      serviceCodes: items.data!.serviceItems.edges.map((edge) => edge.node.code),
      searchTerms: SEARCH_TERMS,
      places: districts.data!.districts.flatMap((district) => district.children),
    };
  } finally {
    await platform.stop();
  }
}
