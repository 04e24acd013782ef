// TypeScript shapes of the licences schema (subgraphs/licences/src/schema.graphql) and of
// identity's `organizations`, limited to the fields this remote selects. Each document's result
// type is built from these.

export type LicenceStatus = 'VALID' | 'SUSPENDED' | 'REVOKED' | 'EXPIRED';
export type LicenceSource = 'SEED' | 'STAFF' | 'AFFAIRS';

export type VerificationStatus =
  | 'VALID'
  | 'REVOKED'
  | 'SUSPENDED'
  | 'EXPIRED'
  | 'NOT_YET_VALID'
  | 'TAMPERED'
  | 'UNKNOWN_ISSUER'
  | 'STATUS_UNAVAILABLE'
  | 'EXPIRED_PRESENTATION';

export type DisclosableClaim =
  | 'HOLDER_NAME'
  | 'HOLDER_ID_NUMBER'
  | 'DATE_OF_BIRTH'
  | 'AGE_OVER_18'
  | 'AGE_OVER_60'
  | 'AGE_OVER_65'
  | 'LICENCE_NUMBER'
  | 'VALIDITY_PERIOD'
  | 'FIELDS';

/** Every claim a grant can disclose, in the order the form lists them. */
export const DISCLOSABLE_CLAIMS: readonly DisclosableClaim[] = [
  'HOLDER_NAME',
  'HOLDER_ID_NUMBER',
  'DATE_OF_BIRTH',
  'AGE_OVER_18',
  'AGE_OVER_60',
  'AGE_OVER_65',
  'LICENCE_NUMBER',
  'VALIDITY_PERIOD',
  'FIELDS',
];

export type GrantState = 'ACTIVE' | 'REVOKED' | 'EXPIRED';

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE';

export interface UserError {
  code: ErrorCode;
  message: string;
  field: string | null;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Connection<TNode> {
  totalCount: number;
  edges: { cursor: string; node: TNode }[];
  pageInfo: PageInfo;
}

/** A licence as the wallet's card shows it. */
export interface LicenceCardFields {
  id: string;
  typeCode: string;
  name: string;
  number: string;
  issuerName: string;
  issuerCode: string;
  validFrom: string;
  validUntil: string | null;
  status: LicenceStatus;
  statusReason: string | null;
  /** The type, with its name and authority in the UI language (null if the type went away). */
  type: LicenceTypeSummary | null;
}

export interface LicenceTypeSummary {
  code: string;
  name: string;
  authority: { code: string; name: string };
}

export interface LicenceFieldSpec {
  name: string;
  label: string;
  kind: string;
  sensitive: string | null;
}

export interface LicenceFieldValue {
  name: string;
  label: string;
  value: string;
}

export interface LicenceStatusStep {
  action: string;
  fromStatus: string | null;
  toStatus: string;
  reason: string | null;
  actorKind: string;
  at: string;
}

/** A licence as its own page shows it (everything but the signed credential). */
export interface LicenceDetail extends LicenceCardFields {
  holderName: string;
  holderIdType: string;
  holderIdNumber: string;
  issueDate: string;
  statusChangedAt: string | null;
  source: LicenceSource;
  issuedAt: string;
  fields: LicenceFieldValue[];
  history: LicenceStatusStep[];
  type:
    | (LicenceTypeSummary & { fields: LicenceFieldSpec[]; validity: { kind: string; description: string } })
    | null;
}

export interface Presentation {
  token: string;
  url: string;
  expiresAt: string;
  qrCodeDataUrl: string;
}

export interface LicenceGrantUse {
  at: string;
  by: string;
  purpose: string;
}

export interface LicenceGrant {
  id: string;
  licenceId: string;
  granteeKind: 'DEPARTMENT' | 'API_CLIENT' | string;
  granteeId: string;
  purpose: string;
  disclose: DisclosableClaim[] | null;
  validUntil: string;
  createdAt: string;
  revokedAt: string | null;
  state: GrantState | string;
  uses: LicenceGrantUse[];
}

export interface Department {
  code: string;
  name: string;
  nameEn: string;
}

export interface VerificationCheck {
  check: string;
  passed: boolean;
  detail: string;
}

export interface VerifiedField {
  name: string;
  label: string;
  value: string;
}

export interface VerifiedLicence {
  typeCode: string | null;
  name: string | null;
  number: string | null;
  holderName: string | null;
  holderIdType: string | null;
  holderIdNumber: string | null;
  holderDateOfBirth: string | null;
  issuerName: string | null;
  issuerCode: string | null;
  issueDate: string | null;
  validFrom: string | null;
  validUntil: string | null;
  fields: VerifiedField[];
  claims: VerifiedField[];
}

export interface VerificationResult {
  status: VerificationStatus;
  message: string;
  checks: VerificationCheck[];
  issuer: string | null;
  licence: VerifiedLicence | null;
  expiresAt: string | null;
}
