import { z } from 'zod';
import { baseEnvShape, eventsEnvShape } from '@bianmin/kit';

/** Every variable the identity service reads; see the README's table. */
export const identityEnvShape = {
  ...baseEnvShape,
  ...eventsEnvShape,
  PORT: z.coerce.number().int().min(0).max(65535).default(4002),
  HOST: z.string().default('0.0.0.0'),
  /** Create the demo accounts when missing (never in production); organizations are always seeded. */
  SEED_DEMO_DATA: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** The access-token key file shared with the gateway; default `<DATA_DIR>/keys/access-token-keys.json`. */
  AUTH_KEYS_FILE: z.string().optional(),
  /** 32 bytes, base64: seals TOTP secrets at rest. Required in production. */
  TOTP_ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded')
    .optional(),
  /** Share sign-in limits between instances through Redis. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .optional(),
  /** argon2 operations at once, and how many may wait before sign-in answers "busy". */
  HASH_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  HASH_QUEUE_LIMIT: z.coerce.number().int().min(0).max(10_000).default(100),
  /** Other domains' sections of "download my data": `name=url#field,…`, e.g. affairs=http://…:4003/graphql#myAffairsDataExport. */
  DATA_EXPORT_SOURCES: z.string().optional(),
  /** The issuer name authenticator apps show. */
  TOTP_ISSUER: z.string().min(1).max(40).default('Bianmin'),
};
