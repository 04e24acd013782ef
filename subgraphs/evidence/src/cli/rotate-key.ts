/**
 * Rotate the log's key file (the embedded default):
 *   npm run rotate-key -w @bianmin/evidence        (reads DATA_DIR and EVIDENCE_ORIGIN)
 * The current key becomes a retired verifier key (still published, still accepted for old
 * checkpoints) and a new key signs from the next start. Restart every instance afterwards, and
 * give witnesses the new verifier key through a channel they trust.
 */
import { parseEnvOrExit } from '@bianmin/kit';
import { evidenceEnvShape } from '../env.js';
import {
  logKeyFilePath,
  logKeysFrom,
  privateKeyFromText,
  rotateLogKeyFile,
} from '../modules/checkpoint/log-keys.js';

const env = parseEnvOrExit(evidenceEnvShape);
if (env.EVIDENCE_SIGNING_KEY) {
  process.stderr.write(
    'EVIDENCE_SIGNING_KEY is set: rotate it in your secret store, and list the old verifier key in EVIDENCE_PREVIOUS_VERIFIER_KEYS.\n',
  );
  process.exit(2);
}
const file = rotateLogKeyFile(logKeyFilePath(env.DATA_DIR), env.EVIDENCE_ORIGIN);
const keys = logKeysFrom(
  env.EVIDENCE_ORIGIN,
  privateKeyFromText(file.current.privateKeyPkcs8),
  file.previous.map((p) => p.verifierKey),
);
process.stdout.write(
  `new verifier key:     ${keys.current.vkey}\nretired (still valid): ${keys.previous.map((v) => v.vkey).join('\n                       ')}\n` +
    'Restart every evidence instance; give witnesses the new key.\n',
);
