/**
 * 办理期限 — an application's deadline in working days, counted the way 《行政许可法》 counts it.
 * Pure: the clock (`now`) and the calendar are arguments. The rules are spelled out in README.md.
 */
import {
  civilDateOf,
  civilDateOfDayNumber,
  dayNumberOf,
  endOfCivilDate,
  type CivilDate,
  type WorkingCalendar,
} from './working-calendar.js';

/** ON_TIME; DUE_SOON (few working days left, configurable); OVERDUE (past the end of the deadline day). */
export type DeadlineStatus = 'ON_TIME' | 'DUE_SOON' | 'OVERDUE';

/** A spell during which the clock stopped (挂起); `to` is null while it lasts. */
export interface Suspension {
  from: Date;
  to: Date | null;
}

export interface DeadlineInput {
  /** When the application was accepted (受理); the civil date of this instant is day 0. */
  acceptedAt: Date;
  /** The time limit from the catalog in working days; 0 for an item handled the same day (即办件). */
  limitWorkingDays: number;
  /** Working days added by an approved extension (延期); 0 when none. */
  extensionWorkingDays?: number;
  suspensions?: readonly Suspension[];
  /** When the application was decided or completed; the deadline is then judged at this instant. */
  finishedAt?: Date | null;
  now: Date;
  /** DUE_SOON when at most this many working days are left (0 = only on the deadline day). */
  dueSoonWorkingDays: number;
  calendar: WorkingCalendar;
}

export interface DeadlineView {
  /** The last day to act, a civil date in China. */
  deadlineDate: CivilDate;
  /** The end of `deadlineDate`: 23:59:59.999 +08:00. Later than this is late. */
  dueAt: Date;
  /** Working days after today up to and including the deadline date; negative (working days late) when past it. */
  workingDaysLeft: number;
  status: DeadlineStatus;
  /** True while a suspension lasts, and for a finished application. */
  clockStopped: boolean;
  /** Working days of suspension that pushed the deadline back. */
  suspendedWorkingDays: number;
  /** True when the count runs through a year the calendar does not know for sure: the date may still move. */
  provisional: boolean;
}

function wholeNonNegative(name: string, value: number): void {
  // The inputs come from the catalog and the workflow, already validated: a bad one is a bug.
  if (!Number.isInteger(value) || value < 0)
    throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}`);
}

function dayOf(instant: Date): number {
  return dayNumberOf(civilDateOf(instant))!;
}

/** Where a suspension stops the count: working days d with start < d ≤ end (day numbers). */
interface Span {
  start: number;
  end: number;
}

/** Union of spans, so overlapping suspensions are not counted twice. */
function merge(spans: Span[]): Span[] {
  const merged: Span[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/**
 * The deadline, the working days left and the status of an application at `now` (or at
 * `finishedAt` once it is finished).
 *
 * - The day of acceptance does not count: the deadline is the (limit + extension + suspended)-th
 *   working day after the acceptance date; a limit of 0 means the acceptance date itself.
 * - A suspension from date S to date E (today while it lasts) takes out the working days d with
 *   S < d ≤ E; overlapping suspensions count once. A suspension that begins after the deadline
 *   (as pushed by the earlier ones) does not count: stopping the clock cannot revive a late case.
 * - While a counted suspension lasts the case cannot fall due: the deadline is never before today.
 */
export function computeDeadline(input: DeadlineInput): DeadlineView {
  const { calendar, limitWorkingDays, dueSoonWorkingDays } = input;
  const extensionWorkingDays = input.extensionWorkingDays ?? 0;
  const suspensions = input.suspensions ?? [];
  const finishedAt = input.finishedAt ?? null;
  wholeNonNegative('limitWorkingDays', limitWorkingDays);
  wholeNonNegative('extensionWorkingDays', extensionWorkingDays);
  wholeNonNegative('dueSoonWorkingDays', dueSoonWorkingDays);

  const judgedAt = finishedAt ?? input.now;
  const accepted = dayOf(input.acceptedAt);
  const today = dayOf(judgedAt);
  const acceptedDate = civilDateOfDayNumber(accepted);
  const budget = limitWorkingDays + extensionWorkingDays;

  // Suspension days before acceptance cannot stop a clock that had not started.
  const spans = merge(
    suspensions
      .map((s) => ({ start: Math.max(dayOf(s.from), accepted), end: s.to ? dayOf(s.to) : today }))
      .filter((s) => s.end > s.start),
  );
  let suspended = 0;
  let deadline = calendar.addWorkingDays(acceptedDate, budget);
  for (const span of spans) {
    // Spans are in order of start and the deadline only moves later, so the first one that
    // begins after the deadline ends the count.
    if (span.start > dayNumberOf(deadline)!) break;
    suspended += calendar.workingDaysBetween(
      civilDateOfDayNumber(span.start),
      civilDateOfDayNumber(span.end),
    );
    deadline = calendar.addWorkingDays(acceptedDate, budget + suspended);
  }

  const stoppedBy = suspensions.filter((s) => s.from <= judgedAt && (s.to === null || s.to > judgedAt));
  // A suspension that began on the deadline day and lasts over a weekend counts no working day
  // yet; the case is on hold, not late, so the deadline stays at today until the clock restarts.
  const onHold = stoppedBy.some((s) => Math.max(dayOf(s.from), accepted) <= dayNumberOf(deadline)!);
  if (onHold && dayNumberOf(deadline)! < today) deadline = civilDateOfDayNumber(today);

  const todayDate = civilDateOfDayNumber(today);
  const dueAt = endOfCivilDate(deadline);
  const workingDaysLeft = calendar.workingDaysBetween(todayDate, deadline);
  const late = judgedAt.getTime() > dueAt.getTime();
  let status: DeadlineStatus;
  if (late) status = 'OVERDUE';
  // A finished case is either on time or late; "due soon" only means something while it runs.
  else if (finishedAt === null && workingDaysLeft <= dueSoonWorkingDays) status = 'DUE_SOON';
  else status = 'ON_TIME';

  return {
    deadlineDate: deadline,
    dueAt,
    workingDaysLeft,
    status,
    clockStopped: finishedAt !== null || stoppedBy.length > 0,
    suspendedWorkingDays: suspended,
    provisional: !calendar.covers(acceptedDate, deadline > todayDate ? deadline : todayDate),
  };
}
