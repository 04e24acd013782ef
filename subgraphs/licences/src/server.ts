import { createHmac } from 'node:crypto';
import {
  createLogger,
  createSubgraph,
  DEV_INTERNAL_AUTH_SECRET,
  type Logger,
  type Orm,
  type Subgraph,
} from '@bianmin/kit';
import { createLoaders, type LicencesLoaders } from './loaders.js';
import { licencesRoutes } from './http-routes.js';
import { createKeyResolver, type DocumentFetcher } from './modules/credential/did.js';
import {
  didWebFor,
  fileKeyRing,
  issuerKeyFilePath,
  type IssuerKeyRing,
} from './modules/credential/issuer-keys.js';
import type { StatusPurpose } from './modules/credential/licence-credential.js';
import { identityHolderDirectory, type HolderDirectory } from './modules/issuance/holder-directory.js';
import {
  createStatusListClient,
  httpStatusListFetcher,
  type StatusListFetcher,
} from './modules/status-list/status-list.client.js';
import { createStatusListPublisher } from './modules/status-list/status-list.service.js';
import { createVerifier } from './modules/verification/verify.js';
import { identityGranteeDirectory, type GranteeDirectory } from './modules/grant/grantee-directory.js';
import { createResolvers } from './resolvers/index.js';
import { typeDefs } from './schema.js';
import type { LicencesServices } from './services.js';

export interface LicencesDeps {
  orm: Orm;
  log?: Logger;
  production?: boolean;
  /** INTERNAL_AUTH_SECRET: verifies the gateway's identity header, speaks to identity, keys presentations. */
  internalSecret?: string;
  /** This service as the world reaches it, e.g. http://localhost:4004 (status list URLs, did:web). */
  publicUrl?: string;
  /** The issuer's DID; `did:web` of `publicUrl` by default. */
  issuerDid?: string;
  /** The issuer's keys; by default the key file `keyFile` (or `<dataDir>/keys/licences-issuer-keys.json`). */
  keys?: IssuerKeyRing;
  keyFile?: string;
  dataDir?: string;
  /** Other issuers `verifyCredential` accepts. */
  trustedIssuers?: string[];
  /** The holder's name and document; by default identity's GraphQL API at `identityUrl`. */
  holders?: HolderDirectory;
  /** Department codes for grants; by default identity's `organization` at `identityUrl`. */
  grantees?: GranteeDirectory;
  identityUrl?: string;
  /** The resident app, for verification links. */
  shellUrl?: string;
  presentationTtlSeconds?: number;
  /** How the verifier fetches status lists: ours are read in process by default, others over HTTP. */
  statusListFetch?: StatusListFetcher;
  /** How the verifier fetches other issuers' DID documents (did:web). */
  fetchDidDocument?: DocumentFetcher;
  /** Clock (ms); tests move it. */
  now?: () => number;
  /** The ORM belongs to another instance, which closes it (kit's `sharedOrm`). */
  sharedOrm?: boolean;
}

export type LicencesSubgraph = Subgraph<LicencesLoaders> & { services: LicencesServices };

const STATUS_PATH = /^\/status\/(revocation|suspension)\/(\d{1,6})$/;

/** The licences subgraph, built but not listening: tests call it directly, index.ts listens. */
export function createLicencesSubgraph(deps: LicencesDeps): LicencesSubgraph {
  const secret = deps.internalSecret ?? DEV_INTERNAL_AUTH_SECRET;
  const log = deps.log ?? createLogger('licences');
  const publicUrl = (deps.publicUrl ?? 'http://localhost:4004').replace(/\/$/, '');
  const did = deps.issuerDid ?? deps.keys?.did ?? didWebFor(publicUrl);
  const keys = deps.keys ?? fileKeyRing(did, deps.keyFile ?? issuerKeyFilePath(deps.dataDir ?? '.data'));
  if (keys.did !== did) throw new Error(`the key ring is for ${keys.did}, the issuer is ${did}`);
  const now = deps.now ?? Date.now;
  const statusListPublisher = createStatusListPublisher({ ring: keys, publicUrl });
  // Our own lists are read in process (the same bytes the route serves); anyone else's over HTTP.
  const localFirst: StatusListFetcher = async (url) => {
    if (url.startsWith(`${publicUrl}/status/`)) {
      const m = STATUS_PATH.exec(url.slice(publicUrl.length));
      const list = m
        ? await statusListPublisher.get(deps.orm.em.fork(), m[1] as StatusPurpose, Number(m[2]))
        : null;
      if (!list) throw new Error('no such status list');
      return JSON.parse(list.body);
    }
    return httpStatusListFetcher(url);
  };
  const statusLists = createStatusListClient({ fetch: deps.statusListFetch ?? localFirst, now });
  const resolver = createKeyResolver({ ring: keys, fetchDocument: deps.fetchDidDocument, now });
  const trustedIssuers = [did, ...(deps.trustedIssuers ?? []).filter((d) => d !== did)];
  const services: LicencesServices = {
    keys,
    resolver,
    holders:
      deps.holders ??
      identityHolderDirectory({
        url: deps.identityUrl ?? 'http://127.0.0.1:4002/graphql',
        internalSecret: secret,
      }),
    grantees:
      deps.grantees ?? identityGranteeDirectory({ url: deps.identityUrl ?? 'http://127.0.0.1:4002/graphql' }),
    statusListPublisher,
    statusLists,
    verifier: createVerifier({ resolver, statusLists, trustedIssuers, now }),
    now,
    publicUrl,
    shellUrl: (deps.shellUrl ?? 'http://localhost:3000').replace(/\/$/, ''),
    trustedIssuers,
    // A key of its own for presentation tokens, derived so it never equals the identity-header secret.
    presentationKey: createHmac('sha256', secret).update('bianmin/licences/presentations').digest(),
    presentationTtlSeconds: deps.presentationTtlSeconds ?? 300,
    log,
  };
  const subgraph = createSubgraph({
    name: 'licences',
    typeDefs,
    resolvers: createResolvers(services),
    orm: deps.orm,
    loaders: createLoaders,
    log,
    production: deps.production,
    internalSecret: deps.internalSecret,
    sharedOrm: deps.sharedOrm,
    routes: licencesRoutes(deps.orm, services, log),
  });
  return Object.assign(subgraph, { services });
}

export { createLicencesOrm } from './db/orm.js';
export { seedLicences } from './db/seeds.js';
export { seedDemoLicences, type DemoHolder } from './db/demo-licences.js';
export { startLicenceIssuanceConsumer, handleAffairsEvent } from './modules/issuance/issuance.consumer.js';
export {
  identityGranteeDirectory,
  staticGranteeDirectory,
  type GranteeDirectory,
} from './modules/grant/grantee-directory.js';
export {
  identityHolderDirectory,
  staticHolderDirectory,
  type Holder,
  type HolderDirectory,
} from './modules/issuance/holder-directory.js';
export {
  memoryKeyRing,
  fileKeyRing,
  rotateIssuerKeyFile,
  didWebFor,
} from './modules/credential/issuer-keys.js';
