import { describe, expect, it } from 'vitest';
import {
  isAccountAdministrator,
  needsDepartment,
  roleEnum,
  rolesProblem,
  staffRolesOf,
} from './staff-accounts';

describe('staff account helpers', () => {
  it('offers the page to administrators only, never an administrator who is also auditor', () => {
    expect(isAccountAdministrator(['administrator'])).toBe(true);
    expect(isAccountAdministrator(['administrator', 'auditor'])).toBe(false);
    expect(isAccountAdministrator(['auditor'])).toBe(false);
    expect(isAccountAdministrator(undefined)).toBe(false);
  });

  it('maps role names to the API enum and checks role sets', () => {
    expect(roleEnum('department-staff')).toBe('DEPARTMENT_STAFF');
    expect(rolesProblem([])).toBe('none');
    expect(rolesProblem(['administrator', 'auditor'])).toBe('adminAuditor');
    expect(rolesProblem(['supervisor'])).toBeNull();
    expect(needsDepartment(['supervisor'])).toBe(true);
    expect(needsDepartment(['catalog-editor'])).toBe(true);
    expect(needsDepartment(['auditor', 'administrator'])).toBe(false);
    expect(staffRolesOf(['resident', 'supervisor', 'department-staff'])).toEqual([
      'department-staff',
      'supervisor',
    ]);
  });
});
