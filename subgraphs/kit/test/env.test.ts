import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { baseEnvShape, EnvError, parseEnv } from '../src/env.js';

describe('parseEnv', () => {
  const shape = { ...baseEnvShape, PORT: z.coerce.number().int().min(1).max(65535).default(4001) };

  it('applies defaults', () => {
    const env = parseEnv(shape, {});
    expect(env).toMatchObject({ NODE_ENV: 'development', PORT: 4001, DATA_DIR: '.data' });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('treats empty strings as unset', () => {
    expect(parseEnv(shape, { DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('lists every problem at once', () => {
    try {
      parseEnv(shape, { PORT: 'abc', NODE_ENV: 'staging', DATABASE_URL: 'mysql://x' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      const problems = (error as EnvError).problems.join('\n');
      expect(problems).toContain('PORT');
      expect(problems).toContain('NODE_ENV');
      expect(problems).toContain('DATABASE_URL');
    }
  });
});
