import type { Viewer } from '@bianmin/kit';
import type { Application } from './application.entity.js';

/** Who the caller is to this application, in the workflow's terms. */
export type Actor = 'APPLICANT' | 'STAFF' | 'SUPERVISOR' | 'SYSTEM';

export const STAFF_ROLE = 'department-staff';
export const SUPERVISOR_ROLE = 'supervisor';

/**
 * The workflow actors the viewer may act as on this application: the applicant (the person who
 * applied), and staff or supervisors of the department that handles the item — of that
 * department only. Empty for anyone else, including staff of other departments.
 */
export function actorsOf(viewer: Viewer, app: Pick<Application, 'personId' | 'departmentCode'>): Actor[] {
  const actors: Actor[] = [];
  if (viewer.personId && viewer.personId === app.personId) {
    // 回避: staff never handle their own application, even in their own department.
    actors.push('APPLICANT');
    return actors;
  }
  if (viewer.department && viewer.department === app.departmentCode) {
    if (viewer.roles.includes(STAFF_ROLE)) actors.push('STAFF');
    if (viewer.roles.includes(SUPERVISOR_ROLE)) actors.push('SUPERVISOR');
  }
  return actors;
}

/** True for department staff or supervisors (of any department): who may open an inbox. */
export const isDepartmentStaff = (viewer: Viewer) =>
  Boolean(viewer.department) && (viewer.roles.includes(STAFF_ROLE) || viewer.roles.includes(SUPERVISOR_ROLE));
