import type { Logger } from '@bianmin/kit';
import type { KeyResolver } from './modules/credential/did.js';
import type { IssuerKeyRing } from './modules/credential/issuer-keys.js';
import type { GranteeDirectory } from './modules/grant/grantee-directory.js';
import type { HolderDirectory } from './modules/issuance/holder-directory.js';
import type { StatusListClient } from './modules/status-list/status-list.client.js';
import type { StatusListPublisher } from './modules/status-list/status-list.service.js';
import type { Verifier } from './modules/verification/verify.js';

/** What the licences subgraph depends on beyond its database: keys, other domains, the clock. */
export interface LicencesServices {
  /** The issuer's keys and DID. */
  keys: IssuerKeyRing;
  /** Public keys of trusted issuers (ours without network; others by did:key / did:web). */
  resolver: KeyResolver;
  /** Person → name and identity document, from identity. */
  holders: HolderDirectory;
  /** Which department codes exist (identity), for grants. */
  grantees: GranteeDirectory;
  /** Signs and serves our status lists. */
  statusListPublisher: StatusListPublisher;
  /** The verifier's fetch-and-cache of status lists (ours and other issuers'). */
  statusLists: StatusListClient;
  verifier: Verifier;
  now: () => number;
  /** This service as the world reaches it (status list URLs, did:web). */
  publicUrl: string;
  /** The resident app, for verification links (`<shellUrl>/verify?p=…`). */
  shellUrl: string;
  /** Issuers whose credentials verify: ours first. */
  trustedIssuers: string[];
  /** Signs presentation tokens (derived from the internal secret, shared by every replica). */
  presentationKey: Buffer;
  presentationTtlSeconds: number;
  log: Logger;
}
