import type { TFunction } from 'i18next';
import type { OpeningHours } from '../graphql/types';

/** [1,2,3,4,5,7] → [[1,5],[7,7]] */
function dayRuns(days: number[]): [number, number][] {
  const sorted = [...new Set(days)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const day of sorted) {
    const last = runs[runs.length - 1];
    if (last && day === last[1] + 1) last[1] = day;
    else runs.push([day, day]);
  }
  return runs;
}

function formatDays(days: number[], t: TFunction): string {
  return dayRuns(days)
    .map(([from, to]) => {
      const first = t(`hours.d${from}`);
      if (from === to) return first;
      if (to === from + 1) return `${first}${t('hours.separator')}${t(`hours.d${to}`)}`;
      return t('hours.range', { from: first, to: t(`hours.d${to}`) });
    })
    .join(t('hours.separator'));
}

/**
 * `周一至周五 08:30–12:00、13:30–17:00；周六 09:00–12:00` — sessions on the same days are
 * written once, in the order the data gives them.
 */
export function formatOpeningHours(hours: OpeningHours[], t: TFunction): string {
  if (hours.length === 0) return t('hours.closed');
  const byDays = new Map<string, { days: number[]; sessions: string[] }>();
  for (const entry of hours) {
    const key = [...entry.days].sort((a, b) => a - b).join(',');
    const group = byDays.get(key) ?? { days: entry.days, sessions: [] };
    group.sessions.push(`${entry.opens}–${entry.closes}`);
    byDays.set(key, group);
  }
  return [...byDays.values()]
    .map((group) => `${formatDays(group.days, t)} ${group.sessions.join(t('hours.separator'))}`)
    .join(t('hours.join'));
}
