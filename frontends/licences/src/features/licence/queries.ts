import { gql, type TypedDocumentNode } from '@apollo/client';
import { GRANT_FIELDS, LICENCE_CARD_FIELDS, USER_ERROR_FIELDS } from '../../graphql/selections';
import type {
  Connection,
  Department,
  LicenceDetail,
  LicenceGrant,
  Presentation,
  UserError,
} from '../../graphql/types';
import type { GrantLicenceAccessInput } from '../../domain/grant-form';

/** Everything the licence page shows, except the signed credential (fetched only to download it). */
export const LICENCE: TypedDocumentNode<{ licence: LicenceDetail | null }, { id: string }> = gql`
  query Licence($id: ID!) {
    licence(id: $id) {
      ${LICENCE_CARD_FIELDS}
      holderName
      holderIdType
      holderIdNumber
      issueDate
      statusChangedAt
      source
      issuedAt
      fields {
        name
        label
        value
      }
      history {
        action
        fromStatus
        toStatus
        reason
        actorKind
        at
      }
      type {
        code
        fields {
          name
          label
          kind
          sensitive
        }
        validity {
          kind
          description
        }
      }
    }
  }
`;

/**
 * The signed W3C credential, exactly as issued, with the holder's full ID number in it. Always
 * sent with `fetchPolicy: 'no-cache'`: it goes straight into the downloaded file, never the cache.
 */
export const LICENCE_CREDENTIAL: TypedDocumentNode<
  { licence: { id: string; credential: string | null } | null },
  { id: string }
> = gql`
  query LicenceCredential($id: ID!) {
    licence(id: $id) {
      id
      credential
    }
  }
`;

/** 亮证: a fresh 5-minute presentation and its QR code. */
export const PRESENT_LICENCE: TypedDocumentNode<
  { presentLicence: { ok: boolean; error: UserError | null; presentation: Presentation | null } },
  { id: string }
> = gql`
  mutation PresentLicence($id: ID!) {
    presentLicence(id: $id) {
      ok
      ${USER_ERROR_FIELDS}
      presentation {
        token
        url
        expiresAt
        qrCodeDataUrl
      }
    }
  }
`;

export const GRANTS_PAGE_SIZE = 50;

/** 授权记录 of one licence, with every use. */
export const LICENCE_GRANTS: TypedDocumentNode<
  { myLicenceGrants: Connection<LicenceGrant> },
  { licenceId: string; first: number; after?: string }
> = gql`
  query LicenceGrants($licenceId: ID!, $first: Int!, $after: String) {
    myLicenceGrants(licenceId: $licenceId, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          ${GRANT_FIELDS}
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

/** The city's departments, for the grantee picker (identity's organizations). */
export const DEPARTMENTS: TypedDocumentNode<{ organizations: Department[] }, Record<string, never>> = gql`
  query GrantDepartments {
    organizations(kind: DEPARTMENT) {
      code
      name
      nameEn
    }
  }
`;

type GrantResult = { ok: boolean; error: UserError | null; grant: LicenceGrant | null };

export const GRANT_LICENCE_ACCESS: TypedDocumentNode<
  { grantLicenceAccess: GrantResult },
  { input: GrantLicenceAccessInput }
> = gql`
  mutation GrantLicenceAccess($input: GrantLicenceAccessInput!) {
    grantLicenceAccess(input: $input) {
      ok
      ${USER_ERROR_FIELDS}
      grant {
        ${GRANT_FIELDS}
      }
    }
  }
`;

export const REVOKE_LICENCE_GRANT: TypedDocumentNode<{ revokeLicenceGrant: GrantResult }, { id: string }> =
  gql`
  mutation RevokeLicenceGrant($id: ID!) {
    revokeLicenceGrant(id: $id) {
      ok
      ${USER_ERROR_FIELDS}
      grant {
        ${GRANT_FIELDS}
      }
    }
  }
`;
