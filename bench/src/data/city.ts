import { createLogger } from '@bianmin/kit';
import { loadCity } from '@bianmin/sim';
import { SEARCH_TERMS } from '../workload/search-terms.js';
import type { DataFacts } from './facts.js';

/** The synthetic city of `@bianmin/sim`, loaded into `dataDir` through each domain's bulk path. */
export async function loadCityData(
  dataDir: string,
  options: { seed: number; residents: number },
): Promise<Omit<DataFacts, 'loadSeconds'>> {
  const { facts, timings } = await loadCity({ ...options, dataDir, log: createLogger('bench-city', 'warn') });
  // The inbox of the department that handles the item most applied for (codes are `MZ-011`…).
  const busiest = facts.catalogCodes[0]!.split('-')[0];
  const staff = [...facts.staff].sort(
    (a, b) => Number(b.departmentCode === busiest) - Number(a.departmentCode === busiest),
  );
  const totalMs =
    timings.find((part) => part.part === 'total')?.ms ?? timings.reduce((sum, part) => sum + part.ms, 0);
  return {
    description:
      `synthetic city (@bianmin/sim), seed ${options.seed}, ${options.residents.toLocaleString('en')} residents` +
      ` (loaded in ${Math.round(totalMs / 1000)} s)`,
    residents: facts.residentLogins.map(({ phone }) => ({ phone, password: facts.residentPassword })),
    staff: staff.map((member) => ({
      phone: member.phone,
      password: facts.staffPassword,
      totpSecret: member.totpSecret,
      department: member.departmentCode,
    })),
    serviceCodes: facts.catalogCodes,
    searchTerms: facts.searchTerms.length ? facts.searchTerms : SEARCH_TERMS,
    places: facts.communities.map(({ latitude, longitude }) => ({ latitude, longitude })),
  };
}
