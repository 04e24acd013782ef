import { describe, expect, it } from 'vitest';
import {
  ACCEPT_ATTRIBUTE,
  checkMaterialFile,
  contentTypeOf,
  MAX_FILE_BYTES,
  MAX_FILE_NAME_LENGTH,
  uploadFileName,
} from './material-file';

describe('material files', () => {
  const photo = { name: '身份证正面.jpg', type: 'image/jpeg', size: 800_000 };

  it('accepts JPEG, PNG and PDF up to 10 MB', () => {
    expect(ACCEPT_ATTRIBUTE).toBe('image/jpeg,image/png,application/pdf');
    expect(checkMaterialFile(photo, 0)).toBeNull();
    expect(checkMaterialFile({ ...photo, size: MAX_FILE_BYTES }, 0)).toBeNull();
    expect(checkMaterialFile({ name: '户口本.pdf', type: 'application/pdf', size: 1 }, 4)).toBeNull();
  });

  it('says what is wrong with anything else', () => {
    expect(checkMaterialFile({ ...photo, size: MAX_FILE_BYTES + 1 }, 0)).toBe('size');
    expect(checkMaterialFile({ ...photo, size: 0 }, 0)).toBe('empty');
    expect(checkMaterialFile({ name: '申请表.docx', type: 'application/msword', size: 10 }, 0)).toBe('type');
    expect(checkMaterialFile({ name: 'photo.heic', type: 'image/heic', size: 10 }, 0)).toBe('type');
    expect(checkMaterialFile(photo, 5)).toBe('tooMany');
  });

  it('falls back to the extension when the browser declares no type', () => {
    expect(contentTypeOf({ name: 'scan.PDF', type: '' })).toBe('application/pdf');
    expect(contentTypeOf({ name: 'scan.jpeg', type: '' })).toBe('image/jpeg');
    expect(contentTypeOf({ name: 'scan', type: '' })).toBeNull();
    expect(contentTypeOf({ name: 'scan.png', type: 'IMAGE/PNG' })).toBe('image/png');
  });

  it('shortens long names to 100 characters and keeps the extension', () => {
    const long = `${'很长的文件名'.repeat(30)}.pdf`;
    const sent = uploadFileName(long);
    expect([...sent].length).toBe(MAX_FILE_NAME_LENGTH);
    expect(sent.endsWith('….pdf')).toBe(true);
    expect(uploadFileName('  居住证.png ')).toBe('居住证.png');
  });
});
