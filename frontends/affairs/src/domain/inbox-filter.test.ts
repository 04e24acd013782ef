import { describe, expect, it } from 'vitest';
import { filterFromSearch, NO_FILTER, searchFromFilter, toInboxFilter } from './inbox-filter';
import { isDepartmentStaff, isSupervisor } from './viewer-roles';

describe('inbox filters', () => {
  it('round-trips through the URL', () => {
    const form = { ...NO_FILTER, states: ['ACCEPTED' as const, 'SUSPENDED' as const], overdueOnly: true };
    const params = searchFromFilter(form, new URLSearchParams('tab=inbox'));
    expect(params.toString()).toBe('tab=inbox&state=ACCEPTED%2CSUSPENDED&overdueOnly=1');
    expect(filterFromSearch(params, false)).toEqual(form);
  });

  it('ignores unknown states and supervisor filters for staff', () => {
    const params = new URLSearchParams('state=ACCEPTED,NOPE,ACCEPTED&escalatedOnly=1&extensionPending=1');
    expect(filterFromSearch(params, false)).toEqual({ ...NO_FILTER, states: ['ACCEPTED'] });
    expect(filterFromSearch(params, true)).toMatchObject({ escalatedOnly: true, extensionPending: true });
  });

  it('sends only what is set, and supervisor filters only for supervisors', () => {
    expect(toInboxFilter(NO_FILTER, true)).toBeUndefined();
    const all = { ...NO_FILTER, assignedToMe: true, escalatedOnly: true, extensionPending: true };
    expect(toInboxFilter(all, false)).toEqual({ assignedToMe: true });
    expect(toInboxFilter(all, true)).toEqual({
      assignedToMe: true,
      escalatedOnly: true,
      extensionPending: true,
    });
  });
});

describe('roles', () => {
  it('opens the workbench to department staff and supervisors', () => {
    expect(isDepartmentStaff(['resident'])).toBe(false);
    expect(isDepartmentStaff(['resident', 'department-staff'])).toBe(true);
    expect(isDepartmentStaff(['supervisor'])).toBe(true);
    expect(isDepartmentStaff(null)).toBe(false);
    expect(isSupervisor(['department-staff'])).toBe(false);
    expect(isSupervisor(['supervisor'])).toBe(true);
  });
});
