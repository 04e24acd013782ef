import { gql, type TypedDocumentNode } from '@apollo/client';
import { APPLICATION_CARD_FIELDS, USER_ERROR_FIELDS } from '../../graphql/selections';
import type {
  ApplicationCardFields,
  Connection,
  NotificationConnection,
  UserError,
} from '../../graphql/types';

export const PAGE_SIZE = 10;

export const MY_APPLICATIONS: TypedDocumentNode<
  { myApplications: Connection<ApplicationCardFields> },
  { first: number; after?: string }
> = gql`
  query MyApplications($first: Int!, $after: String) {
    myApplications(first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          ${APPLICATION_CARD_FIELDS}
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

export const MY_NOTIFICATIONS: TypedDocumentNode<
  { myNotifications: NotificationConnection },
  { first: number; after?: string; unreadOnly: boolean }
> = gql`
  query MyNotifications($first: Int!, $after: String, $unreadOnly: Boolean!) {
    myNotifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
      totalCount
      unreadCount
      edges {
        cursor
        node {
          id
          kind
          title
          body
          applicationId
          createdAt
          readAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

export const MARK_NOTIFICATIONS_READ: TypedDocumentNode<
  { markNotificationsRead: { ok: boolean; error: UserError | null; marked: number } },
  { ids?: string[] }
> = gql`
  mutation MarkNotificationsRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids) {
      ok
      error {
        ${USER_ERROR_FIELDS}
      }
      marked
    }
  }
`;
