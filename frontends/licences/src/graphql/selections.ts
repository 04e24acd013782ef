// Selections shared by several documents, as text spliced into them. Not fragments: the gateway's
// depth limit (graphql-armor, 10 levels) counts every fragment spread as two levels.
// documents.test.ts checks every document against the public schema and that limit.

/** What a licence's card in the wallet shows. */
export const LICENCE_CARD_FIELDS = `
    id
    typeCode
    name
    number
    issuerName
    issuerCode
    validFrom
    validUntil
    status
    statusReason
    type {
      code
      name
      authority {
        code
        name
      }
    }
`;

/** A verdict with its checks and, when valid, the licence's visible fields. */
export const VERIFICATION_FIELDS = `
    status
    message
    issuer
    expiresAt
    checks {
      check
      passed
      detail
    }
    licence {
      typeCode
      name
      number
      holderName
      holderIdType
      holderIdNumber
      holderDateOfBirth
      issuerName
      issuerCode
      issueDate
      validFrom
      validUntil
      fields {
        name
        label
        value
      }
      claims {
        name
        label
        value
      }
    }
`;

export const USER_ERROR_FIELDS = `
    error {
      code
      message
      field
    }
`;

/** A grant with every use of it. */
export const GRANT_FIELDS = `
    id
    licenceId
    granteeKind
    granteeId
    purpose
    disclose
    validUntil
    createdAt
    revokedAt
    state
    uses {
      at
      by
      purpose
    }
`;
