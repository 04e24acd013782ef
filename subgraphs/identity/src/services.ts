import type { ExportSource } from './modules/data-export/export-sources.js';
import type { SigningKeys } from '@bianmin/kit';
import type { PasswordHasher } from './modules/password/password-hasher.js';
import type { Throttles } from './modules/sign-in/throttle.js';
import type { SecretBox } from './modules/totp/secret-box.js';

/** What the identity operations need besides the request's context; built once per server. */
export interface IdentityServices {
  /** The access-token signing key (re-read when the key file rotates). */
  signingKeys: () => Promise<SigningKeys>;
  hasher: PasswordHasher;
  throttles: Throttles;
  /** Seals TOTP secrets at rest. */
  secretBox: SecretBox;
  /** Milliseconds since the epoch; tests move it to cross idle timeouts and TOTP steps. */
  now: () => number;
  /** Issuer shown in authenticator apps. */
  totpIssuer: string;
  /** Other domains' sections of "download my data", asked for as the person. */
  exportSources: ExportSource[];
  /** The internal secret: to speak for the person to those domains (never a privilege of its own). */
  internalSecret: string;
}
