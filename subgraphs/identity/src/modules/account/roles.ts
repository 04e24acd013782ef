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
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that must pass TOTP at every sign-in (staff, supervisors, auditors, administrators, editors). */
export const SECOND_FACTOR_ROLES: readonly string[] = [
  'department-staff',
  'supervisor',
  'auditor',
  'administrator',
  'catalog-editor',
];

export function requiresSecondFactor(roles: readonly string[]): boolean {
  return roles.some((r) => SECOND_FACTOR_ROLES.includes(r));
}

/** Roles that may read other people's (masked) records. */
export const STAFF_ROLES: readonly string[] = ['department-staff', 'supervisor', 'auditor', 'administrator'];

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
