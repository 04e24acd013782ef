import type { SensitiveKind } from '@bianmin/kit';

/** A field of a licence type's own (beyond the common metadata), e.g. 准驾车型 on a driving licence. */
export interface LicenceFieldSpec {
  /** camelCase, as in the credential. */
  name: string;
  label: { zh: string; en: string };
  kind: 'TEXT' | 'DATE' | 'NUMBER' | 'BOOLEAN';
  /** Personal data shown masked to anyone but the holder (kit's masking kinds). */
  sensitive?: SensitiveKind;
}

/** How long a licence of the type is valid from its first day. */
export type ValidityRule =
  | { kind: 'NONE' }
  | { kind: 'PERIOD'; years?: number; months?: number }
  /** 居民身份证: 5 years under 16, 10 under 26, 20 under 46, long-term from 46 (居民身份证法 §5). */
  | { kind: 'ID_CARD_BY_AGE' };

/** An issuing authority: the department code as the catalog uses it, and its name. */
export interface Authority {
  code: string;
  zh: string;
  en: string;
}

/**
 * GB/T 36903-2018 common metadata (电子证照 元数据规范 §5): what every licence carries. A type
 * without a validity period does not carry the end date.
 */
export const COMMON_METADATA = [
  'LICENCE_NAME',
  'TYPE_CODE',
  'NUMBER',
  'HOLDER_NAME',
  'HOLDER_ID_TYPE',
  'HOLDER_ID_NUMBER',
  'ISSUER_NAME',
  'ISSUER_CODE',
  'ISSUE_DATE',
  'VALID_FROM',
  'VALID_UNTIL',
] as const;
export type CommonMetadata = (typeof COMMON_METADATA)[number];

export interface LicenceTypeDefinition {
  code: string;
  name: { zh: string; en: string };
  authority: Authority;
  validity: ValidityRule;
  fields: LicenceFieldSpec[];
  /** Catalog item codes whose approval in affairs issues a licence of this type. */
  issuedOnApprovalOf: string[];
  /** A DATE field that an approval fills with the approval date (e.g. 登记日期). */
  approvalDateField?: string;
}

export function metadataOf(type: Pick<LicenceTypeDefinition, 'validity'>): CommonMetadata[] {
  return COMMON_METADATA.filter((m) => m !== 'VALID_UNTIL' || type.validity.kind !== 'NONE');
}
