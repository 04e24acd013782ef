import {
  createSubgraph,
  DEV_INTERNAL_AUTH_SECRET,
  type Logger,
  type Orm,
  type SigningKeys,
  type Subgraph,
} from '@bianmin/kit';
import { trackRequestInfo } from './http/request-info.js';
import { createLoaders, type IdentityLoaders } from './loaders.js';
import { createPasswordHasher, type PasswordHasher } from './modules/password/password-hasher.js';
import { createThrottles, type Throttles } from './modules/sign-in/throttle.js';
import type { SecretBox } from './modules/totp/secret-box.js';
import { createResolvers } from './resolvers/index.js';
import { typeDefs } from './schema.js';
import type { ExportSource } from './modules/data-export/export-sources.js';
import type { IdentityServices } from './services.js';

export interface IdentityDeps {
  orm: Orm;
  log?: Logger;
  production?: boolean;
  /** INTERNAL_AUTH_SECRET: verifies the gateway's identity header. */
  internalSecret?: string;
  /**
   * Signs access tokens: the key file the gateway verifies against. Pass `signingKeysFromFile(path)`
   * to follow rotations of the file, or fixed keys.
   */
  signingKeys: SigningKeys | (() => Promise<SigningKeys>);
  /** Seals TOTP secrets at rest (`loadSecretBox`). */
  secretBox: SecretBox;
  /** Sign-in limits; in-memory when omitted, `createThrottles({ redis })` to share them. */
  throttles?: Throttles;
  /** argon2 behind a semaphore; 2 at once, 100 waiting by default. */
  hasher?: PasswordHasher;
  /** Clock (ms) for sessions, challenges and TOTP; tests move it. */
  now?: () => number;
  /** Issuer name in authenticator apps. */
  totpIssuer?: string;
  /** Other domains holding personal data, for "download my data" (`DATA_EXPORT_SOURCES`). */
  exportSources?: ExportSource[];
}

export type IdentitySubgraph = Subgraph<IdentityLoaders> & { services: IdentityServices };

/** The identity subgraph, built but not listening: tests call it directly, index.ts listens. */
export function createIdentitySubgraph(deps: IdentityDeps): IdentitySubgraph {
  const keys = deps.signingKeys;
  const services: IdentityServices = {
    signingKeys: typeof keys === 'function' ? keys : async () => keys,
    hasher: deps.hasher ?? createPasswordHasher(),
    throttles: deps.throttles ?? createThrottles(),
    secretBox: deps.secretBox,
    now: deps.now ?? Date.now,
    totpIssuer: deps.totpIssuer ?? 'Bianmin',
    exportSources: deps.exportSources ?? [],
    internalSecret: deps.internalSecret ?? DEV_INTERNAL_AUTH_SECRET,
  };
  const subgraph = createSubgraph({
    name: 'identity',
    typeDefs,
    resolvers: createResolvers(services),
    orm: deps.orm,
    loaders: createLoaders,
    log: deps.log,
    production: deps.production,
    internalSecret: deps.internalSecret,
  });
  // Sign-in limits per client IP and the sessions list need the request's address and user agent.
  trackRequestInfo(subgraph.http.server, deps.internalSecret ?? DEV_INTERNAL_AUTH_SECRET);
  return Object.assign(subgraph, { services });
}

export { createIdentityOrm } from './db/orm.js';
export { demoIdentities, seedIdentity, type DemoIdentity } from './db/seeds/index.js';
export { DEMO_ACCOUNTS } from './db/seeds/demo-accounts.js';
export { loadSecretBox, signingKeysFromFile } from './keys.js';
export { createThrottles } from './modules/sign-in/throttle.js';
export { createPasswordHasher } from './modules/password/password-hasher.js';
export { SecretBox } from './modules/totp/secret-box.js';
export { parseExportSources, type ExportSource } from './modules/data-export/export-sources.js';
// identity.session.revoked: recorded in identity's outbox; a host runs kit's OutboxRelay over it.
export { SESSION_REVOKED_TOPIC, type SessionRevoked } from './modules/session/session-revoked.event.js';
export type { RevokeReason } from './modules/session/session.service.js';
export {
  CASE_FILE_CONSUMER,
  startCaseFileConsumer,
  type CaseFileConsumerDeps,
} from './modules/case-file/case-file.consumer.js';
