import { gql, type TypedDocumentNode } from '@apollo/client';
import { SERVICE_ITEM_PAGE } from '../../graphql/fragments';
import type { ServiceItemCardFields, ServiceItemConnection, ServiceItemFilter } from '../../graphql/types';

export const BROWSE_SERVICE_ITEMS: TypedDocumentNode<
  { serviceItems: ServiceItemConnection<ServiceItemCardFields> | null },
  { filter: ServiceItemFilter; first: number; after?: string | null }
> = gql`
  query BrowseServiceItems($filter: ServiceItemFilter, $first: Int!, $after: String) {
    serviceItems(filter: $filter, first: $first, after: $after) {
      ...ServiceItemPage
    }
  }
  ${SERVICE_ITEM_PAGE}
`;
