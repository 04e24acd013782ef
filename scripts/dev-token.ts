/**
 * Development only: mint an access token from the embedded key file, e.g.
 *   npm run dev:token -- catalog-editor
 * then call the gateway with `Authorization: Bearer <token>`. Sign-in (the identity subgraph)
 * issues real tokens; this exists so partner developers and staff can try role-protected
 * operations locally. Refuses to run with NODE_ENV=production.
 */
import { randomUUID } from 'node:crypto';
import { accessTokenKeyFile, loadOrCreateKeyFile, signAccessToken, signingKeysFrom } from '@bianmin/kit';

if (process.env.NODE_ENV === 'production') {
  console.error('dev:token is for development only.');
  process.exit(1);
}
const roles = process.argv.slice(2).filter((a) => /^[a-z][a-z-]{1,40}$/.test(a));
if (roles.length === 0) {
  console.error('usage: npm run dev:token -- <role> [role …]   e.g. catalog-editor');
  process.exit(2);
}
const keyFile = process.env.AUTH_KEYS_FILE ?? accessTokenKeyFile(process.env.DATA_DIR ?? '.data');
const keys = await signingKeysFrom(await loadOrCreateKeyFile(keyFile));
process.stdout.write(`${await signAccessToken(keys, { accountId: `dev-${randomUUID()}`, roles })}\n`);
