import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { badInput, decodeCursor, pageSize, toConnection, type Viewer } from '@bianmin/kit';
import { actorsOf, isDepartmentStaff } from './actors.js';
import { Application } from './application.entity.js';
import { isId } from './application.start.js';

/**
 * One application, for its applicant or for staff of the department that handles it; null for
 * anyone else (other residents, other departments), exactly as if it did not exist.
 */
export async function applicationFor(
  em: EntityManager,
  viewer: Viewer,
  id: string,
): Promise<Application | null> {
  if (!isId(id)) return null;
  const app = (await em.findOne(Application, { id })) as Application | null;
  return app && actorsOf(viewer, app).length > 0 ? app : null;
}

/** The signed-in person's applications, newest first (drafts included). */
export async function myApplications(
  em: EntityManager,
  viewer: Viewer,
  args: { first?: number | null; after?: string | null; states?: string[] | null },
) {
  const first = pageSize(args.first);
  const offset = decodeCursor(args.after);
  if (!viewer.personId) return toConnection<Application>([], 0, 0);
  const where: FilterQuery<Application> = {
    personId: viewer.personId,
    ...(args.states?.length ? { state: { $in: checkStates(args.states) } } : {}),
  };
  const [rows, total] = await em.findAndCount(Application, where, {
    orderBy: { createdAt: 'desc', id: 'desc' },
    limit: first,
    offset,
  });
  return toConnection(rows as Application[], offset, total);
}

export interface InboxFilter {
  states?: string[] | null;
  itemCode?: string | null;
  assignedToMe?: boolean | null;
  overdueOnly?: boolean | null;
  escalatedOnly?: boolean | null;
  extensionPending?: boolean | null;
}

/** States a department works on: submitted and not yet final. */
export const WORK_STATES = [
  'SUBMITTED',
  'ACCEPTED',
  'UNDER_REVIEW',
  'SECOND_REVIEW',
  'SUSPENDED',
  'RETURNED',
  'APPROVED',
];

/**
 * 待办: the department's applications, most urgent first (the earliest `dueAt`, so overdue ones
 * lead; then those without a clock), for staff and supervisors of that department only. The
 * index (department, state, due) serves this order.
 */
export async function departmentInbox(
  em: EntityManager,
  viewer: Viewer,
  args: { filter?: InboxFilter | null; first?: number | null; after?: string | null },
  now: number,
) {
  const first = pageSize(args.first);
  const offset = decodeCursor(args.after);
  if (!isDepartmentStaff(viewer)) return null;
  const filter = args.filter ?? {};
  const where: FilterQuery<Application> = {
    departmentCode: viewer.department!,
    state: { $in: filter.states?.length ? checkStates(filter.states) : WORK_STATES },
    ...(filter.itemCode ? { itemCode: filter.itemCode.slice(0, 16) } : {}),
    ...(filter.assignedToMe ? { assigneeAccountId: viewer.accountId } : {}),
    ...(filter.overdueOnly ? { dueAt: { $lt: new Date(now) } } : {}),
    ...(filter.escalatedOnly ? { escalatedAt: { $ne: null } } : {}),
    ...(filter.extensionPending ? { extension: { status: 'REQUESTED' } } : {}),
  } as FilterQuery<Application>;
  const [rows, total] = await em.findAndCount(Application, where, {
    orderBy: { dueAt: 'asc nulls last', id: 'asc' } as never,
    limit: first,
    offset,
  });
  return toConnection(rows as Application[], offset, total);
}

const STATE = /^[A-Z_]{2,24}$/;
function checkStates(states: string[]): string[] {
  if (states.length > 20 || states.some((s) => !STATE.test(s)))
    throw badInput('Unknown state in the filter.', 'states');
  return states;
}
