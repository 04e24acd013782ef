import { z } from 'zod';
import { baseEnvShape, eventsEnvShape } from '@bianmin/kit';

const list = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** Every variable the licences service reads; see the README's table. */
export const licencesEnvShape = {
  ...baseEnvShape,
  ...eventsEnvShape,
  PORT: z.coerce.number().int().min(0).max(65535).default(4004),
  HOST: z.string().default('0.0.0.0'),
  /** This service as the world reaches it: status list URLs in credentials, and the default DID. */
  PUBLIC_URL: z
    .string()
    .url()
    .default('http://localhost:4004')
    .transform((v) => v.replace(/\/$/, '')),
  /** The issuer's DID; `did:web:` of PUBLIC_URL by default (e.g. did:web:localhost%3A4004). */
  ISSUER_DID: z
    .string()
    .regex(/^did:(web|key):[A-Za-z0-9.%:_-]+$/, 'a did:web or did:key DID')
    .optional(),
  /** The issuer's key file (created on first start); `<DATA_DIR>/keys/licences-issuer-keys.json` by default. */
  ISSUER_KEY_FILE: z.string().min(1).optional(),
  /** Other issuers whose licences `verifyCredential` accepts, comma-separated DIDs. */
  TRUSTED_ISSUERS: z
    .string()
    .default('')
    .transform(list)
    .pipe(z.array(z.string().regex(/^did:(web|key):[A-Za-z0-9.%:_-]+$/, 'a did:web or did:key DID'))),
  /** The resident app: verification links point to `<SHELL_URL>/verify?p=…`. */
  SHELL_URL: z
    .string()
    .url()
    .default('http://localhost:3000')
    .transform((v) => v.replace(/\/$/, '')),
  /** The identity subgraph, for the holder's name and document at issuance. */
  IDENTITY_URL: z.string().url().default('http://127.0.0.1:4002/graphql'),
  /** How long a QR presentation verifies, in seconds. */
  PRESENTATION_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(300),
};
