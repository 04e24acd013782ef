import { planApplications, type ApplicationPlan, type Handler, type PlanItem } from '@bianmin/affairs/bulk';
import { asOfInstant, type CityOptions } from './options.js';
import type { Resident } from './people/residents.js';
import type { StaffMember } from './people/staff.js';
import { Rng } from './random.js';

/** Roles that handle applications (identity's CASE_HANDLER_ROLES). */
const HANDLER_ROLES = ['department-staff', 'supervisor'];

/**
 * The city's history of applications, planned by affairs' own generator: residents apply for
 * any item (`applicationsPerResident` on average), with the licences they hold for 零材料, and
 * each department's staff handle what comes in.
 */
export function planCityApplications(
  options: CityOptions,
  residents: readonly Resident[],
  staff: readonly StaffMember[],
  items: readonly PlanItem[],
  wallets: ReadonlyMap<string, Record<string, string>>,
): ApplicationPlan[] {
  const handlers = new Map<string, Handler[]>();
  for (const member of staff.filter((s) => s.roles.some((r) => HANDLER_ROLES.includes(r))))
    handlers.set(member.departmentCode, [
      ...(handlers.get(member.departmentCode) ?? []),
      { accountId: member.accountId, roles: member.roles },
    ]);
  return planApplications({
    count: Math.round(residents.length * options.applicationsPerResident),
    items,
    applicants: residents.map((r) => ({
      personId: r.personId,
      accountId: r.accountId,
      licences: wallets.get(r.personId) ?? {},
    })),
    handlers,
    now: asOfInstant(options),
    random: Rng.of(options.seed, 'applications').next,
  });
}
