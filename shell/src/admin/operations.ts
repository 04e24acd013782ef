import { gql, type TypedDocumentNode } from '@apollo/client';
import type { UserError } from '../identity/operations';

/**
 * Staff account management (`subgraphs/identity`: `accounts`, `createStaffAccount`,
 * `setAccountRoles`). The create mutation carries a one-time password: sent with `no-cache`, kept
 * only in the component that shows it.
 */

export interface AccountRow {
  id: string;
  username: string | null;
  phone: string;
  state: 'ACTIVE' | 'LOCKED' | 'DISABLED';
  roles: string[];
  version: number;
  createdAt: string;
  department: { code: string; name: string; nameEn: string } | null;
  person: { id: string; name: string } | null;
}

const ACCOUNT_FIELDS = `id username phone state roles version createdAt department { code name nameEn } person { id name }`;

export interface AccountFilterInput {
  role?: string | null;
  departmentCode?: string | null;
  state?: AccountRow['state'] | null;
  query?: string | null;
}

export const ACCOUNTS: TypedDocumentNode<
  {
    accounts: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: Array<{ cursor: string; node: AccountRow }>;
    };
  },
  { filter?: AccountFilterInput | null; first?: number; after?: string | null }
> = gql(`
  query StaffAccounts($filter: AccountFilter, $first: Int, $after: String) {
    accounts(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { ${ACCOUNT_FIELDS} } }
    }
  }
`);

export const DEPARTMENTS: TypedDocumentNode<
  { organizations: Array<{ code: string; name: string; nameEn: string }> },
  Record<string, never>
> = gql`
  query AdminDepartments {
    organizations(kind: DEPARTMENT) {
      code
      name
      nameEn
    }
  }
`;

export interface CreateStaffAccountInput {
  name: string;
  idType?: string;
  idNumber: string;
  phone: string;
  username?: string | null;
  departmentCode?: string | null;
  roles: string[];
}

export const CREATE_STAFF_ACCOUNT: TypedDocumentNode<
  {
    createStaffAccount: {
      ok: boolean;
      error: UserError | null;
      initialPassword: string | null;
      account: AccountRow | null;
    };
  },
  { input: CreateStaffAccountInput }
> = gql(`
  mutation CreateStaffAccount($input: CreateStaffAccountInput!) {
    createStaffAccount(input: $input) {
      ok
      error { code message field }
      initialPassword
      account { ${ACCOUNT_FIELDS} }
    }
  }
`);

export const SET_ACCOUNT_ROLES: TypedDocumentNode<
  { setAccountRoles: { ok: boolean; error: UserError | null; account: AccountRow | null } },
  { id: string; roles: string[]; expectedVersion: number }
> = gql(`
  mutation SetAccountRoles($id: ID!, $roles: [StaffRole!]!, $expectedVersion: Int!) {
    setAccountRoles(id: $id, roles: $roles, expectedVersion: $expectedVersion) {
      ok
      error { code message field }
      account { ${ACCOUNT_FIELDS} }
    }
  }
`);
