import { gql, type TypedDocumentNode } from '@apollo/client';
import { INBOX_ROW_FIELDS, STAFF_APPLICATION_FIELDS, USER_ERROR_FIELDS } from '../../graphql/selections';
import type {
  ApplicantFields,
  ApplicationResult,
  BulkAssignResult,
  ColleagueFields,
  Connection,
  InboxFilter,
  InboxRowFields,
  PersonalDataField,
  RectificationTaskFields,
  RevealPurposeInput,
  RevealResult,
  StaffApplication,
  UserError,
} from '../../graphql/types';
import type { ActionInput } from '../../domain/workflow-actions';

export const PAGE_SIZE = 20;

type Result = ApplicationResult<StaffApplication>;

export const APPLICATION_INBOX: TypedDocumentNode<
  { applicationInbox: Connection<InboxRowFields> | null },
  { filter?: InboxFilter; first: number; after?: string }
> = gql`
  query ApplicationInbox($filter: InboxFilter, $first: Int!, $after: String) {
    applicationInbox(filter: $filter, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          ${INBOX_ROW_FIELDS}
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

/** A rectification task as the workbench shows it. */
const RECTIFICATION_TASK_FIELDS = `
    id
    applicationReference
    applicationId
    itemName
    score
    comment
    status
    openedAt
    response
    closedAt
`;

export const RECTIFICATION_TASKS: TypedDocumentNode<
  { rectificationTasks: Connection<RectificationTaskFields> | null },
  { openOnly: boolean; first: number; after?: string }
> = gql`
  query RectificationTasks($openOnly: Boolean!, $first: Int!, $after: String) {
    rectificationTasks(openOnly: $openOnly, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          ${RECTIFICATION_TASK_FIELDS}
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

export const RESPOND_TO_RECTIFICATION: TypedDocumentNode<
  {
    respondToRectification: { ok: boolean; error: UserError | null; task: RectificationTaskFields | null };
  },
  { id: string; response: string }
> = gql`
  mutation RespondToRectification($id: ID!, $response: String!) {
    respondToRectification(id: $id, response: $response) {
      ok
      error {
        ${USER_ERROR_FIELDS}
      }
      task {
        ${RECTIFICATION_TASK_FIELDS}
      }
    }
  }
`;

export const STAFF_APPLICATION_QUERY: TypedDocumentNode<
  { application: StaffApplication | null },
  { id: string }
> = gql`
    query StaffApplication($id: ID!) {
      application(id: $id) {
        ${STAFF_APPLICATION_FIELDS}
      }
    }
  `;

/**
 * The applicant, from identity, apart from the application: the page still works when identity
 * cannot answer. Name as it is; ID number and phone masked.
 */
export const STAFF_APPLICANT: TypedDocumentNode<
  { application: { id: string; applicant: ApplicantFields } | null },
  { id: string }
> = gql`
  query StaffApplicant($id: ID!) {
    application(id: $id) {
      id
      applicant {
        id
        name
        idNumber
        phone
      }
    }
  }
`;

/**
 * One full value of the applicant's, for a declared purpose: audited, and the applicant sees it.
 * Always sent with `fetchPolicy: 'no-cache'` — the value must never reach the cache.
 */
export const REVEAL_PERSONAL_DATA: TypedDocumentNode<
  { revealPersonalData: RevealResult },
  { personId: string; field: PersonalDataField; purpose: RevealPurposeInput }
> = gql`
  mutation RevealPersonalData($personId: ID!, $field: PersonalDataField!, $purpose: RevealPurposeInput!) {
    revealPersonalData(personId: $personId, field: $field, purpose: $purpose) {
      ok
      error {
        ${USER_ERROR_FIELDS}
      }
      field
      value
    }
  }
`;

export const ACT_AS_STAFF: TypedDocumentNode<
  { actOnApplication: Result },
  { id: string; expectedVersion: number; action: string; input?: ActionInput }
> = gql`
  mutation ActAsStaff($id: ID!, $expectedVersion: Int!, $action: String!, $input: ApplicationActionInput) {
    actOnApplication(id: $id, expectedVersion: $expectedVersion, action: $action, input: $input) {
      ok
      error {
        ${USER_ERROR_FIELDS}
      }
      application {
        ${STAFF_APPLICATION_FIELDS}
      }
    }
  }
`;

export const CLAIM_APPLICATION: TypedDocumentNode<
  { claimApplication: Result },
  { id: string; expectedVersion: number; release: boolean }
> = gql`
  mutation ClaimApplication($id: ID!, $expectedVersion: Int!, $release: Boolean!) {
    claimApplication(id: $id, expectedVersion: $expectedVersion, release: $release) {
      ok
      error {
        ${USER_ERROR_FIELDS}
      }
      application {
        ${STAFF_APPLICATION_FIELDS}
      }
    }
  }
`;

/** 同事: whom a supervisor may assign work to (identity). */
export const DEPARTMENT_COLLEAGUES: TypedDocumentNode<
  { departmentColleagues: ColleagueFields[] },
  Record<string, never>
> = gql`
  query DepartmentColleagues {
    departmentColleagues {
      accountId
      name
      roles
    }
  }
`;

/** 分派 / 批量认领: 1–50 applications to one colleague, to oneself, or back to the pool (null). */
export const ASSIGN_APPLICATIONS: TypedDocumentNode<
  { assignApplications: BulkAssignResult },
  { items: { id: string; expectedVersion: number }[]; assigneeAccountId: string | null }
> = gql`
  mutation AssignApplications($items: [ApplicationVersionInput!]!, $assigneeAccountId: ID) {
    assignApplications(items: $items, assigneeAccountId: $assigneeAccountId) {
      ok
      error {
        ${USER_ERROR_FIELDS}
      }
      results {
        id
        ok
        error {
          ${USER_ERROR_FIELDS}
        }
        application {
          ${INBOX_ROW_FIELDS}
        }
      }
    }
  }
`;

export const REQUEST_EXTENSION: TypedDocumentNode<
  { requestExtension: Result },
  { id: string; expectedVersion: number; workingDays: number; reason: string }
> = gql`
  mutation RequestExtension($id: ID!, $expectedVersion: Int!, $workingDays: Int!, $reason: String!) {
    requestExtension(id: $id, expectedVersion: $expectedVersion, workingDays: $workingDays, reason: $reason) {
      ok
      error {
        ${USER_ERROR_FIELDS}
      }
      application {
        ${STAFF_APPLICATION_FIELDS}
      }
    }
  }
`;

export const DECIDE_EXTENSION: TypedDocumentNode<
  { decideExtension: Result },
  { id: string; expectedVersion: number; approve: boolean; comment?: string }
> = gql`
  mutation DecideExtension($id: ID!, $expectedVersion: Int!, $approve: Boolean!, $comment: String) {
    decideExtension(id: $id, expectedVersion: $expectedVersion, approve: $approve, comment: $comment) {
      ok
      error {
        ${USER_ERROR_FIELDS}
      }
      application {
        ${STAFF_APPLICATION_FIELDS}
      }
    }
  }
`;
