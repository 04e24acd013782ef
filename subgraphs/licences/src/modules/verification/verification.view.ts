import { mask, pick, type Locale, type Message, type SensitiveKind } from '@bianmin/kit';
import type { JsonObject } from '../credential/data-integrity.js';
import type { LicenceType } from '../licence-type/licence-type.entity.js';
import type { Check, Verification, VerificationStatus } from './verify.js';

export type ResultStatus = VerificationStatus | 'EXPIRED_PRESENTATION';

const MESSAGES: Record<ResultStatus, Message> = {
  VALID: {
    zh: '证照有效：签名正确、在有效期内、未被撤销或暂停。',
    en: 'Valid: genuine, within its validity period, neither revoked nor suspended.',
  },
  REVOKED: {
    zh: '证照已被签发机关撤销，不能再使用。',
    en: 'Revoked by the issuing authority: it may no longer be used.',
  },
  SUSPENDED: { zh: '证照已被暂停使用。', en: 'Suspended: it may not be used for now.' },
  EXPIRED: { zh: '证照已过有效期。', en: 'Expired: its validity period has ended.' },
  NOT_YET_VALID: { zh: '证照尚未生效。', en: 'Not yet valid: its validity period has not begun.' },
  TAMPERED: {
    zh: '证照内容被改动或格式不正确，签名校验未通过，请勿采信。',
    en: 'Tampered or malformed: the signature does not verify. Do not rely on it.',
  },
  UNKNOWN_ISSUER: {
    zh: '签发方不在信任列表中，无法确认真伪。',
    en: 'Unknown issuer: it is not from an issuer this service trusts.',
  },
  STATUS_UNAVAILABLE: {
    zh: '签名正确，但暂时无法取得状态列表，不能确认是否已撤销，请稍后重试。',
    en: 'Genuine, but the status list cannot be fetched right now, so revocation cannot be ruled out; try again later.',
  },
  EXPIRED_PRESENTATION: {
    zh: '亮证二维码已过期（有效 5 分钟），请持证人重新出示最新的二维码。',
    en: 'This code has expired (codes last 5 minutes): ask the holder to show a fresh one.',
  },
};

export const statusMessage = (status: ResultStatus, locale: Locale) => pick(locale, MESSAGES[status]);

export interface VerifiedField {
  name: string;
  label: string;
  value: string;
}

/** What a verifier is shown of a licence that verified. */
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
  /** Derived claims of a disclosure (e.g. ageOver60: true). */
  claims: VerifiedField[];
}

const str = (v: unknown) =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;
const obj = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : {});
const DERIVED = /^ageOver\d+$/;

/**
 * The licence's visible fields, read from the verified credential. `masked`: presentations show
 * the ID number and the type's sensitive fields masked (what a counter clerk needs to match the
 * person), a pasted credential shows what its bearer already has.
 */
export function verifiedLicenceView(
  credential: JsonObject,
  type: LicenceType | null,
  locale: Locale,
  masked: boolean,
): VerifiedLicence {
  const subject = obj(credential.credentialSubject);
  const licence = obj(subject.licence);
  const hide = (kind: SensitiveKind | undefined, value: string | null) =>
    masked && kind && value ? mask(kind, value) : value;
  const fields = Object.entries(obj(licence.fields)).map(([name, value]) => {
    const spec = type?.fields.find((f) => f.name === name);
    return {
      name,
      label: spec ? pick(locale, spec.label) : name,
      value: hide(spec?.sensitive, str(value)) ?? '',
    };
  });
  const claims = Object.entries(subject)
    .filter(([name]) => DERIVED.test(name))
    .map(([name, value]) => ({
      name,
      label: pick(locale, { zh: `年满 ${name.slice(7)} 周岁`, en: `Aged ${name.slice(7)} or over` }),
      value: str(value) ?? '',
    }));
  return {
    typeCode: str(licence.typeCode),
    name: str(licence.name) ?? str(credential.name),
    number: str(licence.number),
    holderName: str(subject.name),
    holderIdType: str(subject.idType),
    holderIdNumber: hide('ID_NUMBER', str(subject.idNumber)),
    holderDateOfBirth: masked ? null : str(subject.dateOfBirth),
    issuerName: str(licence.issuingAuthority),
    issuerCode: str(licence.issuingAuthorityCode),
    issueDate: str(licence.issueDate),
    validFrom: str(licence.validFrom),
    validUntil: str(licence.validUntil),
    fields,
    claims,
  };
}

export interface VerificationResultView {
  status: ResultStatus;
  message: string;
  checks: Check[];
  issuer: string | null;
  licence: VerifiedLicence | null;
  expiresAt: string | null;
}

export function resultView(
  verification: Verification,
  type: LicenceType | null,
  locale: Locale,
  options: { masked: boolean; expiresAt?: string | null },
): VerificationResultView {
  const credential = verification.credential;
  const issuer = credential
    ? typeof credential.issuer === 'string'
      ? credential.issuer
      : str(obj(credential.issuer).id)
    : null;
  return {
    status: verification.status,
    message: statusMessage(verification.status, locale),
    checks: verification.checks,
    issuer,
    // The licence's fields are shown only when it is valid.
    licence:
      credential && verification.status === 'VALID'
        ? verifiedLicenceView(credential, type, locale, options.masked)
        : null,
    expiresAt: options.expiresAt ?? null,
  };
}
