import { gql, type TypedDocumentNode } from '@apollo/client';
import { USER_ERROR_FIELDS } from '../../graphql/selections';
import type {
  CalendarDayResult,
  RuleSetFields,
  RuleSetPage,
  RuleSetResult,
  ServiceItemName,
  WorkingCalendarYearFields,
} from '../../graphql/types';
import type { CalendarDayInput } from '../../domain/calendar-form';

/** Versions per page of a rule set's history. */
export const VERSIONS_PAGE_SIZE = 10;

const CALENDAR_DAY_FIELDS = `
    date
    kind
    name
    nameZh
    nameEn
    note
    version
`;

const RULE_SET_FIELDS = `
    itemCode
    version
    rules
    note
    createdAt
`;

export const WORKING_CALENDAR: TypedDocumentNode<
  { workingCalendar: WorkingCalendarYearFields },
  { year: number }
> = gql`
  query AdminWorkingCalendar($year: Int!) {
    workingCalendar(year: $year) {
      year
      provisional
      days {
        ${CALENDAR_DAY_FIELDS}
      }
    }
  }
`;

export const SET_CALENDAR_DAY: TypedDocumentNode<
  { setCalendarDay: CalendarDayResult },
  { input: CalendarDayInput; expectedVersion: number | null }
> = gql`
  mutation AdminSetCalendarDay($input: CalendarDayInput!, $expectedVersion: Int) {
    setCalendarDay(input: $input, expectedVersion: $expectedVersion) {
      ok
      error {
        ${USER_ERROR_FIELDS}
      }
      day {
        ${CALENDAR_DAY_FIELDS}
      }
    }
  }
`;

export const REMOVE_CALENDAR_DAY: TypedDocumentNode<
  { removeCalendarDay: CalendarDayResult },
  { date: string; expectedVersion: number }
> = gql`
  mutation AdminRemoveCalendarDay($date: String!, $expectedVersion: Int!) {
    removeCalendarDay(date: $date, expectedVersion: $expectedVersion) {
      ok
      error {
        ${USER_ERROR_FIELDS}
      }
    }
  }
`;

export const RULE_SETS: TypedDocumentNode<
  { instantApprovalRuleSets: RuleSetFields[] },
  Record<string, never>
> = gql`
  query AdminRuleSets {
    instantApprovalRuleSets {
      ${RULE_SET_FIELDS}
    }
  }
`;

export const CURRENT_RULE_SET: TypedDocumentNode<
  { instantApprovalRules: RuleSetFields | null },
  { itemCode: string }
> = gql`
  query AdminCurrentRuleSet($itemCode: String!) {
    instantApprovalRules(itemCode: $itemCode) {
      ${RULE_SET_FIELDS}
    }
  }
`;

export const RULE_SET_VERSIONS: TypedDocumentNode<
  { instantApprovalRuleVersions: RuleSetPage },
  { itemCode: string; first: number; offset: number }
> = gql`
  query AdminRuleSetVersions($itemCode: String!, $first: Int!, $offset: Int!) {
    instantApprovalRuleVersions(itemCode: $itemCode, first: $first, offset: $offset) {
      totalCount
      ruleSets {
        ${RULE_SET_FIELDS}
      }
    }
  }
`;

export const PUBLISH_RULES: TypedDocumentNode<
  { publishInstantApprovalRules: RuleSetResult },
  { itemCode: string; expectedVersion: number; rules: string; note: string }
> = gql`
  mutation AdminPublishRules($itemCode: String!, $expectedVersion: Int!, $rules: String!, $note: String) {
    publishInstantApprovalRules(
      itemCode: $itemCode
      expectedVersion: $expectedVersion
      rules: $rules
      note: $note
    ) {
      ok
      error {
        ${USER_ERROR_FIELDS}
      }
      ruleSet {
        ${RULE_SET_FIELDS}
      }
    }
  }
`;

/** The catalog's names for an item code (null when the catalog has no such item). */
export const SERVICE_ITEM_NAME: TypedDocumentNode<
  { serviceItemByCode: ServiceItemName | null },
  { code: string }
> = gql`
  query AdminServiceItemName($code: String!) {
    serviceItemByCode(code: $code) {
      id
      code
      name
      nameEn
    }
  }
`;
