/** Roles that may open the department workbench (applicationInbox, rectificationTasks). */
export const STAFF_ROLES: readonly string[] = ['department-staff', 'supervisor'];

export function isDepartmentStaff(roles: readonly string[] | null | undefined): boolean {
  return (roles ?? []).some((role) => STAFF_ROLES.includes(role));
}

/** Supervisors decide extensions and see escalations. */
export function isSupervisor(roles: readonly string[] | null | undefined): boolean {
  return (roles ?? []).includes('supervisor');
}

/** Administrators edit the working calendar and the 秒批 rules. */
export function isAdministrator(roles: readonly string[] | null | undefined): boolean {
  return (roles ?? []).includes('administrator');
}
