import { isApplicationState, type ApplicationState, type InboxFilter } from '../graphql/types';

/** The workbench's filters as the form holds them (and the URL keeps them: back restores them). */
export interface InboxFilterForm {
  states: ApplicationState[];
  overdueOnly: boolean;
  assignedToMe: boolean;
  /** Supervisors only. */
  escalatedOnly: boolean;
  /** Supervisors only. */
  extensionPending: boolean;
}

export const NO_FILTER: InboxFilterForm = {
  states: [],
  overdueOnly: false,
  assignedToMe: false,
  escalatedOnly: false,
  extensionPending: false,
};

/** States the inbox can hold: those that need work by the department. */
export const INBOX_STATES: readonly ApplicationState[] = [
  'SUBMITTED',
  'ACCEPTED',
  'UNDER_REVIEW',
  'SECOND_REVIEW',
  'SUSPENDED',
  'RETURNED',
  'APPROVED',
];

const FLAGS = ['overdueOnly', 'assignedToMe', 'escalatedOnly', 'extensionPending'] as const;
const SUPERVISOR_FLAGS: readonly string[] = ['escalatedOnly', 'extensionPending'];

export function filterFromSearch(params: URLSearchParams, supervisor: boolean): InboxFilterForm {
  const states = (params.get('state') ?? '')
    .split(',')
    .filter(isApplicationState)
    .filter((s, i, all) => all.indexOf(s) === i);
  const form: InboxFilterForm = { ...NO_FILTER, states };
  for (const flag of FLAGS) {
    if (!supervisor && SUPERVISOR_FLAGS.includes(flag)) continue;
    form[flag] = params.get(flag) === '1';
  }
  return form;
}

export function searchFromFilter(form: InboxFilterForm, base?: URLSearchParams): URLSearchParams {
  const params = new URLSearchParams(base);
  if (form.states.length > 0) params.set('state', form.states.join(','));
  else params.delete('state');
  for (const flag of FLAGS) {
    if (form[flag]) params.set(flag, '1');
    else params.delete(flag);
  }
  return params;
}

/** The `filter` argument of `applicationInbox`: only what is set, supervisor filters for supervisors. */
export function toInboxFilter(form: InboxFilterForm, supervisor: boolean): InboxFilter | undefined {
  const filter: InboxFilter = {};
  if (form.states.length > 0) filter.states = form.states;
  if (form.overdueOnly) filter.overdueOnly = true;
  if (form.assignedToMe) filter.assignedToMe = true;
  if (supervisor && form.escalatedOnly) filter.escalatedOnly = true;
  if (supervisor && form.extensionPending) filter.extensionPending = true;
  return Object.keys(filter).length > 0 ? filter : undefined;
}
