import { describe, expect, it } from 'vitest';
import { LICENCE_TYPES } from './licence-type.seed-data.js';
import { metadataOf } from './licence-type.model.js';

/** The codes the catalog's guides name as materials (`fromLicenceType`) — they must exist here. */
const CATALOG_CODES = {
  RESIDENT_ID_CARD: '居民身份证',
  HOUSEHOLD_REGISTER: '居民户口簿',
  MARRIAGE_CERT: '结婚证',
  DIVORCE_CERT: '离婚证',
  BIRTH_MEDICAL_CERT: '出生医学证明',
  DEATH_MEDICAL_CERT: '居民死亡医学证明',
  RESIDENCE_PERMIT: '居住证',
  DRIVING_LICENCE: '机动车驾驶证',
  VEHICLE_LICENCE: '机动车行驶证',
  BUSINESS_LICENCE: '营业执照',
  FOOD_BUSINESS_LICENCE: '食品经营许可证',
  REAL_ESTATE_CERT: '不动产权证书',
  SOCIAL_SECURITY_CARD: '社会保障卡',
  DISABILITY_CERT: '残疾人证',
  RETIREMENT_CERT: '退休证',
  VETERAN_CERT: '退役军人证',
  GRADUATION_CERT: '毕业证书',
  PASSPORT: '普通护照',
  PROFESSIONAL_QUALIFICATION: '职业资格证书',
  HOUSING_LEASE_RECORD: '住房租赁登记备案证明',
  SENIOR_CARD: '老年人优待证',
  LIBRARY_CARD: '公共图书馆读者证',
  HOUSEHOLD_PROOF: '户籍证明',
};

describe('the licence type catalogue', () => {
  it('has 30+ types with unique codes, including every code the catalog uses, with its name', () => {
    expect(LICENCE_TYPES.length).toBeGreaterThanOrEqual(30);
    const codes = LICENCE_TYPES.map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const [code, zh] of Object.entries(CATALOG_CODES))
      expect(LICENCE_TYPES.find((t) => t.code === code)?.name.zh, code).toBe(zh);
  });

  it('maps each approved catalog item to at most one type (one approval, one licence)', () => {
    const items = LICENCE_TYPES.flatMap((t) => t.issuedOnApprovalOf);
    expect(new Set(items).size).toBe(items.length);
    const by = (item: string) => LICENCE_TYPES.find((t) => t.issuedOnApprovalOf.includes(item))?.code;
    expect(by('MZ-011')).toBe('SENIOR_CARD');
    expect(by('WL-005')).toBe('LIBRARY_CARD');
    expect(by('GA-008')).toBe('HOUSEHOLD_PROOF');
    expect(by('MZ-001')).toBe('MARRIAGE_CERT');
    expect(by('MZ-003')).toBe('MARRIAGE_CERT');
    expect(by('MZ-002')).toBe('DIVORCE_CERT');
    for (const item of items) expect(item).toMatch(/^[A-Z]{2,3}-\d{3}$/);
  });

  it('gives every type names in both languages, an authority, and well-formed fields', () => {
    for (const t of LICENCE_TYPES) {
      expect(t.name.zh && t.name.en && t.authority.code && t.authority.zh, t.code).toBeTruthy();
      const names = t.fields.map((f) => f.name);
      expect(new Set(names).size, t.code).toBe(names.length);
      for (const f of t.fields) expect(f.name, t.code).toMatch(/^[a-z][A-Za-z0-9]*$/);
      if (t.approvalDateField)
        expect(t.fields.find((f) => f.name === t.approvalDateField)?.kind, t.code).toBe('DATE');
      expect(metadataOf(t).includes('VALID_UNTIL'), t.code).toBe(t.validity.kind !== 'NONE');
    }
  });
});
