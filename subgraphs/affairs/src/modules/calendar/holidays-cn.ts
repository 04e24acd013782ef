/**
 * Seed data: China's public holidays and adjusted working weekend days (调休上班) for 2026 and 2027.
 * Only exceptions to "Monday–Friday work" are listed; holiday days that fall on a weekend are kept
 * too, so the calendar can name every day of a holiday.
 *
 * 2026 — 《国务院办公厅关于2026年部分节假日安排的通知》(国办发明电〔2025〕7号, 4 November 2025).
 * 2027 — no notice yet (it is usually published in November or December): only the statutory days
 * of 《全国年节及纪念日放假办法》 as revised in 2024 (元旦 1, 春节 4 from 除夕, 清明 1, 劳动节 2,
 * 端午 1, 中秋 1, 国庆 3), marked provisional. The weekday make-up days (补假, 第六条) for statutory
 * days that fall on a weekend and the 调休 weekends are left out because the notice chooses them;
 * administrators replace these rows when the notice is published.
 */
import {
  addCalendarDays,
  dayNumberOf,
  isProvisionalNote,
  WorkingCalendar,
  type CalendarDayKind,
  type CivilDate,
} from './working-calendar.js';

/** One seed row; the store adds who (nobody: the seed) and when. */
export interface SeedDay {
  date: CivilDate;
  kind: CalendarDayKind;
  nameZh: string;
  nameEn: string;
  note: string;
}

const NOTICE_2026 = '国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号，2025年11月4日）';
/** Starts with "provisional" so `isProvisionalNote` recognises it (see working-calendar.ts). */
const PROVISIONAL_2027 =
  'provisional：按《全国年节及纪念日放假办法》（2024年修订）的法定假日推算，待国务院办公厅2027年节假日安排通知发布后替换';

const FESTIVALS = {
  NEW_YEAR: { nameZh: '元旦', nameEn: "New Year's Day" },
  SPRING: { nameZh: '春节', nameEn: 'Spring Festival' },
  QINGMING: { nameZh: '清明节', nameEn: 'Qingming Festival' },
  LABOUR: { nameZh: '劳动节', nameEn: 'Labour Day' },
  DRAGON_BOAT: { nameZh: '端午节', nameEn: 'Dragon Boat Festival' },
  MID_AUTUMN: { nameZh: '中秋节', nameEn: 'Mid-Autumn Festival' },
  NATIONAL: { nameZh: '国庆节', nameEn: 'National Day' },
} as const;
type Festival = (typeof FESTIVALS)[keyof typeof FESTIVALS];

function holidays(from: CivilDate, to: CivilDate, festival: Festival, note: string): SeedDay[] {
  const days: SeedDay[] = [];
  const count = dayNumberOf(to)! - dayNumberOf(from)!;
  for (let i = 0; i <= count; i += 1) {
    days.push({ date: addCalendarDays(from, i), kind: 'HOLIDAY', ...festival, note });
  }
  return days;
}

function workday(date: CivilDate, festival: Festival, note: string): SeedDay {
  return {
    date,
    kind: 'WORKDAY',
    nameZh: `${festival.nameZh}调休上班`,
    nameEn: `Workday (${festival.nameEn})`,
    note,
  };
}

/** 2026, every date as in the State Council's notice. */
const SEED_2026: SeedDay[] = [
  // 一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
  ...holidays('2026-01-01', '2026-01-03', FESTIVALS.NEW_YEAR, NOTICE_2026),
  workday('2026-01-04', FESTIVALS.NEW_YEAR, NOTICE_2026),
  // 二、春节：2月15日（腊月二十八、周日）至23日（正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
  workday('2026-02-14', FESTIVALS.SPRING, NOTICE_2026),
  ...holidays('2026-02-15', '2026-02-23', FESTIVALS.SPRING, NOTICE_2026),
  workday('2026-02-28', FESTIVALS.SPRING, NOTICE_2026),
  // 三、清明节：4月4日（周六）至6日（周一）放假，共3天。
  ...holidays('2026-04-04', '2026-04-06', FESTIVALS.QINGMING, NOTICE_2026),
  // 四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
  ...holidays('2026-05-01', '2026-05-05', FESTIVALS.LABOUR, NOTICE_2026),
  workday('2026-05-09', FESTIVALS.LABOUR, NOTICE_2026),
  // 五、端午节：6月19日（周五）至21日（周日）放假，共3天。
  ...holidays('2026-06-19', '2026-06-21', FESTIVALS.DRAGON_BOAT, NOTICE_2026),
  // 六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
  ...holidays('2026-09-25', '2026-09-27', FESTIVALS.MID_AUTUMN, NOTICE_2026),
  // 七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
  workday('2026-09-20', FESTIVALS.NATIONAL, NOTICE_2026),
  ...holidays('2026-10-01', '2026-10-07', FESTIVALS.NATIONAL, NOTICE_2026),
  workday('2026-10-10', FESTIVALS.NATIONAL, NOTICE_2026),
];

/**
 * 2027, statutory days only. Lunar dates: 除夕 = 2027-02-05 (the new moon that begins 正月 falls at
 * 23:56 on 6 February, Beijing time, so 正月初一 is the 6th — ICU's Chinese calendar in Node 20 says
 * the 7th, which is wrong); 清明 (solar longitude 15°) is 5 April; 端午 (五月初五) is 9 June;
 * 中秋 (八月十五) is 15 September.
 */
const SEED_2027: SeedDay[] = [
  ...holidays('2027-01-01', '2027-01-01', FESTIVALS.NEW_YEAR, PROVISIONAL_2027),
  ...holidays('2027-02-05', '2027-02-08', FESTIVALS.SPRING, PROVISIONAL_2027),
  ...holidays('2027-04-05', '2027-04-05', FESTIVALS.QINGMING, PROVISIONAL_2027),
  ...holidays('2027-05-01', '2027-05-02', FESTIVALS.LABOUR, PROVISIONAL_2027),
  ...holidays('2027-06-09', '2027-06-09', FESTIVALS.DRAGON_BOAT, PROVISIONAL_2027),
  ...holidays('2027-09-15', '2027-09-15', FESTIVALS.MID_AUTUMN, PROVISIONAL_2027),
  ...holidays('2027-10-01', '2027-10-03', FESTIVALS.NATIONAL, PROVISIONAL_2027),
];

/** Every seed day, in date order. */
export const CHINA_CALENDAR_SEED: readonly SeedDay[] = [...SEED_2026, ...SEED_2027].sort((a, b) =>
  a.date.localeCompare(b.date),
);

/**
 * The calendar the seed alone describes, without a database: for pure tests and tools. The
 * subgraph itself reads the (editable) calendar with `loadWorkingCalendar`.
 */
export function seededWorkingCalendar(days: readonly SeedDay[] = CHINA_CALENDAR_SEED): WorkingCalendar {
  return new WorkingCalendar(
    days.map((d) => ({ date: d.date, kind: d.kind, provisional: isProvisionalNote(d.note) })),
  );
}
