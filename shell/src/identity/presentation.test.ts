import { describe, expect, it } from 'vitest';
import { deviceOf, displayNameOf, formFieldOf, retryTimeOf } from './presentation';

const account = { username: null, phone: '138****5678', person: null };

describe('displayNameOf', () => {
  it('hides all but the first character of the name', () => {
    expect(displayNameOf({ ...account, person: { name: '张小民' } as never })).toBe('张**');
    expect(displayNameOf({ ...account, person: { name: '张*' } as never })).toBe('张*');
  });

  it('falls back to the username, then the masked phone', () => {
    expect(displayNameOf({ ...account, username: 'zhangxm' })).toBe('zhangxm');
    expect(displayNameOf(account)).toBe('138****5678');
  });
});

describe('formFieldOf', () => {
  it('maps a dotted path to a form field it knows', () => {
    const fields = ['idNumber', 'phone'] as const;
    expect(formFieldOf({ code: 'CONFLICT', message: '', field: 'input.idNumber' }, fields)).toBe('idNumber');
    expect(formFieldOf({ code: 'CONFLICT', message: '', field: 'phone' }, fields)).toBe('phone');
    expect(formFieldOf({ code: 'CONFLICT', message: '', field: 'input.username' }, fields)).toBeNull();
    expect(formFieldOf({ code: 'CONFLICT', message: '' }, fields)).toBeNull();
  });
});

describe('retryTimeOf', () => {
  it('gives the clock time to try again', () => {
    const now = new Date(2026, 10, 29, 14, 20, 0).getTime();
    expect(retryTimeOf(900, 'zh-CN', now)).toBe('14:35');
    expect(retryTimeOf(900, 'en', now)).toBe('14:35');
  });
});

describe('deviceOf', () => {
  it('names browser and system', () => {
    expect(
      deviceOf(
        'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36',
      ),
    ).toBe('Chrome · Android');
    expect(
      deviceOf(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Version/17.0 Mobile/15E148 Safari/604.1',
      ),
    ).toBe('Safari · iOS');
    expect(deviceOf(null)).toBeNull();
  });
});
