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
