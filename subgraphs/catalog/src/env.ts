import { z } from 'zod';
import { baseEnvShape } from '@bianmin/kit';

/** Every variable the catalog reads; see the README's table. */
export const catalogEnvShape = {
  ...baseEnvShape,
  PORT: z.coerce.number().int().min(0).max(65535).default(4001),
  HOST: z.string().default('0.0.0.0'),
  /** Seconds the gateway and browsers may keep public catalog answers (0: not at all). */
  PUBLIC_CACHE_MAX_AGE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
  /** Load the demo data when the database is empty. */
  SEED_DEMO_DATA: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
};
