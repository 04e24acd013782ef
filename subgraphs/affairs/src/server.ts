import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import {
  createLogger,
  createSubgraph,
  DEV_INTERNAL_AUTH_SECRET,
  type Logger,
  type Orm,
  type Subgraph,
} from '@bianmin/kit';
import {
  localDirectoryFileStore,
  noScanner,
  type FileScanner,
  type FileStore,
} from './modules/files/file-store.js';
import { downloadRoute, uploadRoute } from './modules/files/files.service.js';
import {
  identityApplicantDirectory,
  type ApplicantDirectory,
} from './modules/directories/applicant-directory.js';
import {
  graphQLCatalogDirectory,
  httpExecutor,
  type CatalogDirectory,
} from './modules/directories/catalog-directory.js';
import {
  identityColleagueDirectory,
  type ColleagueDirectory,
} from './modules/directories/colleague-directory.js';
import { licencesServiceDirectory, type LicenceDirectory } from './modules/directories/licence-directory.js';
import { createLoaders, type AffairsLoaders } from './loaders.js';
import { createResolvers } from './resolvers/index.js';
import { typeDefs } from './schema.js';
import type { AffairsServices } from './services.js';

export interface AffairsDeps {
  orm: Orm;
  log?: Logger;
  production?: boolean;
  /** INTERNAL_AUTH_SECRET: verifies the gateway's identity header (and speaks for the applicant to identity). */
  internalSecret?: string;
  /** The catalog; by default its GraphQL API at `catalogUrl`. */
  catalog?: CatalogDirectory;
  catalogUrl?: string;
  /** The applicant's facts; by default identity's GraphQL API at `identityUrl`. */
  applicants?: ApplicantDirectory;
  identityUrl?: string;
  /** Who works in the caller's department (for 分派); by default identity's GraphQL API at `identityUrl`. */
  colleagues?: ColleagueDirectory;
  /** Electronic licences; by default the licences service's GraphQL API at `licencesUrl`, asked as the applicant. */
  licences?: LicenceDirectory;
  licencesUrl?: string;
  /** Clock (ms); tests move it. */
  now?: () => number;
  dueSoonWorkingDays?: number;
  /** Uploaded files; by default a directory under `dataDir` (`<dataDir>/files/affairs`). */
  files?: FileStore;
  dataDir?: string;
  /** The virus-scan hook; none by default (documented). */
  scanner?: FileScanner;
  /** This service as browsers reach it (signed upload/download links), e.g. http://localhost:4003. */
  publicUrl?: string;
  /** Browser origins (the shell) that may PUT uploads here. */
  corsOrigins?: string[];
  /** The ORM belongs to another instance, which closes it (kit's `sharedOrm`). */
  sharedOrm?: boolean;
}

export type AffairsSubgraph = Subgraph<AffairsLoaders> & { services: AffairsServices };

/** The affairs subgraph, built but not listening: tests call it directly, index.ts listens. */
export function createAffairsSubgraph(deps: AffairsDeps): AffairsSubgraph {
  const secret = deps.internalSecret ?? DEV_INTERNAL_AUTH_SECRET;
  const services: AffairsServices = {
    catalog:
      deps.catalog ??
      graphQLCatalogDirectory(httpExecutor(deps.catalogUrl ?? 'http://127.0.0.1:4001/graphql')),
    applicants:
      deps.applicants ??
      identityApplicantDirectory({
        url: deps.identityUrl ?? 'http://127.0.0.1:4002/graphql',
        internalSecret: secret,
      }),
    colleagues:
      deps.colleagues ??
      identityColleagueDirectory({
        url: deps.identityUrl ?? 'http://127.0.0.1:4002/graphql',
        internalSecret: secret,
      }),
    licences:
      deps.licences ??
      licencesServiceDirectory({
        url: deps.licencesUrl ?? 'http://127.0.0.1:4004/graphql',
        internalSecret: secret,
      }),
    now: deps.now ?? Date.now,
    dueSoonWorkingDays: deps.dueSoonWorkingDays ?? 2,
    files: deps.files ?? localDirectoryFileStore(join(deps.dataDir ?? '.data', 'files', 'affairs')),
    scanner: deps.scanner ?? noScanner,
    publicUrl: (deps.publicUrl ?? 'http://localhost:4003').replace(/\/$/, ''),
    // A key of its own for file links, derived so it never equals the identity-header secret.
    fileLinkKey: createHmac('sha256', secret).update('bianmin/affairs/file-links').digest(),
  };
  const log = deps.log ?? createLogger('affairs');
  const subgraph = createSubgraph({
    name: 'affairs',
    typeDefs,
    resolvers: createResolvers(services),
    orm: deps.orm,
    loaders: createLoaders,
    log,
    production: deps.production,
    internalSecret: deps.internalSecret,
    corsOrigins: deps.corsOrigins,
    sharedOrm: deps.sharedOrm,
    routes: {
      '/files/upload': uploadRoute(deps.orm, services, log),
      '/files/download': downloadRoute(deps.orm, services),
    },
  });
  return Object.assign(subgraph, { services });
}

export { createAffairsOrm } from './db/orm.js';
export { runSlaSweep, startSlaScheduler } from './modules/sla/sla-sweep.js';
export { seedAffairs } from './db/seeds.js';
export { seedDemoApplications, type DemoPeople, type DemoPerson } from './db/demo-applications.js';
export { graphQLCatalogDirectory } from './modules/directories/catalog-directory.js';
export {
  interimLicenceDirectory,
  licencesServiceDirectory,
} from './modules/directories/licence-directory.js';
