import { badInput, ErrorCode, fail, ok, pick } from '@bianmin/kit';
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
import {
  currentRuleSet,
  currentRuleSets,
  publishRuleSet,
  ruleSetVersions,
} from '../modules/rules/rule-set.store.js';
import type { AffairsServices } from '../services.js';

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
  instantApprovalRuleSets: (_: unknown, __: unknown, ctx: AffairsContext) => currentRuleSets(ctx.em),
  instantApprovalRuleVersions: (
    _: unknown,
    args: { itemCode: string; first?: number | null; offset?: number | null },
    ctx: AffairsContext,
  ) => {
    const first = args.first ?? 20;
    const offset = args.offset ?? 0;
    if (!Number.isInteger(first) || first < 1 || first > 50) throw badInput('`first` must be 1–50.', 'first');
    if (!Number.isInteger(offset) || offset < 0) throw badInput('`offset` must be 0 or more.', 'offset');
    if (!ITEM_CODE.test(args.itemCode)) return { ruleSets: [], totalCount: 0 };
    return ruleSetVersions(ctx.em, args.itemCode, { limit: first, offset });
  },
};

export const adminMutations = (services: AffairsServices) => ({
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
    // The catalog owns items: rules for an item it does not know would never be used.
    if (ITEM_CODE.test(args.itemCode)) {
      const item = await services.catalog.itemIdByCode(args.itemCode);
      if (!item.ok)
        return fail(
          ErrorCode.UNAVAILABLE,
          pick(ctx.locale, {
            zh: '暂时无法核对事项目录，请稍后再试',
            en: 'The catalog cannot be reached; try again later.',
          }),
          'itemCode',
        );
      if (item.id === null)
        return fail(
          ErrorCode.NOT_FOUND,
          pick(ctx.locale, {
            zh: `事项目录中没有 ${args.itemCode}`,
            en: `The catalog has no item ${args.itemCode}.`,
          }),
          'itemCode',
        );
    }
    return publishRuleSet(
      ctx.em.fork(),
      { itemCode: args.itemCode, rules, note: args.note ?? '', expectedVersion: args.expectedVersion },
      { accountId: ctx.viewer.accountId! },
      ctx.locale,
    );
  },
});
