/** The staff roles an administrator gives, as role names (the API's StaffRole enum in kebab case). */
export const STAFF_ROLES = [
  'department-staff',
  'supervisor',
  'catalog-editor',
  'licence-issuer',
  'auditor',
  'administrator',
] as const;
export type StaffRoleName = (typeof STAFF_ROLES)[number];

export const ADMINISTRATOR_ROLE = 'administrator';
export const AUDITOR_ROLE = 'auditor';

/** `department-staff` → `DEPARTMENT_STAFF` (the StaffRole enum value). */
export const roleEnum = (role: string): string => role.toUpperCase().replace(/-/g, '_');

/** The account page is offered to administrators that are not also auditors (separation of duties). */
export const isAccountAdministrator = (roles: readonly string[] | undefined): boolean =>
  Boolean(roles?.includes(ADMINISTRATOR_ROLE) && !roles.includes(AUDITOR_ROLE));

/** Roles that act for one department (staff, supervisors, catalog editors) need one. */
export const needsDepartment = (roles: readonly string[]): boolean =>
  roles.some(
    (r) => r === 'department-staff' || r === 'supervisor' || r === 'catalog-editor' || r === 'licence-issuer',
  );

/** What is wrong with a set of roles before sending it (the server checks again), or null. */
export function rolesProblem(roles: readonly string[]): 'none' | 'adminAuditor' | null {
  if (roles.length === 0) return 'none';
  if (roles.includes(ADMINISTRATOR_ROLE) && roles.includes(AUDITOR_ROLE)) return 'adminAuditor';
  return null;
}

/** The staff roles of an account (resident or partner roles are not edited here). */
export const staffRolesOf = (roles: readonly string[]): StaffRoleName[] =>
  STAFF_ROLES.filter((r) => roles.includes(r));
