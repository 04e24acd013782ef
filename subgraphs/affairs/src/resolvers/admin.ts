import { badInput, ok, pick } from '@bianmin/kit';
import type { AffairsContext } from '../context.js';
import { requireAdministrator } from '../modules/application/administrator.js';
import {
  listCalendarDays,
  removeCalendarDay,
  setCalendarDay,
  type CalendarDayInput,
} from '../modules/calendar/calendar.store.js';
import type { CalendarDay } from '../modules/calendar/calendar-day.entity.js';
import { isProvisionalNote } from '../modules/calendar/working-calendar.js';
import type { RuleSet } from '../modules/rules/rule-set.entity.js';
import { currentRuleSet, publishRuleSet } from '../modules/rules/rule-set.store.js';

const ITEM_CODE = /^[A-Z]{2,4}-\d{3}$/;

export const calendarDayFields = {
  name: (day: CalendarDay, _: unknown, ctx: AffairsContext) =>
    pick(ctx.locale, { zh: day.nameZh, en: day.nameEn }),
};

export const ruleSetFields = {
  rules: (set: RuleSet) => JSON.stringify(set.rules),
  createdAt: (set: RuleSet) => set.createdAt.toISOString(),
};

export const adminQueries = {
  workingCalendar: async (_: unknown, { year }: { year: number }, ctx: AffairsContext) => {
    if (!Number.isInteger(year) || year < 2020 || year > 2100)
      throw badInput('`year` must be 2020–2100.', 'year');
    const days = await listCalendarDays(ctx.em, year);
    return { year, provisional: days.length === 0 || days.some((d) => isProvisionalNote(d.note)), days };
  },
  instantApprovalRules: (_: unknown, { itemCode }: { itemCode: string }, ctx: AffairsContext) =>
    ITEM_CODE.test(itemCode) ? currentRuleSet(ctx.em, itemCode) : null,
};

export const adminMutations = {
  setCalendarDay: async (
    _: unknown,
    args: { input: CalendarDayInput; expectedVersion?: number | null },
    ctx: AffairsContext,
  ) =>
    requireAdministrator(ctx.viewer, ctx.locale) ??
    setCalendarDay(
      ctx.em.fork(),
      args.input,
      { accountId: ctx.viewer.accountId!, expectedVersion: args.expectedVersion ?? null },
      ctx.locale,
    ),
  removeCalendarDay: async (
    _: unknown,
    args: { date: string; expectedVersion: number },
    ctx: AffairsContext,
  ) => {
    const refused = requireAdministrator(ctx.viewer, ctx.locale);
    if (refused) return refused;
    const result = await removeCalendarDay(
      ctx.em.fork(),
      args.date,
      { accountId: ctx.viewer.accountId!, expectedVersion: args.expectedVersion },
      ctx.locale,
    );
    if (!result.ok) return result;
    ctx.log.info(
      { event: 'calendar-day-removed', date: args.date, accountId: ctx.viewer.accountId },
      'calendar day removed',
    );
    return ok({ day: null });
  },
  publishInstantApprovalRules: async (
    _: unknown,
    args: { itemCode: string; expectedVersion: number; rules: string; note?: string | null },
    ctx: AffairsContext,
  ) => {
    const refused = requireAdministrator(ctx.viewer, ctx.locale);
    if (refused) return refused;
    let rules: unknown;
    try {
      rules = JSON.parse(args.rules);
    } catch {
      return {
        ok: false,
        error: {
          code: 'BAD_USER_INPUT',
          message: pick(ctx.locale, { zh: '规则不是有效的 JSON', en: 'The rules are not valid JSON.' }),
          field: 'rules',
        },
      };
    }
    return publishRuleSet(
      ctx.em.fork(),
      { itemCode: args.itemCode, rules, note: args.note ?? '', expectedVersion: args.expectedVersion },
      { accountId: ctx.viewer.accountId! },
      ctx.locale,
    );
  },
};
