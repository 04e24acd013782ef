import { gql } from '@apollo/client';

/** What a service item shows in any list (home, browse, search results). */
export const SERVICE_ITEM_CARD = gql`
  fragment ServiceItemCard on ServiceItem {
    id
    code
    name
    nameEn
    summary
    category
    visits
    instantApproval
    promisedDays
    channels
    department {
      code
      name
      nameEn
    }
  }
`;

/** One page of service items, as every list (home, browse, search results) asks for it. */
export const SERVICE_ITEM_PAGE = gql`
  fragment ServiceItemPage on ServiceItemConnection {
    totalCount
    edges {
      cursor
      node {
        ...ServiceItemCard
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
  ${SERVICE_ITEM_CARD}
`;

/** What a service point shows in the guide's "where to go" and on the nearby page. */
export const SERVICE_POINT_FIELDS = gql`
  fragment ServicePointFields on ServicePoint {
    id
    code
    name
    type
    address
    phone
    latitude
    longitude
    openingHours {
      days
      opens
      closes
    }
    openingNote
    accessibility
  }
`;
