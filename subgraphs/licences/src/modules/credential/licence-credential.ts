import type { JsonObject } from './data-integrity.js';
import { endOfChinaDay, startOfChinaDay } from '../licence/civil-date.js';

/** The VC Data Model 2.0 base context: every credential starts with it. */
export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';

/**
 * Our terms, inline: one `@vocab` for the licence vocabulary, so the credential needs no context
 * document of ours to be fetched (the VC 2.0 context is `@protected`; `@vocab` only catches the
 * terms it does not define).
 */
export const LICENCE_CONTEXT = { '@vocab': 'urn:bianmin:licence#' } as const;

export const LICENCE_CREDENTIAL_TYPE = 'ElectronicLicenceCredential';

export type StatusPurpose = 'revocation' | 'suspension';

export interface StatusEntry {
  purpose: StatusPurpose;
  listNumber: number;
  index: number;
}

/** What a licence credential says, in GB/T 36903 terms. */
export interface LicenceClaims {
  id: string;
  typeCode: string;
  name: string;
  number: string;
  holder: { name: string; idType: string; idNumber: string; dateOfBirth: string | null };
  issuer: { code: string; name: string };
  issueDate: string;
  validFrom: string;
  validUntil: string | null;
  fields: Record<string, string | number | boolean>;
}

export const statusListUrl = (publicUrl: string, purpose: StatusPurpose, listNumber: number) =>
  `${publicUrl}/status/${purpose}/${listNumber}`;

/** The unsigned credential of a licence (the proof is added by `signDocument`). */
export function licenceCredential(
  claims: LicenceClaims,
  issuerDid: string,
  publicUrl: string,
  status: StatusEntry[],
): JsonObject {
  const credential: JsonObject = {
    '@context': [VC_V2_CONTEXT, LICENCE_CONTEXT],
    id: `urn:uuid:${claims.id}`,
    type: ['VerifiableCredential', LICENCE_CREDENTIAL_TYPE],
    name: claims.name,
    issuer: issuerDid,
    validFrom: startOfChinaDay(claims.validFrom),
    credentialSubject: {
      type: 'LicenceHolder',
      name: claims.holder.name,
      idType: claims.holder.idType,
      idNumber: claims.holder.idNumber,
      ...(claims.holder.dateOfBirth ? { dateOfBirth: claims.holder.dateOfBirth } : {}),
      licence: {
        type: 'ElectronicLicence',
        name: claims.name,
        typeCode: claims.typeCode,
        number: claims.number,
        issuingAuthority: claims.issuer.name,
        issuingAuthorityCode: claims.issuer.code,
        issueDate: claims.issueDate,
        validFrom: claims.validFrom,
        ...(claims.validUntil ? { validUntil: claims.validUntil } : {}),
        fields: claims.fields,
      },
    },
    credentialStatus: status.map((s) => {
      const list = statusListUrl(publicUrl, s.purpose, s.listNumber);
      return {
        id: `${list}#${s.index}`,
        type: 'BitstringStatusListEntry',
        statusPurpose: s.purpose,
        statusListIndex: String(s.index),
        statusListCredential: list,
      };
    }),
  };
  if (claims.validUntil) credential.validUntil = endOfChinaDay(claims.validUntil);
  return credential;
}
