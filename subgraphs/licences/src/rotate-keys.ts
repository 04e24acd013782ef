/**
 * Rotate the issuer's signing key: `npm run keys:rotate -w @bianmin/licences`.
 * A new key becomes current; the old one is retired but stays in the DID document, so every
 * licence it signed keeps verifying. Running services pick the new key up without a restart.
 */
import { parseEnvOrExit } from '@bianmin/kit';
import { licencesEnvShape } from './env.js';
import { issuerKeyFilePath, rotateIssuerKeyFile } from './modules/credential/issuer-keys.js';

const env = parseEnvOrExit(licencesEnvShape);
const path = env.ISSUER_KEY_FILE ?? issuerKeyFilePath(env.DATA_DIR);
const file = rotateIssuerKeyFile(path);
const current = file.keys.find((k) => !k.retiredAt)!;
process.stdout.write(
  `${path}: ${file.keys.length} keys; current ${current.publicKeyMultibase}, ` +
    `${file.keys.length - 1} retired (still published in /.well-known/did.json)\n`,
);
