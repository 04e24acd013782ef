import type { Message } from '@bianmin/kit';

/**
 * Electronic licence types a rule may require, with their names for explanations. The codes are
 * the catalog's (`LICENCE_TYPES` in subgraphs/catalog/src/db/seeds/data/types.ts, which the
 * licences domain will seed); affairs cannot import the catalog, so the list is repeated here and
 * must be kept in step until the licences domain publishes its type registry.
 */
export const LICENCE_TYPE_NAMES = {
  RESIDENT_ID_CARD: { zh: '居民身份证', en: 'Resident ID card' },
  HOUSEHOLD_REGISTER: { zh: '居民户口簿', en: 'Household register' },
  MARRIAGE_CERT: { zh: '结婚证', en: 'Marriage certificate' },
  DIVORCE_CERT: { zh: '离婚证', en: 'Divorce certificate' },
  BIRTH_MEDICAL_CERT: { zh: '出生医学证明', en: 'Medical birth certificate' },
  RESIDENCE_PERMIT: { zh: '居住证', en: 'Residence permit' },
  DRIVING_LICENCE: { zh: '机动车驾驶证', en: 'Driving licence' },
  VEHICLE_LICENCE: { zh: '机动车行驶证', en: 'Vehicle licence' },
  BUSINESS_LICENCE: { zh: '营业执照', en: 'Business licence' },
  REAL_ESTATE_CERT: { zh: '不动产权证书', en: 'Real estate title certificate' },
  SENIOR_CARD: { zh: '老年人优待证', en: 'Senior citizen card' },
  DISABILITY_CERT: { zh: '残疾人证', en: 'Disability certificate' },
  SOCIAL_SECURITY_CARD: { zh: '社会保障卡', en: 'Social security card' },
  GRADUATION_CERT: { zh: '毕业证书', en: 'Graduation certificate' },
  RETIREMENT_CERT: { zh: '退休证', en: 'Retirement certificate' },
  DEATH_MEDICAL_CERT: { zh: '居民死亡医学证明', en: 'Medical death certificate' },
  PROFESSIONAL_QUALIFICATION: { zh: '职业资格证书', en: 'Professional qualification certificate' },
  TEACHER_QUALIFICATION: { zh: '教师资格证', en: 'Teacher qualification certificate' },
  FOOD_BUSINESS_LICENCE: { zh: '食品经营许可证', en: 'Food business licence' },
  VETERAN_CERT: { zh: '退役军人证', en: 'Veteran certificate' },
  PASSPORT: { zh: '普通护照', en: 'Passport' },
  HOUSING_LEASE_RECORD: { zh: '房屋租赁登记备案证明', en: 'Housing lease registration record' },
} as const satisfies Record<string, Message>;

export type LicenceTypeCode = keyof typeof LICENCE_TYPE_NAMES;

/** Every licence type code a rule may name. */
export const LICENCE_TYPE_CODES = Object.keys(LICENCE_TYPE_NAMES) as [LicenceTypeCode, ...LicenceTypeCode[]];

/** The name of a licence type in both languages; an unknown code is shown as itself. */
export function licenceTypeName(code: string): Message {
  return (LICENCE_TYPE_NAMES as Record<string, Message>)[code] ?? { zh: code, en: code };
}
