import { describe, expect, it } from 'vitest';
import type { DeadlineFields } from '../graphql/types';
import { describeDeadline } from './deadline';

const clock = (overrides: Partial<DeadlineFields> = {}): DeadlineFields => ({
  date: '2026-12-10',
  dueAt: '2026-12-10T15:59:59.999Z',
  workingDaysLeft: 5,
  status: 'ON_TIME',
  clockStopped: false,
  suspendedWorkingDays: 0,
  extensionWorkingDays: 0,
  provisional: false,
  ...overrides,
});

describe('describeDeadline', () => {
  it('counts working days left while on time', () => {
    expect(describeDeadline(clock(), false)).toEqual({
      tone: 'ok',
      daysKey: 'daysLeft',
      count: 5,
      badges: [],
    });
  });

  it('flags 即将到期 and says "today" on the last day', () => {
    expect(describeDeadline(clock({ status: 'DUE_SOON', workingDaysLeft: 2 }), false)).toEqual({
      tone: 'soon',
      daysKey: 'daysLeft',
      count: 2,
      badges: ['dueSoon'],
    });
    expect(describeDeadline(clock({ status: 'DUE_SOON', workingDaysLeft: 0 }), false)).toMatchObject({
      daysKey: 'dueToday',
      badges: ['dueSoon'],
    });
  });

  it('flags 已超期 with the working days over', () => {
    expect(describeDeadline(clock({ status: 'OVERDUE', workingDaysLeft: -3 }), false)).toEqual({
      tone: 'overdue',
      daysKey: 'overdueBy',
      count: 3,
      badges: ['overdue'],
    });
  });

  it('says 计时暂停 while the clock is stopped, keeping an overdue flag', () => {
    expect(describeDeadline(clock({ clockStopped: true, workingDaysLeft: 4 }), false)).toEqual({
      tone: 'paused',
      daysKey: 'pausedLeft',
      count: 4,
      badges: ['paused'],
    });
    expect(
      describeDeadline(clock({ clockStopped: true, status: 'OVERDUE', workingDaysLeft: -1 }), false),
    ).toMatchObject({ tone: 'overdue', daysKey: 'pausedOverdue', badges: ['overdue', 'paused'] });
  });

  it('says whether a decided application was decided in time', () => {
    expect(describeDeadline(clock({ clockStopped: true }), true)).toMatchObject({
      tone: 'done',
      daysKey: 'decidedOnTime',
    });
    expect(describeDeadline(clock({ clockStopped: true, status: 'OVERDUE' }), true)).toMatchObject({
      tone: 'late',
      daysKey: 'decidedLate',
    });
  });

  it('warns when the calendar behind the date is provisional', () => {
    expect(describeDeadline(clock({ provisional: true }), false).badges).toEqual(['provisional']);
  });
});
