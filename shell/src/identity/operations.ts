import { gql, type TypedDocumentNode } from '@apollo/client';
import { AUTH_SESSION_FIELDS, type AuthSessionPayload } from '../session/session-transport';

/**
 * The identity operations the shell uses (`subgraphs/identity/src/schema.graphql`). Anything that
 * carries tokens or unmasked personal data is sent with `fetchPolicy: 'no-cache'`: tokens belong to
 * the session manager and revealed values to the component that shows them, never to the cache.
 */

export interface UserError {
  code: string;
  message: string;
  field?: string | null;
}

export interface AccountSummary {
  id: string;
  username: string | null;
  /** Masked by the server: 138****5678. */
  phone: string;
  roles: string[];
  secondFactorRequired: boolean;
  totpEnabled: boolean;
  recoveryCodesRemaining: number;
  passwordChangedAt: string;
  /** The initial password an administrator set is still in use: it must be replaced first. */
  passwordChangeRequired: boolean;
  /** Staff: the department they act for. */
  department: { code: string; name: string; nameEn: string } | null;
  person: {
    id: string;
    name: string;
    idType: string;
    /** Masked: 110***********1234. */
    idNumber: string;
    phone: string | null;
    address: string | null;
    dateOfBirth: string | null;
  } | null;
}

export const ME: TypedDocumentNode<{ me: AccountSummary | null }, Record<string, never>> = gql`
  query Me {
    me {
      id
      username
      phone
      roles
      secondFactorRequired
      totpEnabled
      recoveryCodesRemaining
      passwordChangedAt
      passwordChangeRequired
      department {
        code
        name
        nameEn
      }
      person {
        id
        name
        idType
        idNumber
        phone
        address
        dateOfBirth
      }
    }
  }
`;

export interface AuthResult {
  ok: boolean;
  error: UserError | null;
  session: AuthSessionPayload | null;
  secondFactorRequired: boolean;
  challengeToken: string | null;
  challengeExpiresAt: string | null;
  totpEnrolmentRequired: boolean;
  passwordChangeRequired: boolean;
  retryAfterSeconds: number | null;
}

const AUTH_RESULT_FIELDS = `
  ok
  error { code message field }
  session { ${AUTH_SESSION_FIELDS} }
  secondFactorRequired
  challengeToken
  challengeExpiresAt
  totpEnrolmentRequired
  passwordChangeRequired
  retryAfterSeconds
`;

export const SIGN_IN: TypedDocumentNode<
  { signIn: AuthResult },
  { input: { login: string; password: string } }
> = gql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) { ${AUTH_RESULT_FIELDS} }
  }
`);

export const VERIFY_SECOND_FACTOR: TypedDocumentNode<
  { verifySecondFactor: AuthResult },
  { input: { challengeToken: string; code: string } }
> = gql(`
  mutation VerifySecondFactor($input: VerifySecondFactorInput!) {
    verifySecondFactor(input: $input) { ${AUTH_RESULT_FIELDS} }
  }
`);

export interface SignUpInput {
  name: string;
  idNumber: string;
  phone: string;
  password: string;
}

export const SIGN_UP: TypedDocumentNode<{ signUp: AuthResult }, { input: SignUpInput }> = gql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) { ${AUTH_RESULT_FIELDS} }
  }
`);

export const CHANGE_PASSWORD: TypedDocumentNode<
  {
    changePassword: {
      ok: boolean;
      error: UserError | null;
      revokedSessions: number;
      session: AuthSessionPayload | null;
    };
  },
  { currentPassword: string; newPassword: string }
> = gql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      ok
      error {
        code
        message
        field
      }
      revokedSessions
      session { ${AUTH_SESSION_FIELDS} }
    }
  }
`);

export type PersonalDataField = 'ID_NUMBER' | 'PHONE' | 'ADDRESS';

export const REVEAL_MY_PERSONAL_DATA: TypedDocumentNode<
  { revealMyPersonalData: { ok: boolean; error: UserError | null; value: string | null } },
  { field: PersonalDataField }
> = gql`
  mutation RevealMyPersonalData($field: PersonalDataField!) {
    revealMyPersonalData(field: $field) {
      ok
      error {
        code
        message
      }
      value
    }
  }
`;

export interface AccountSessionRow {
  id: string;
  createdAt: string;
  lastUsedAt: string;
  idleExpiresAt: string;
  expiresAt: string;
  userAgent: string | null;
  secondFactorVerified: boolean;
  current: boolean;
}

export const MY_SESSIONS: TypedDocumentNode<{ mySessions: AccountSessionRow[] }, { first: number }> = gql`
  query MySessions($first: Int!) {
    mySessions(first: $first) {
      id
      createdAt
      lastUsedAt
      idleExpiresAt
      expiresAt
      userAgent
      secondFactorVerified
      current
    }
  }
`;

export const REVOKE_SESSION: TypedDocumentNode<
  { revokeSession: { ok: boolean; error: UserError | null } },
  { id: string }
> = gql`
  mutation RevokeSession($id: ID!) {
    revokeSession(id: $id) {
      ok
      error {
        code
        message
      }
    }
  }
`;

export interface TotpEnrolment {
  ok: boolean;
  error: UserError | null;
  otpauthUri: string | null;
  qrCodeDataUrl: string | null;
  secret: string | null;
  recoveryCodes: string[] | null;
}

export const ENROL_TOTP: TypedDocumentNode<{ enrolTotp: TotpEnrolment }, Record<string, never>> = gql`
  mutation EnrolTotp {
    enrolTotp {
      ok
      error {
        code
        message
      }
      otpauthUri
      qrCodeDataUrl
      secret
      recoveryCodes
    }
  }
`;

export const CONFIRM_TOTP: TypedDocumentNode<
  { confirmTotp: { ok: boolean; error: UserError | null; session: AuthSessionPayload | null } },
  { code: string }
> = gql(`
  mutation ConfirmTotp($code: String!) {
    confirmTotp(code: $code) {
      ok
      error { code message field }
      session { ${AUTH_SESSION_FIELDS} }
    }
  }
`);

export type DataAccessPurpose =
  'SELF' | 'CASE_HANDLING' | 'IDENTITY_CHECK' | 'LEGAL_REQUEST' | 'LICENCE_ISSUANCE';

/** One reveal of the resident's unmasked data (查询记录): when, what, why, by which role. */
export interface DataAccessRecord {
  id: string;
  at: string;
  field: PersonalDataField;
  purposeKind: DataAccessPurpose;
  purposeReference: string | null;
  accessorRole: string | null;
  accessorDepartment: { code: string; name: string; nameEn: string } | null;
  self: boolean;
}

export interface DataAccessPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ cursor: string; node: DataAccessRecord }>;
}

export const MY_DATA_ACCESS_LOG: TypedDocumentNode<
  { myDataAccessLog: DataAccessPage },
  { first: number; after?: string | null }
> = gql`
  query MyDataAccessLog($first: Int!, $after: String) {
    myDataAccessLog(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          at
          field
          purposeKind
          purposeReference
          accessorRole
          accessorDepartment {
            code
            name
            nameEn
          }
          self
        }
      }
    }
  }
`;

export type ConsentPurpose = 'PLATFORM_TERMS' | 'PERSONAL_DATA_PROCESSING' | 'SERVICE_NOTIFICATIONS';

/** One consent record (同意记录); the list is the whole history, newest first. */
export interface ConsentRecord {
  id: string;
  purpose: ConsentPurpose;
  policyVersion: string;
  grantedAt: string;
  withdrawnAt: string | null;
  endReason: 'WITHDRAWN' | 'SUPERSEDED' | null;
  active: boolean;
  required: boolean;
}

const CONSENT_FIELDS = `id purpose policyVersion grantedAt withdrawnAt endReason active required`;

export const MY_CONSENTS: TypedDocumentNode<
  { myConsents: ConsentRecord[]; currentPolicyVersion: string },
  Record<string, never>
> = gql(`
  query MyConsents {
    currentPolicyVersion
    myConsents { ${CONSENT_FIELDS} }
  }
`);

export interface ConsentResult {
  ok: boolean;
  error: UserError | null;
  notice: string | null;
  consent: ConsentRecord | null;
}

export const GRANT_CONSENT: TypedDocumentNode<
  { grantConsent: ConsentResult },
  { purpose: ConsentPurpose; version: string }
> = gql(`
  mutation GrantConsent($purpose: ConsentPurpose!, $version: String!) {
    grantConsent(purpose: $purpose, version: $version) { ok error { code message field } notice consent { ${CONSENT_FIELDS} } }
  }
`);

export const WITHDRAW_CONSENT: TypedDocumentNode<
  { withdrawConsent: ConsentResult },
  { purpose: ConsentPurpose }
> = gql(`
  mutation WithdrawConsent($purpose: ConsentPurpose!) {
    withdrawConsent(purpose: $purpose) { ok error { code message field } notice consent { ${CONSENT_FIELDS} } }
  }
`);

export const EXPORT_MY_DATA: TypedDocumentNode<
  {
    exportMyData: {
      ok: boolean;
      error: UserError | null;
      json: string | null;
      generatedAt: string | null;
      sections: string[];
      unavailableSections: string[];
    };
  },
  Record<string, never>
> = gql`
  mutation ExportMyData {
    exportMyData {
      ok
      error {
        code
        message
      }
      json
      generatedAt
      sections
      unavailableSections
    }
  }
`;

export interface DeletionRequestRow {
  id: string;
  status: 'PENDING' | 'APPROVED' | 'REJECTED';
  reason: string | null;
  requestedAt: string;
  decidedAt: string | null;
  decisionNote: string | null;
}

const DELETION_FIELDS = `id status reason requestedAt decidedAt decisionNote`;

export const MY_DELETION_REQUESTS: TypedDocumentNode<
  { myDeletionRequests: DeletionRequestRow[] },
  Record<string, never>
> = gql(`
  query MyDeletionRequests {
    myDeletionRequests { ${DELETION_FIELDS} }
  }
`);

export const REQUEST_ACCOUNT_DELETION: TypedDocumentNode<
  {
    requestAccountDeletion: { ok: boolean; error: UserError | null; request: DeletionRequestRow | null };
  },
  { reason: string | null }
> = gql(`
  mutation RequestAccountDeletion($reason: String) {
    requestAccountDeletion(reason: $reason) { ok error { code message field } request { ${DELETION_FIELDS} } }
  }
`);

/** The scopes a partner client can hold (identity's `ApiClient` description). */
export const API_SCOPES = ['catalog:read', 'catalog:write', 'identity:verify', 'licences:shared'] as const;

export interface ApiClientRow {
  clientId: string;
  name: string;
  scopes: string[];
  rateLimitPerMinute: number;
  createdAt: string;
  lastUsedAt: string | null;
  usageCount: number;
  previousSecretExpiresAt: string | null;
  revokedAt: string | null;
}

const API_CLIENT_FIELDS =
  'clientId name scopes rateLimitPerMinute createdAt lastUsedAt usageCount previousSecretExpiresAt revokedAt';

export interface ApiClientSecretResult {
  ok: boolean;
  error: UserError | null;
  client: ApiClientRow | null;
  /** Shown once; never kept in the cache (the mutations are sent with `no-cache`). */
  clientSecret: string | null;
}

export const MY_API_CLIENTS: TypedDocumentNode<
  { myApiClients: ApiClientRow[] },
  Record<string, never>
> = gql(`
  query MyApiClients {
    myApiClients { ${API_CLIENT_FIELDS} }
  }
`);

export const REGISTER_API_CLIENT: TypedDocumentNode<
  { registerApiClient: ApiClientSecretResult },
  { input: { name: string; scopes: string[] } }
> = gql(`
  mutation RegisterApiClient($input: RegisterApiClientInput!) {
    registerApiClient(input: $input) { ok error { code message field } clientSecret client { ${API_CLIENT_FIELDS} } }
  }
`);

export const ROTATE_API_CLIENT_SECRET: TypedDocumentNode<
  { rotateApiClientSecret: ApiClientSecretResult },
  { clientId: string }
> = gql(`
  mutation RotateApiClientSecret($clientId: String!) {
    rotateApiClientSecret(clientId: $clientId) { ok error { code message field } clientSecret client { ${API_CLIENT_FIELDS} } }
  }
`);

export const REVOKE_API_CLIENT: TypedDocumentNode<
  { revokeApiClient: { ok: boolean; error: UserError | null; client: ApiClientRow | null } },
  { clientId: string }
> = gql(`
  mutation RevokeApiClient($clientId: String!) {
    revokeApiClient(clientId: $clientId) { ok error { code message field } client { ${API_CLIENT_FIELDS} } }
  }
`);
