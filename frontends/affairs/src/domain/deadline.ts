import type { DeadlineFields } from '../graphql/types';

/** The clock's colour: how urgent it is, or how it ended. */
export type DeadlineTone = 'ok' | 'soon' | 'overdue' | 'paused' | 'done' | 'late';

export type DeadlineBadge = 'dueSoon' | 'overdue' | 'paused' | 'provisional';

export interface DeadlineView {
  tone: DeadlineTone;
  /** i18n key under `deadline.` for the line about working days, with its count. */
  daysKey:
    'daysLeft' | 'dueToday' | 'overdueBy' | 'pausedLeft' | 'pausedOverdue' | 'decidedOnTime' | 'decidedLate';
  count: number;
  badges: DeadlineBadge[];
}

/**
 * What the deadline clock says about an application: working days left (or over), the 即将到期 /
 * 已超期 badges, and 计时暂停 while suspended or waiting for the applicant. Once decided, whether
 * it was decided in time.
 */
export function describeDeadline(deadline: DeadlineFields, decided: boolean): DeadlineView {
  const left = deadline.workingDaysLeft;
  const badges: DeadlineBadge[] = [];
  if (deadline.provisional) badges.push('provisional');

  if (decided) {
    const late = deadline.status === 'OVERDUE';
    return {
      tone: late ? 'late' : 'done',
      daysKey: late ? 'decidedLate' : 'decidedOnTime',
      count: 0,
      badges,
    };
  }
  if (deadline.clockStopped) {
    badges.unshift('paused');
    if (deadline.status === 'OVERDUE') {
      badges.unshift('overdue');
      return { tone: 'overdue', daysKey: 'pausedOverdue', count: Math.max(1, -left), badges };
    }
    return { tone: 'paused', daysKey: 'pausedLeft', count: Math.max(0, left), badges };
  }
  if (deadline.status === 'OVERDUE') {
    badges.unshift('overdue');
    return { tone: 'overdue', daysKey: 'overdueBy', count: Math.max(1, -left), badges };
  }
  if (deadline.status === 'DUE_SOON') badges.unshift('dueSoon');
  const tone = deadline.status === 'DUE_SOON' ? 'soon' : 'ok';
  return left <= 0
    ? { tone, daysKey: 'dueToday', count: 0, badges }
    : { tone, daysKey: 'daysLeft', count: left, badges };
}
