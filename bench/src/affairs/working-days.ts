import type { Platform } from './platform.js';

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** Days since 1970-01-01 on the wall calendar in China (UTC+08:00, no daylight saving). */
export const chinaDay = (instant: Date | number) => Math.floor((Number(instant) + CHINA_OFFSET_MS) / DAY_MS);

/** 23:59:59.999 +08:00 of a China day: the instant a deadline on that day falls due. */
export const endOfChinaDay = (day: number) => new Date((day + 1) * DAY_MS - CHINA_OFFSET_MS - 1);

/**
 * Working days as affairs counts them (Monday–Friday, minus the calendar's holidays, plus its
 * adjusted working weekends), read from its public `workingCalendar`, so that the generated
 * applications' stored `dueAt` agrees with the deadline affairs computes for them.
 */
export async function workingDaysOf(platform: Platform, years: number[]) {
  const exceptions = new Map<number, boolean>();
  for (const year of years) {
    const result = await platform.affairs.execute<{
      workingCalendar: { days: { date: string; kind: 'HOLIDAY' | 'WORKDAY' }[] };
    }>(`query Calendar($year: Int!) { workingCalendar(year: $year) { days { date kind } } }`, { year });
    for (const day of result.data?.workingCalendar.days ?? [])
      exceptions.set(Date.parse(`${day.date}T00:00:00Z`) / DAY_MS, day.kind === 'WORKDAY');
  }
  // 1970-01-01 was a Thursday: (day + 4) % 7 is 0 on Sundays.
  const isWorking = (day: number) => exceptions.get(day) ?? ![0, 6].includes((day + 4) % 7);
  return {
    isWorking,
    /** The `count`-th working day after `day` (`day` itself for 0). */
    add(day: number, count: number): number {
      let d = day;
      for (let left = count; left > 0;) if (isWorking(++d)) left -= 1;
      return d;
    },
    /** Working days d with from < d ≤ to. */
    between(from: number, to: number): number {
      let n = 0;
      for (let d = from + 1; d <= to; d++) if (isWorking(d)) n += 1;
      return n;
    },
  };
}

export type WorkingDays = Awaited<ReturnType<typeof workingDaysOf>>;
