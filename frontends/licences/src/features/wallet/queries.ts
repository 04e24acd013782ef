import { gql, type TypedDocumentNode } from '@apollo/client';
import { LICENCE_CARD_FIELDS } from '../../graphql/selections';
import type { Connection, LicenceCardFields } from '../../graphql/types';

/** The API's largest page: a resident rarely holds more, and "load more" covers those who do. */
export const PAGE_SIZE = 50;

export const MY_LICENCES: TypedDocumentNode<
  { myLicences: Connection<LicenceCardFields> },
  { first: number; after?: string }
> = gql`
  query MyLicences($first: Int!, $after: String) {
    myLicences(first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          ${LICENCE_CARD_FIELDS}
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;
