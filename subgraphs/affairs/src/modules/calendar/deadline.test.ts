import { describe, expect, it } from 'vitest';
import { computeDeadline, type DeadlineInput } from './deadline.js';
import { seededWorkingCalendar } from './holidays-cn.js';
import { WorkingCalendar } from './working-calendar.js';

const calendar = seededWorkingCalendar();

/** An instant given as Beijing wall-clock time. */
const at = (local: string) => new Date(`${local}+08:00`);

function deadline(overrides: Partial<DeadlineInput> & Pick<DeadlineInput, 'acceptedAt' | 'now'>) {
  return computeDeadline({
    limitWorkingDays: 5,
    extensionWorkingDays: 0,
    suspensions: [],
    finishedAt: null,
    dueSoonWorkingDays: 2,
    calendar,
    ...overrides,
  });
}

// An ordinary week in March 2026: accepted Monday the 2nd, 5 working days → Monday the 9th.
const MONDAY = at('2026-03-02T10:00:00');

describe('the deadline counts working days from the day after acceptance', () => {
  it('over 春节: accepted the Friday before, 5 working days end on 27 February', () => {
    const d = deadline({ acceptedAt: at('2026-02-13T16:30:00'), now: at('2026-02-13T16:30:00') });
    // 14 Feb (调休 Saturday) is the first; 15–23 Feb rest; then 24, 25, 26, 27.
    expect(d.deadlineDate).toBe('2026-02-27');
    expect(d.dueAt.toISOString()).toBe('2026-02-27T15:59:59.999Z');
    expect(d.workingDaysLeft).toBe(5);
    expect(d.status).toBe('ON_TIME');
  });

  it('accepted on an adjusted working Saturday (调休), which is day 0 like any working day', () => {
    const d = deadline({
      acceptedAt: at('2026-02-14T09:00:00'),
      now: at('2026-02-14T09:00:00'),
      limitWorkingDays: 3,
    });
    expect(d.deadlineDate).toBe('2026-02-26');
  });

  it('across 国庆 and 中秋: the limit runs onto the 调休 Saturday 10 October', () => {
    const d = deadline({ acceptedAt: at('2026-09-28T11:00:00'), now: at('2026-09-28T11:00:00') });
    expect(d.deadlineDate).toBe('2026-10-10');
    const longer = deadline({
      acceptedAt: at('2026-09-18T11:00:00'),
      now: at('2026-09-18T11:00:00'),
      limitWorkingDays: 10,
    });
    // 20 Sep (调休 Sunday), 21–24, 28–30 = 8; 25–27 中秋 and 1–7 Oct 国庆 rest; 8, 9 Oct = 10.
    expect(longer.deadlineDate).toBe('2026-10-09');
  });

  it('a limit of 0 (即办件) is due the same day', () => {
    const d = deadline({ acceptedAt: MONDAY, now: at('2026-03-02T18:00:00'), limitWorkingDays: 0 });
    expect(d.deadlineDate).toBe('2026-03-02');
    expect(d.workingDaysLeft).toBe(0);
    expect(d.status).toBe('DUE_SOON');
    const late = deadline({ acceptedAt: MONDAY, now: at('2026-03-03T00:00:00'), limitWorkingDays: 0 });
    expect(late.status).toBe('OVERDUE');
    expect(late.workingDaysLeft).toBe(-1);
  });

  it('uses the acceptance date in Beijing, not in UTC', () => {
    // 23:30 on Friday 6 March in Beijing is still 15:30 UTC the same day; 00:30 Saturday is Friday in UTC.
    expect(
      deadline({ acceptedAt: at('2026-03-06T23:30:00'), now: MONDAY, limitWorkingDays: 1 }).deadlineDate,
    ).toBe('2026-03-09');
    expect(
      deadline({ acceptedAt: at('2026-03-07T00:30:00'), now: MONDAY, limitWorkingDays: 1 }).deadlineDate,
    ).toBe('2026-03-09');
    expect(
      deadline({ acceptedAt: at('2026-03-05T23:59:59'), now: MONDAY, limitWorkingDays: 1 }).deadlineDate,
    ).toBe('2026-03-06');
  });

  it('adds an approved extension (延期)', () => {
    const d = deadline({ acceptedAt: MONDAY, now: MONDAY, extensionWorkingDays: 3 });
    expect(d.deadlineDate).toBe('2026-03-12');
  });
});

describe('suspension (挂起) stops the clock', () => {
  it('over a weekend: only the working days of the suspension count', () => {
    const d = deadline({
      acceptedAt: MONDAY,
      now: at('2026-03-10T15:00:00'),
      suspensions: [{ from: at('2026-03-06T10:00:00'), to: at('2026-03-10T09:00:00') }],
    });
    // Days 7–8 are a weekend; 9 and 10 March are suspended working days.
    expect(d.suspendedWorkingDays).toBe(2);
    expect(d.deadlineDate).toBe('2026-03-11');
    expect(d.clockStopped).toBe(false);
  });

  it('a suspension that starts and ends the same day costs nothing', () => {
    const d = deadline({
      acceptedAt: MONDAY,
      now: at('2026-03-04T12:00:00'),
      suspensions: [{ from: at('2026-03-03T09:00:00'), to: at('2026-03-03T17:00:00') }],
    });
    expect(d.suspendedWorkingDays).toBe(0);
    expect(d.deadlineDate).toBe('2026-03-09');
  });

  it('an open suspension keeps pushing the deadline; the working days left stay the same', () => {
    const open = [{ from: at('2026-03-04T10:00:00'), to: null }];
    const monday = deadline({ acceptedAt: MONDAY, now: at('2026-03-09T12:00:00'), suspensions: open });
    expect(monday.suspendedWorkingDays).toBe(3); // 5, 6, 9 March
    expect(monday.deadlineDate).toBe('2026-03-12');
    expect(monday.workingDaysLeft).toBe(3);
    expect(monday.clockStopped).toBe(true);
    const tuesday = deadline({ acceptedAt: MONDAY, now: at('2026-03-10T12:00:00'), suspensions: open });
    expect(tuesday.deadlineDate).toBe('2026-03-13');
    expect(tuesday.workingDaysLeft).toBe(3);
  });

  it('overlapping suspensions are not counted twice', () => {
    const d = deadline({
      acceptedAt: MONDAY,
      now: at('2026-03-20T12:00:00'),
      suspensions: [
        { from: at('2026-03-04T10:00:00'), to: at('2026-03-06T10:00:00') },
        { from: at('2026-03-05T10:00:00'), to: at('2026-03-09T10:00:00') },
      ],
    });
    expect(d.suspendedWorkingDays).toBe(3); // 5, 6, 9 March — not 2 + 2
    expect(d.deadlineDate).toBe('2026-03-12');
  });

  it('a suspension before acceptance does not count', () => {
    const d = deadline({
      acceptedAt: MONDAY,
      now: MONDAY,
      suspensions: [{ from: at('2026-02-25T10:00:00'), to: at('2026-03-02T09:00:00') }],
    });
    expect(d.suspendedWorkingDays).toBe(0);
    expect(d.deadlineDate).toBe('2026-03-09');
  });

  it('a suspension that begins on the deadline day still stops the clock', () => {
    const d = deadline({
      acceptedAt: MONDAY,
      now: at('2026-03-12T10:00:00'),
      suspensions: [{ from: at('2026-03-09T15:00:00'), to: at('2026-03-11T10:00:00') }],
    });
    expect(d.suspendedWorkingDays).toBe(2);
    expect(d.deadlineDate).toBe('2026-03-11');
  });

  it('a suspension that begins after the deadline does not revive a late case', () => {
    const d = deadline({
      acceptedAt: MONDAY,
      now: at('2026-03-16T10:00:00'),
      suspensions: [{ from: at('2026-03-11T10:00:00'), to: at('2026-03-13T10:00:00') }],
    });
    expect(d.suspendedWorkingDays).toBe(0);
    expect(d.deadlineDate).toBe('2026-03-09');
    expect(d.status).toBe('OVERDUE');
  });

  it('suspended on the last day over a weekend: on hold, not late', () => {
    const open = [{ from: at('2026-03-06T10:00:00'), to: null }];
    // 4 working days from Monday end on Friday the 6th, the day it was suspended.
    const saturday = deadline({
      acceptedAt: MONDAY,
      limitWorkingDays: 4,
      now: at('2026-03-07T12:00:00'),
      suspensions: open,
    });
    expect(saturday.deadlineDate).toBe('2026-03-07');
    expect(saturday.status).toBe('DUE_SOON');
    expect(saturday.workingDaysLeft).toBe(0);
    expect(saturday.clockStopped).toBe(true);
    const monday = deadline({
      acceptedAt: MONDAY,
      limitWorkingDays: 4,
      now: at('2026-03-09T12:00:00'),
      suspensions: open,
    });
    expect(monday.deadlineDate).toBe('2026-03-09');
    expect(monday.status).toBe('DUE_SOON');
  });
});

describe('days left and status', () => {
  const now = (local: string) => deadline({ acceptedAt: MONDAY, now: at(local) });

  it('is ON_TIME with more than the due-soon margin left', () => {
    expect(now('2026-03-04T12:00:00')).toMatchObject({ workingDaysLeft: 3, status: 'ON_TIME' });
  });

  it('is DUE_SOON within the margin, over a weekend, and to the last millisecond of the deadline day', () => {
    expect(now('2026-03-05T08:00:00')).toMatchObject({ workingDaysLeft: 2, status: 'DUE_SOON' });
    expect(now('2026-03-07T12:00:00')).toMatchObject({ workingDaysLeft: 1, status: 'DUE_SOON' });
    expect(now('2026-03-09T23:59:59.999')).toMatchObject({ workingDaysLeft: 0, status: 'DUE_SOON' });
  });

  it('is OVERDUE from 00:00 the next day in Beijing, with the working days late as a negative count', () => {
    expect(now('2026-03-10T00:00:00')).toMatchObject({ workingDaysLeft: -1, status: 'OVERDUE' });
    expect(now('2026-03-16T09:00:00')).toMatchObject({ workingDaysLeft: -5, status: 'OVERDUE' });
  });

  it('on the weekend right after a Friday deadline it is late by 0 working days, and OVERDUE', () => {
    const d = deadline({ acceptedAt: MONDAY, limitWorkingDays: 4, now: at('2026-03-07T09:00:00') });
    expect(d).toMatchObject({ deadlineDate: '2026-03-06', workingDaysLeft: 0, status: 'OVERDUE' });
  });

  it('takes the due-soon margin from the caller', () => {
    const strict = deadline({ acceptedAt: MONDAY, now: at('2026-03-06T12:00:00'), dueSoonWorkingDays: 0 });
    expect(strict).toMatchObject({ workingDaysLeft: 1, status: 'ON_TIME' });
    const wide = deadline({ acceptedAt: MONDAY, now: at('2026-03-03T12:00:00'), dueSoonWorkingDays: 5 });
    expect(wide.status).toBe('DUE_SOON');
  });
});

describe('a finished application is judged when it finished', () => {
  it('finished late: OVERDUE for good, the clock stopped', () => {
    const d = deadline({
      acceptedAt: MONDAY,
      finishedAt: at('2026-03-10T09:00:00'),
      now: at('2026-04-20T09:00:00'),
    });
    expect(d).toMatchObject({ status: 'OVERDUE', workingDaysLeft: -1, clockStopped: true });
  });

  it('finished on the last day: ON_TIME (never "due soon" once finished)', () => {
    const d = deadline({
      acceptedAt: MONDAY,
      finishedAt: at('2026-03-09T17:00:00'),
      now: at('2026-04-20T09:00:00'),
    });
    expect(d).toMatchObject({ status: 'ON_TIME', workingDaysLeft: 0, clockStopped: true });
  });

  it('a suspension still open when it finished ends at the finish', () => {
    const d = deadline({
      acceptedAt: MONDAY,
      finishedAt: at('2026-03-10T09:00:00'),
      now: at('2026-04-20T09:00:00'),
      suspensions: [{ from: at('2026-03-05T09:00:00'), to: null }],
    });
    expect(d.suspendedWorkingDays).toBe(3); // 6, 9, 10 March — not the weeks after the finish
    expect(d.deadlineDate).toBe('2026-03-12');
    expect(d.status).toBe('ON_TIME');
  });
});

describe('provisional deadlines', () => {
  it('are firm inside the known year', () => {
    expect(deadline({ acceptedAt: at('2026-11-30T10:00:00'), now: at('2026-11-30T10:00:00') })).toMatchObject(
      {
        deadlineDate: '2026-12-07',
        provisional: false,
      },
    );
  });

  it('are provisional when the count runs into a year the calendar only estimates', () => {
    const d = deadline({
      acceptedAt: at('2026-12-21T10:00:00'),
      now: at('2026-12-21T10:00:00'),
      limitWorkingDays: 10,
    });
    // 22–25, 28–31 December = 8; 1 January 2027 (provisional 元旦) rests; 4 and 5 January.
    expect(d.deadlineDate).toBe('2027-01-05');
    expect(d.provisional).toBe(true);
  });

  it('are provisional when counting the days late runs past the known years', () => {
    const d = deadline({ acceptedAt: at('2026-12-01T10:00:00'), now: at('2027-01-11T10:00:00') });
    expect(d.deadlineDate).toBe('2026-12-08');
    expect(d.status).toBe('OVERDUE');
    expect(d.provisional).toBe(true);
  });

  it('are provisional for a calendar that knows no year', () => {
    const d = computeDeadline({
      acceptedAt: MONDAY,
      limitWorkingDays: 5,
      now: MONDAY,
      dueSoonWorkingDays: 2,
      calendar: new WorkingCalendar([]),
    });
    expect(d).toMatchObject({ deadlineDate: '2026-03-09', provisional: true, suspendedWorkingDays: 0 });
  });
});

describe('inputs that can only come from a bug', () => {
  it('throws on a negative or fractional limit, extension or margin', () => {
    expect(() => deadline({ acceptedAt: MONDAY, now: MONDAY, limitWorkingDays: -1 })).toThrow(RangeError);
    expect(() => deadline({ acceptedAt: MONDAY, now: MONDAY, extensionWorkingDays: 0.5 })).toThrow(
      RangeError,
    );
    expect(() => deadline({ acceptedAt: MONDAY, now: MONDAY, dueSoonWorkingDays: -2 })).toThrow(RangeError);
    expect(() => deadline({ acceptedAt: new Date(Number.NaN), now: MONDAY })).toThrow(RangeError);
  });
});
