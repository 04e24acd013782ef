import { describe, expect, it } from 'vitest';
import { licenceChoice, materialProvided, missingRequired } from './materials';

const material = {
  required: true,
  licenceUsed: false,
  fileCount: 0,
  source: 'UPLOAD' as const,
  fromLicenceType: null as string | null,
};

describe('materials', () => {
  it('counts a used licence or an uploaded file as provided', () => {
    expect(materialProvided(material)).toBe(false);
    expect(materialProvided({ ...material, fileCount: 1 })).toBe(true);
    expect(materialProvided({ ...material, source: 'LICENCE', licenceUsed: true })).toBe(true);
    // Consent recorded, then switched to upload: the licence no longer counts.
    expect(materialProvided({ ...material, source: 'UPLOAD', licenceUsed: true })).toBe(false);
  });

  it('lists missing required materials only', () => {
    const optional = { ...material, required: false };
    const done = { ...material, fileCount: 2 };
    expect(missingRequired([material, optional, done])).toEqual([material]);
  });

  it('tells where a licence-backed material stands', () => {
    expect(licenceChoice(material)).toBeNull();
    const backed = { ...material, fromLicenceType: 'RESIDENT_ID_CARD' };
    expect(licenceChoice({ ...backed, source: 'LICENCE' })).toBe('consent');
    expect(licenceChoice({ ...backed, source: 'LICENCE', licenceUsed: true })).toBe('licence');
    expect(licenceChoice(backed)).toBe('upload');
  });
});
