/**
 * Development only: mint an access token from the embedded key file, e.g.
 *   npm run dev:token -- catalog-editor --department=MZ
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
const args = process.argv.slice(2);
const roles = args.filter((a) => /^[a-z][a-z-]{1,40}$/.test(a));
// Staff act for one department (e.g. a catalog editor edits only that department's guides).
const department = args.find((a) => a.startsWith('--department='))?.slice('--department='.length) ?? null;
if (roles.length === 0 || (department !== null && !/^[A-Z]{2,16}$/.test(department))) {
  console.error(
    'usage: npm run dev:token -- <role> [role …] [--department=CODE]   e.g. catalog-editor --department=MZ',
  );
  process.exit(2);
}
const keyFile = process.env.AUTH_KEYS_FILE ?? accessTokenKeyFile(process.env.DATA_DIR ?? '.data');
const keys = await signingKeysFrom(await loadOrCreateKeyFile(keyFile));
process.stdout.write(
  `${await signAccessToken(keys, { accountId: `dev-${randomUUID()}`, roles, department })}\n`,
);
