import { gql, type TypedDocumentNode } from '@apollo/client';
import { SERVICE_ITEM_PAGE } from '../../graphql/fragments';
import type { DepartmentRef, ServiceItemCardFields, ServiceItemConnection } from '../../graphql/types';

export interface SuggestionNode {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  department: DepartmentRef;
}

export const SUGGEST_SERVICE_ITEMS: TypedDocumentNode<
  { searchServiceItems: ServiceItemConnection<SuggestionNode> | null },
  { query: string }
> = gql`
  query SuggestServiceItems($query: String!) {
    searchServiceItems(query: $query, first: 8) {
      totalCount
      edges {
        cursor
        node {
          id
          code
          name
          nameEn
          department {
            code
            name
            nameEn
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

export const SEARCH_SERVICE_ITEMS: TypedDocumentNode<
  { searchServiceItems: ServiceItemConnection<ServiceItemCardFields> | null },
  { query: string; first: number; after?: string | null }
> = gql`
  query SearchServiceItems($query: String!, $first: Int!, $after: String) {
    searchServiceItems(query: $query, first: $first, after: $after) {
      ...ServiceItemPage
    }
  }
  ${SERVICE_ITEM_PAGE}
`;
