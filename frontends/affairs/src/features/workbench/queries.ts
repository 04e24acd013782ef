import { gql, type TypedDocumentNode } from '@apollo/client';
import { INBOX_ROW_FIELDS, STAFF_APPLICATION_FIELDS, USER_ERROR_FIELDS } from '../../graphql/selections';
import type {
  ApplicationResult,
  Connection,
  InboxFilter,
  InboxRowFields,
  RectificationTaskFields,
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
