/** Every role an account can hold. */
export const ROLES = [
  'resident',
  'department-staff',
  'supervisor',
  'service-provider',
  'partner-developer',
  'auditor',
  'administrator',
  'catalog-editor',
  'licence-issuer',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that must pass TOTP at every sign-in (staff, supervisors, auditors, administrators, editors). */
export const SECOND_FACTOR_ROLES: readonly string[] = [
  'department-staff',
  'supervisor',
  'auditor',
  'administrator',
  'catalog-editor',
  'licence-issuer',
];

export function requiresSecondFactor(roles: readonly string[]): boolean {
  return roles.some((r) => SECOND_FACTOR_ROLES.includes(r));
}

/** Roles that may read other people's (masked) records. */
export const STAFF_ROLES: readonly string[] = ['department-staff', 'supervisor', 'auditor', 'administrator'];

/**
 * Roles that act for one department, so the account must name one: other subgraphs scope what
 * they allow by it (a catalog editor edits only their own department's guides). An account with a
 * department and one of these is a `StaffMember` colleagues can see.
 */
export const DEPARTMENT_ROLES: readonly string[] = [
  'department-staff',
  'supervisor',
  'catalog-editor',
  'licence-issuer',
];

/** Roles that handle applications (办件) for their department: whom a supervisor assigns work to. */
export const CASE_HANDLER_ROLES: readonly string[] = ['department-staff', 'supervisor'];

/** Roles that may read other accounts: administrators manage them, auditors review them. */
export const ACCOUNT_READER_ROLES: readonly string[] = ['administrator', 'auditor'];

/**
 * Roles that may reveal another person's data, with a declared purpose. Not administrators nor
 * auditors (separation of duties): an account holding either is refused even with a staff role.
 */
export const REVEAL_ROLES: readonly string[] = ['department-staff', 'supervisor'];
export const AUDITOR_ROLE = 'auditor';
/** The only role that may reveal data for a legal request (依法调取). */
export const SUPERVISOR_ROLE = 'supervisor';
export const ADMINISTRATOR_ROLE = 'administrator';
