import { z } from 'zod';
import { baseEnvShape, eventsEnvShape } from '@bianmin/kit';
import { isValidKeyName } from './modules/note/signed-note.js';

/** Every variable the evidence service reads; see the README's table. */
export const evidenceEnvShape = {
  ...baseEnvShape,
  ...eventsEnvShape,
  PORT: z.coerce.number().int().min(0).max(65535).default(4005),
  HOST: z.string().default('0.0.0.0'),
  /** The log's origin: the first line of every checkpoint and the signing key's name. */
  EVIDENCE_ORIGIN: z
    .string()
    .refine(isValidKeyName, 'must be non-empty, without spaces or "+" (e.g. bianmin.yunhu.gov.cn/evidence)')
    .default('bianmin.yunhu.gov.cn/evidence'),
  /** How often a checkpoint is signed while the log grows, in seconds. */
  CHECKPOINT_SECONDS: z.coerce.number().int().min(1).max(3600).default(10),
  /** The Ed25519 signing key, PKCS#8 PEM or base64 DER; unset: a key file under DATA_DIR/keys. */
  EVIDENCE_SIGNING_KEY: z.string().min(40).optional(),
  /** Verifier keys of retired signing keys to keep publishing, comma-separated. */
  EVIDENCE_PREVIOUS_VERIFIER_KEYS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
};
