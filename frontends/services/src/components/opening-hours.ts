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

/** `周一至周五 09:00–17:00；周六 09:00–12:00` / `Mon–Fri 09:00–17:00; Sat 09:00–12:00` */
export function formatOpeningHours(hours: OpeningHours[], t: TFunction): string {
  if (hours.length === 0) return t('hours.closed');
  return hours
    .map((entry) => {
      const days = dayRuns(entry.days)
        .map(([from, to]) => {
          const a = t(`hours.d${from}`);
          if (from === to) return a;
          if (to === from + 1) return `${a}${t('hours.separator')}${t(`hours.d${to}`)}`;
          return t('hours.range', { from: a, to: t(`hours.d${to}`) });
        })
        .join(t('hours.separator'));
      return `${days} ${entry.opens}–${entry.closes}`;
    })
    .join(t('hours.join'));
}
