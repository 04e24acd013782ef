import { computeDeadline, type DeadlineView } from '../calendar/deadline.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { Application } from './application.entity.js';

/** Working days the department has to accept (受理) a submitted application. */
export const ACCEPTANCE_WORKING_DAYS = 2;

/**
 * The application's clock, as the law counts it: from acceptance, over the promised time limit
 * (承诺时限) plus an approved extension, with suspended and returned-for-correction spells not
 * counted. Null before acceptance (see `acceptanceDueAt`) and for items handled on the spot.
 */
export function deadlineOf(
  app: Application,
  calendar: WorkingCalendar,
  now: number,
  dueSoonWorkingDays = 2,
): DeadlineView | null {
  if (!app.acceptedAt) return null;
  return computeDeadline({
    acceptedAt: app.acceptedAt,
    limitWorkingDays: app.terms.promisedDays,
    extensionWorkingDays: app.extension?.status === 'APPROVED' ? app.extension.workingDays : 0,
    suspensions: app.suspensions.map((s) => ({ from: new Date(s.from), to: s.to ? new Date(s.to) : null })),
    finishedAt: app.decidedAt ?? app.finishedAt ?? null,
    now: new Date(now),
    dueSoonWorkingDays,
    calendar,
  });
}

/** The instant by which a submitted, not yet accepted application must be accepted. */
export function acceptanceDueAt(app: Application, calendar: WorkingCalendar): Date | null {
  if (!app.submittedAt || app.acceptedAt) return null;
  return computeDeadline({
    acceptedAt: app.submittedAt,
    limitWorkingDays: ACCEPTANCE_WORKING_DAYS,
    extensionWorkingDays: 0,
    suspensions: [],
    finishedAt: null,
    now: app.submittedAt,
    dueSoonWorkingDays: 0,
    calendar,
  }).dueAt;
}

/** `dueAt` to store for the inbox's order: acceptance due, then the decision's deadline; null when decided. */
export function dueAtOf(app: Application, calendar: WorkingCalendar, now: number): Date | null {
  if (app.decidedAt || app.state === 'DRAFT' || app.finishedAt) return null;
  if (!app.acceptedAt) return acceptanceDueAt(app, calendar);
  return deadlineOf(app, calendar, now)?.dueAt ?? null;
}
