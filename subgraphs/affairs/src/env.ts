import { z } from 'zod';
import { baseEnvShape, eventsEnvShape } from '@bianmin/kit';

/** Every variable the affairs service reads; see the README's table. */
export const affairsEnvShape = {
  ...baseEnvShape,
  ...eventsEnvShape,
  PORT: z.coerce.number().int().min(0).max(65535).default(4003),
  HOST: z.string().default('0.0.0.0'),
  /** Load the demo configuration (calendar, workflows, rules, handling) when missing. */
  SEED_DEMO_DATA: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** The catalog subgraph, for an item's terms when an application starts. */
  CATALOG_URL: z.string().url().default('http://127.0.0.1:4001/graphql'),
  /** The identity subgraph, for the applicant's own facts (birth date, community) at submission. */
  IDENTITY_URL: z.string().url().default('http://127.0.0.1:4002/graphql'),
  /** The licences service, for the applicant's electronic licences (零材料, rules), asked as the applicant. */
  LICENCES_URL: z.string().url().default('http://127.0.0.1:4004/graphql'),
  /** "Due soon" when this many working days or fewer are left. */
  DUE_SOON_WORKING_DAYS: z.coerce.number().int().min(0).max(30).default(2),
  /** This service as browsers reach it: signed upload and download links point here. */
  PUBLIC_URL: z.string().url().default('http://localhost:4003'),
  /** Browser origins (the shell) allowed to PUT uploads, comma-separated. */
  CORS_ORIGINS: z
    .string()
    .default('http://localhost:3000')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  /** Uploaded files in an S3-compatible bucket instead of `<DATA_DIR>/files/affairs` (all five needed). */
  S3_ENDPOINT: z.string().url().optional(),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** ClamAV's daemon (clamd, TCP) scans every upload when set; uploads are refused while it is down. */
  CLAMD_HOST: z.string().min(1).optional(),
  CLAMD_PORT: z.coerce.number().int().min(1).max(65535).default(3310),
  /** How often the SLA sweep (escalations, rating invitations) runs, in seconds. */
  SLA_SWEEP_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
};
