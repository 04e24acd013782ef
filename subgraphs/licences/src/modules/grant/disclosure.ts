import { randomUUID } from 'node:crypto';
import { signDocument, type JsonObject } from '../credential/data-integrity.js';
import { LICENCE_CONTEXT, VC_V2_CONTEXT } from '../credential/licence-credential.js';
import { ageOn, chinaDate, endOfChinaDay } from '../licence/civil-date.js';
import type { Licence } from '../licence/licence.entity.js';
import type { LicencesServices } from '../../services.js';

/**
 * 选择性披露 — what a grant may disclose instead of the whole licence. A grant with `disclose`
 * gets a derived credential: the issuer (this service, online) signs, at the moment of use, only
 * the chosen claims — including predicates such as "aged 60 or over" that no field of the
 * licence states — with the licence's own status entries, so revoking the licence revokes it.
 */
export const DISCLOSABLE_CLAIMS = [
  'HOLDER_NAME',
  'HOLDER_ID_NUMBER',
  'DATE_OF_BIRTH',
  'AGE_OVER_18',
  'AGE_OVER_60',
  'AGE_OVER_65',
  'LICENCE_NUMBER',
  'VALIDITY_PERIOD',
  'FIELDS',
] as const;
export type DisclosableClaim = (typeof DISCLOSABLE_CLAIMS)[number];

export const DISCLOSURE_CREDENTIAL_TYPE = 'LicenceDisclosureCredential';
/** A disclosure is good for a day at most (and never beyond its grant). */
const DISCLOSURE_TTL_MS = 86_400_000;

export function disclosureCredential(
  services: LicencesServices,
  licence: Licence,
  claims: readonly DisclosableClaim[],
  grantValidUntil: Date,
): JsonObject {
  const now = services.now();
  const has = (c: DisclosableClaim) => claims.includes(c);
  const credential = JSON.parse(licence.credential) as JsonObject;
  const today = chinaDate(now);
  const age = licence.holderDateOfBirth ? ageOn(licence.holderDateOfBirth, today) : null;
  const subject: JsonObject = { type: 'LicenceHolder' };
  if (has('HOLDER_NAME')) subject.name = licence.holderName;
  if (has('HOLDER_ID_NUMBER')) {
    subject.idType = licence.holderIdType;
    subject.idNumber = licence.holderIdNumber;
  }
  if (has('DATE_OF_BIRTH') && licence.holderDateOfBirth) subject.dateOfBirth = licence.holderDateOfBirth;
  for (const [claim, years] of [
    ['AGE_OVER_18', 18],
    ['AGE_OVER_60', 60],
    ['AGE_OVER_65', 65],
  ] as const)
    if (has(claim) && age !== null) subject[`ageOver${years}`] = age >= years;
  subject.licence = {
    type: 'ElectronicLicence',
    name: licence.name,
    typeCode: licence.typeCode,
    issuingAuthority: licence.issuerName,
    issuingAuthorityCode: licence.issuerCode,
    ...(has('LICENCE_NUMBER') ? { number: licence.number } : {}),
    ...(has('VALIDITY_PERIOD')
      ? {
          issueDate: licence.issueDate,
          validFrom: licence.validFrom,
          ...(licence.validUntil ? { validUntil: licence.validUntil } : {}),
        }
      : {}),
    ...(has('FIELDS') ? { fields: licence.fields } : {}),
  };
  const until = Math.min(now + DISCLOSURE_TTL_MS, grantValidUntil.getTime());
  const licenceEnd = licence.validUntil ? Date.parse(endOfChinaDay(licence.validUntil)) : Infinity;
  const signer = services.keys.signingKey();
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return signDocument(
    {
      '@context': [VC_V2_CONTEXT, LICENCE_CONTEXT],
      id: `urn:uuid:${randomUUID()}`,
      type: ['VerifiableCredential', DISCLOSURE_CREDENTIAL_TYPE],
      name: `${licence.name}（部分披露）`,
      issuer: services.keys.did,
      validFrom: iso(now),
      validUntil: iso(Math.min(until, licenceEnd)),
      credentialSubject: subject,
      credentialStatus: credential.credentialStatus,
    },
    { verificationMethod: signer.verificationMethod, created: iso(now) },
    signer.privateKey,
  );
}
