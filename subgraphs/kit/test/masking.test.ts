import { describe, expect, it } from 'vitest';
import { mask, maskAddress, maskIdNumber, maskPhone } from '../src/index.js';

describe('masking', () => {
  it('keeps the first 3 and last 4 of an ID number', () => {
    expect(maskIdNumber('110101199003071234')).toBe('110***********1234');
    expect(maskIdNumber('11010119900307123X')).toBe('110***********123X');
  });
  it('masks a mobile number as 138****5678', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
  it('shows an address down to the street only', () => {
    expect(maskAddress('湖滨区解放路街道柳营社区3幢201室')).toBe('湖滨区解放路街道****');
    expect(maskAddress('湖滨区解放路128号')).toBe('湖滨区解放路****');
  });
  it('shows nothing of health data', () => {
    expect(mask('HEALTH', '高血压二级')).toBe('******');
  });
});
