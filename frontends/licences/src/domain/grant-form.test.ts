import { describe, expect, it } from 'vitest';
import {
  emptyGrantForm,
  fieldOfRefusal,
  grantDateRange,
  toGrantInput,
  validateGrantForm,
  type GrantFormValues,
} from './grant-form';

const TODAY = '2026-11-30';
const filled: GrantFormValues = {
  ...emptyGrantForm(TODAY),
  departmentCode: 'MZ',
  purpose: '办理老年人优待证',
};

describe('emptyGrantForm', () => {
  it('starts with a department, the whole licence and 30 days', () => {
    expect(emptyGrantForm(TODAY)).toEqual({
      granteeKind: 'DEPARTMENT',
      departmentCode: '',
      apiClientId: '',
      purpose: '',
      validUntil: '2026-12-30',
      scope: 'WHOLE',
      claims: [],
    });
  });
});

describe('validateGrantForm', () => {
  it('accepts a filled form', () => {
    expect(validateGrantForm(filled, TODAY)).toEqual({});
  });

  it('wants a department or a well-formed client id, depending on the choice', () => {
    expect(validateGrantForm({ ...filled, departmentCode: ' ' }, TODAY)).toEqual({
      departmentCode: 'departmentRequired',
    });
    const client = { ...filled, granteeKind: 'API_CLIENT' as const };
    expect(validateGrantForm(client, TODAY)).toEqual({ apiClientId: 'apiClientIdRequired' });
    expect(validateGrantForm({ ...client, apiClientId: 'abc' }, TODAY)).toEqual({
      apiClientId: 'apiClientIdFormat',
    });
    expect(validateGrantForm({ ...client, apiClientId: ' pc_9f8e7d6c5b4a ' }, TODAY)).toEqual({});
  });

  it('wants a purpose of 1–200 characters', () => {
    expect(validateGrantForm({ ...filled, purpose: '   ' }, TODAY)).toEqual({ purpose: 'purposeRequired' });
    expect(validateGrantForm({ ...filled, purpose: '用'.repeat(200) }, TODAY)).toEqual({});
    expect(validateGrantForm({ ...filled, purpose: '用'.repeat(201) }, TODAY)).toEqual({
      purpose: 'purposeTooLong',
    });
  });

  it('wants a last day from today to a year on', () => {
    const until = (validUntil: string) => validateGrantForm({ ...filled, validUntil }, TODAY).validUntil;
    expect(until('')).toBe('dateRequired');
    expect(until('2027-02-30')).toBe('dateInvalid');
    expect(until('2026-11-29')).toBe('datePast');
    expect(until(TODAY)).toBeUndefined();
    expect(until('2027-11-30')).toBeUndefined();
    expect(until('2027-12-01')).toBe('dateTooFar');
    expect(grantDateRange(TODAY)).toEqual({ min: TODAY, max: '2027-11-30' });
  });

  it('wants at least one claim when only some are disclosed', () => {
    expect(validateGrantForm({ ...filled, scope: 'SELECTED' }, TODAY)).toEqual({ claims: 'claimsRequired' });
    expect(validateGrantForm({ ...filled, scope: 'SELECTED', claims: ['AGE_OVER_60'] }, TODAY)).toEqual({});
  });
});

describe('toGrantInput', () => {
  it('sends a department grant for the whole licence until the end of the day in China', () => {
    expect(toGrantInput('l1', { ...filled, purpose: '  办理老年人优待证 ' })).toEqual({
      licenceId: 'l1',
      grantee: { departmentCode: 'MZ' },
      purpose: '办理老年人优待证',
      validUntil: '2026-12-30T23:59:59+08:00',
    });
  });

  it('sends a partner client and only the chosen claims, once each', () => {
    const input = toGrantInput('l1', {
      ...filled,
      granteeKind: 'API_CLIENT',
      apiClientId: 'pc_9f8e7d6c5b4a',
      scope: 'SELECTED',
      claims: ['HOLDER_NAME', 'AGE_OVER_60', 'HOLDER_NAME'],
    });
    expect(input.grantee).toEqual({ apiClientId: 'pc_9f8e7d6c5b4a' });
    expect(input.disclose).toEqual(['HOLDER_NAME', 'AGE_OVER_60']);
  });

  it('leaves the claims out when the whole licence is shared, even if some were ticked before', () => {
    expect(toGrantInput('l1', { ...filled, claims: ['AGE_OVER_60'] })).not.toHaveProperty('disclose');
  });
});

describe('fieldOfRefusal', () => {
  it('maps the server field to the input', () => {
    expect(fieldOfRefusal('grantee.departmentCode', 'DEPARTMENT')).toBe('departmentCode');
    expect(fieldOfRefusal('grantee', 'API_CLIENT')).toBe('apiClientId');
    expect(fieldOfRefusal('disclose', 'DEPARTMENT')).toBe('claims');
    expect(fieldOfRefusal('validUntil', 'DEPARTMENT')).toBe('validUntil');
    expect(fieldOfRefusal('licenceId', 'DEPARTMENT')).toBeNull();
    expect(fieldOfRefusal(null, 'DEPARTMENT')).toBeNull();
  });
});
