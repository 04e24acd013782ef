import { gql, type TypedDocumentNode } from '@apollo/client';
import { VERIFICATION_FIELDS } from '../../graphql/selections';
import type { VerificationResult } from '../../graphql/types';

/**
 * 扫码验证 — the token from a holder's QR code. Public: no sign-in. Always fetched afresh
 * (`no-cache`): a verdict is about now, and a cached one could hide a revocation.
 */
export const VERIFY_PRESENTATION: TypedDocumentNode<
  { verifyPresentation: VerificationResult },
  { token: string }
> = gql`
  query VerifyPresentation($token: String!) {
    verifyPresentation(token: $token) {
      ${VERIFICATION_FIELDS}
    }
  }
`;

/** 验证电子证照 — a pasted credential (JSON text). Public; nothing is stored. */
export const VERIFY_CREDENTIAL: TypedDocumentNode<
  { verifyCredential: VerificationResult },
  { credential: string }
> = gql`
  query VerifyCredential($credential: String!) {
    verifyCredential(credential: $credential) {
      ${VERIFICATION_FIELDS}
    }
  }
`;
