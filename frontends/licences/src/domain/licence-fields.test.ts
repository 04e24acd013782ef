import { describe, expect, it } from 'vitest';
import { readField, shownFields } from './licence-fields';

const specs = [
  { name: 'spouseName', label: '配偶姓名', kind: 'TEXT', sensitive: 'NAME' },
  { name: 'spouseIdNumber', label: '配偶身份证件号', kind: 'TEXT', sensitive: 'ID_NUMBER' },
  { name: 'registrationDate', label: '登记日期', kind: 'DATE', sensitive: null },
];

describe('shownFields', () => {
  it("lists values in the type's order with the type's labels, leaving out fields without a value", () => {
    const values = [
      { name: 'registrationDate', label: 'Registration date', value: '2018-10-08' },
      { name: 'spouseName', label: 'Spouse', value: '林**' },
    ];
    expect(shownFields(specs, values)).toEqual([
      { name: 'spouseName', label: '配偶姓名', kind: 'TEXT', value: '林**', masked: true },
      { name: 'registrationDate', label: '登记日期', kind: 'DATE', value: '2018-10-08', masked: false },
    ]);
  });

  it('keeps a value the type does not describe, with its own label, at the end', () => {
    const values = [
      { name: 'legacy', label: '旧字段', value: 'x' },
      { name: 'registrationDate', label: '登记日期', value: '2018-10-08' },
    ];
    expect(shownFields(specs, values).map((f) => f.label)).toEqual(['登记日期', '旧字段']);
    expect(shownFields(undefined, values).map((f) => f.name)).toEqual(['legacy', 'registrationDate']);
  });
});

describe('readField', () => {
  it('reads dates and booleans by kind, everything else as text', () => {
    expect(readField('DATE', '2010-07-20')).toEqual({ kind: 'date', day: '2010-07-20' });
    expect(readField('BOOLEAN', 'true')).toEqual({ kind: 'boolean', value: true });
    expect(readField('BOOLEAN', 'false')).toEqual({ kind: 'boolean', value: false });
    expect(readField('BOOLEAN', 'maybe')).toEqual({ kind: 'text', text: 'maybe' });
    expect(readField('NUMBER', '10')).toEqual({ kind: 'text', text: '10' });
    expect(readField('DATE', '2010-07')).toEqual({ kind: 'text', text: '2010-07' });
  });
});
