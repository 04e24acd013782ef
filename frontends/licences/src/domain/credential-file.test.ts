import { describe, expect, it } from 'vitest';
import { credentialFileName } from './credential-file';

describe('credentialFileName', () => {
  it('names the file after the type and the number', () => {
    expect(credentialFileName('机动车驾驶证', 'GA2022000000004')).toBe('机动车驾驶证-GA2022000000004.json');
    expect(credentialFileName('Driving licence', 'GA2022000000004')).toBe(
      'Driving-licence-GA2022000000004.json',
    );
  });

  it('leaves out what a file system will not take', () => {
    expect(credentialFileName('a/b:c*?', ' N<1>|2 ')).toBe('a-b-c-N-1-2.json');
  });

  it('still has a name when both parts are empty', () => {
    expect(credentialFileName('', '  ')).toBe('licence.json');
  });
});
