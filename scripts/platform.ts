/**
 * The whole platform in one Node process, on its embedded defaults: every subgraph, the gateway,
 * the shell and the remotes, each on its own port as in production. Used by `npm start` and by
 * the end-to-end tests. Production runs each of these as its own process instead.
 */
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { accessTokenKeyFile, createEventBus, createLogger, OutboxRelay, type Logger } from '@bianmin/kit';
import {
  createAffairsOrm,
  createAffairsSubgraph,
  seedAffairs,
  seedDemoApplications,
  startSlaScheduler,
} from '@bianmin/affairs';
import { createCatalogOrm, createCatalogSubgraph, seedCatalog } from '@bianmin/catalog';
import {
  createEvidenceOrm,
  createEvidenceSubgraph,
  loadLogKeys,
  startCheckpointer,
  startEvidenceConsumers,
} from '@bianmin/evidence';
import { createGateway, loadGatewayEnv } from '@bianmin/gateway';
import {
  createIdentityOrm,
  createIdentitySubgraph,
  DEMO_ACCOUNTS,
  demoIdentities,
  loadSecretBox,
  seedIdentity,
  signingKeysFromFile,
  startCaseFileConsumer,
} from '@bianmin/identity';
import {
  createLicencesOrm,
  createLicencesSubgraph,
  seedDemoLicences,
  seedLicences,
  startLicenceIssuanceConsumer,
} from '@bianmin/licences';
import {
  affairsRemote,
  createShellServer,
  createStaticServer,
  licencesRemote,
  servicesRemote,
  verifyRemote,
} from '@bianmin/shell/server';

export interface PlatformOptions {
  dataDir: string;
  databaseUrl?: string;
  /** Shared by the gateway and subgraphs; development falls back to kit's public value. */
  internalSecret?: string;
  host: string;
  /** The host name printed and used in browser-facing URLs. */
  publicHost: string;
  ports: {
    shell: number;
    services: number;
    affairsRemote: number;
    licencesRemote: number;
    gateway: number;
    catalog: number;
    identity: number;
    affairs: number;
    licences: number;
    evidence: number;
  };
  /** NATS JetStream for domain events; the in-process bus when unset. */
  natsUrl?: string;
  log?: Logger;
}

export const DEFAULT_PORTS = {
  shell: 3000,
  services: 3001,
  affairsRemote: 3002,
  licencesRemote: 3003,
  gateway: 4000,
  catalog: 4001,
  identity: 4002,
  affairs: 4003,
  licences: 4004,
  evidence: 4005,
};
const root = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
}
const closeServer = (server: Server) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

export async function startPlatform(options: PlatformOptions) {
  const log = options.log ?? createLogger('platform');
  const { ports, host, publicHost } = options;
  const url = (port: number, path = '') => `http://${publicHost}:${port}${path}`;

  // Domain events: every subgraph's outbox relay publishes here; consumers subscribe here.
  const bus = await createEventBus({ natsUrl: options.natsUrl, log: log.child({ service: 'bus' }) });

  const orm = await createCatalogOrm({
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir,
    logger: log.child({ service: 'catalog' }),
  });
  await seedCatalog(orm, log);
  const catalog = createCatalogSubgraph({
    orm,
    log: createLogger('catalog'),
    internalSecret: options.internalSecret,
  });
  await catalog.listen(ports.catalog, host);

  // The evidence log subscribes before any producer's relay starts, so it sees every event.
  const evidenceOrm = await createEvidenceOrm({ databaseUrl: options.databaseUrl, dataDir: options.dataDir });
  const evidenceKeys = loadLogKeys({ origin: 'bianmin.yunhu.gov.cn/evidence', dataDir: options.dataDir });
  const evidence = createEvidenceSubgraph({
    orm: evidenceOrm,
    keys: evidenceKeys,
    log: createLogger('evidence'),
    internalSecret: options.internalSecret,
  });
  await evidence.listen(ports.evidence, host);
  const evidenceConsumers = await startEvidenceConsumers({
    orm: evidenceOrm,
    bus,
    log: createLogger('evidence-consumers'),
  });
  const checkpointer = startCheckpointer({
    orm: evidenceOrm,
    keys: evidenceKeys,
    log: createLogger('evidence-checkpoints'),
    everyMs: 10_000,
  });

  // Identity signs access tokens with the key file the gateway verifies against (same DATA_DIR).
  const secretBox = loadSecretBox({ dataDir: options.dataDir, production: false });
  const identityOrm = await createIdentityOrm({ databaseUrl: options.databaseUrl, dataDir: options.dataDir });
  await seedIdentity(identityOrm, { secretBox, log });
  const identity = createIdentitySubgraph({
    orm: identityOrm,
    log: createLogger('identity'),
    internalSecret: options.internalSecret,
    signingKeys: signingKeysFromFile(accessTokenKeyFile(options.dataDir)),
    secretBox,
    // "Download my data" also asks affairs for the person's applications, as the person.
    exportSources: [
      { name: 'affairs', url: `http://127.0.0.1:${ports.affairs}/graphql`, field: 'myAffairsDataExport' },
    ],
  });
  await identity.listen(ports.identity, host);
  // Identity announces revoked sessions (the gateway refuses their tokens at once) through its outbox.
  const identityRelay = new OutboxRelay({ orm: identityOrm, bus, log: createLogger('identity-relay') });
  identityRelay.start();
  // Identity learns from affairs' events which department handles whose case (purpose-bound reveals).
  const caseFiles = await startCaseFileConsumer({
    orm: identityOrm,
    bus,
    log: createLogger('identity-case-files'),
  });

  // Licences: the issuer of electronic licences (W3C VCs); it issues on affairs' approvals and
  // reads the holder's document from identity for that.
  const licencesOrm = await createLicencesOrm({ databaseUrl: options.databaseUrl, dataDir: options.dataDir });
  await seedLicences(licencesOrm, { log });
  const licences = createLicencesSubgraph({
    orm: licencesOrm,
    log: createLogger('licences'),
    internalSecret: options.internalSecret,
    publicUrl: url(ports.licences),
    dataDir: options.dataDir,
    identityUrl: `http://127.0.0.1:${ports.identity}/graphql`,
    shellUrl: url(ports.shell),
  });
  await licences.listen(ports.licences, host);
  const people = new Map(demoIdentities().map((person) => [person.username, person]));
  const demoLicences = await seedDemoLicences(
    licencesOrm,
    licences.services,
    DEMO_ACCOUNTS.map((demo) => ({
      personId: people.get(demo.username)!.personId,
      name: demo.person.name,
      idType: 'RESIDENT_ID_CARD',
      idNumber: demo.person.idNumber,
      dateOfBirth: `${demo.person.idNumber.slice(6, 10)}-${demo.person.idNumber.slice(10, 12)}-${demo.person.idNumber.slice(12, 14)}`,
    })),
  );
  if (demoLicences) log.info({ licences: demoLicences }, 'demo licences issued');
  const licencesRelay = new OutboxRelay({ orm: licencesOrm, bus, log: createLogger('licences-relay') });
  licencesRelay.start();
  const issuance = await startLicenceIssuanceConsumer({
    orm: licencesOrm,
    bus,
    log: createLogger('licences-issuance'),
    services: licences.services,
  });

  // Affairs reads item terms from the catalog and the applicant's facts from identity (as the applicant).
  const affairsOrm = await createAffairsOrm({ databaseUrl: options.databaseUrl, dataDir: options.dataDir });
  await seedAffairs(affairsOrm, { demo: true, log });
  const affairsDeps = {
    orm: affairsOrm,
    internalSecret: options.internalSecret,
    catalogUrl: `http://127.0.0.1:${ports.catalog}/graphql`,
    identityUrl: `http://127.0.0.1:${ports.identity}/graphql`,
    licencesUrl: `http://127.0.0.1:${ports.licences}/graphql`,
    dataDir: options.dataDir,
  };
  // A fresh install gets a working department's recent days (applications in every state),
  // made through affairs' own API as identity's demo people.
  const demo = await seedDemoApplications(
    { ...affairsDeps, log: createLogger('affairs-demo', 'warn') },
    {
      resident: people.get('zhangxiaomin')!,
      staff: people.get('libanshi')!,
      supervisor: people.get('wangzhuguan')!,
    },
  );
  if (demo.created) log.info({ applications: demo.created }, 'demo applications created');
  const affairs = createAffairsSubgraph({
    ...affairsDeps,
    log: createLogger('affairs'),
    // Browsers upload files straight to affairs with a signed, single-use URL.
    publicUrl: url(ports.affairs),
    corsOrigins: [url(ports.shell), `http://127.0.0.1:${ports.shell}`, `http://localhost:${ports.shell}`],
  });
  await affairs.listen(ports.affairs, host);
  const affairsRelay = new OutboxRelay({ orm: affairsOrm, bus, log: createLogger('affairs-relay') });
  affairsRelay.start();
  const affairsSla = startSlaScheduler({
    orm: affairsOrm,
    services: affairs.services,
    log: createLogger('affairs-sla'),
  });

  const gateway = createGateway({
    env: loadGatewayEnv({
      // One process runs everything here, so the event loop is the subgraphs' and the seeders'
      // as much as the gateway's: its delay says nothing about the gateway's own load. And one
      // developer's browser is no overload: only a runaway client should ever be refused.
      MAX_EVENT_LOOP_DELAY_MS: '0',
      MAX_CONCURRENT_REQUESTS: '64',
      QUEUE_TIMEOUT_MS: '5000',
      ...process.env,
      PORT: String(ports.gateway),
      DATA_DIR: options.dataDir,
      ...(options.internalSecret ? { INTERNAL_AUTH_SECRET: options.internalSecret } : {}),
      SUBGRAPH_CATALOG_URL: `http://127.0.0.1:${ports.catalog}/graphql`,
      SUBGRAPH_IDENTITY_URL: `http://127.0.0.1:${ports.identity}/graphql`,
      SUBGRAPH_AFFAIRS_URL: `http://127.0.0.1:${ports.affairs}/graphql`,
      SUBGRAPH_EVIDENCE_URL: `http://127.0.0.1:${ports.evidence}/graphql`,
      SUBGRAPH_LICENCES_URL: `http://127.0.0.1:${ports.licences}/graphql`,
      CORS_ORIGINS: [
        url(ports.shell),
        `http://127.0.0.1:${ports.shell}`,
        `http://localhost:${ports.shell}`,
      ].join(','),
    }),
    bus,
  });
  await gateway.listen(ports.gateway, host);

  const services = createStaticServer({ root: root('frontends/services/dist'), cors: true });
  await listen(services, ports.services, host);
  const affairsFrontend = createStaticServer({ root: root('frontends/affairs/dist'), cors: true });
  await listen(affairsFrontend, ports.affairsRemote, host);
  const licencesFrontend = createStaticServer({ root: root('frontends/licences/dist'), cors: true });
  await listen(licencesFrontend, ports.licencesRemote, host);
  const shell = createShellServer({
    distDir: root('shell/dist'),
    gatewayUrl: url(ports.gateway, '/graphql'),
    remotes: [
      servicesRemote(url(ports.services, '/remoteEntry.js')),
      affairsRemote(url(ports.affairsRemote, '/remoteEntry.js')),
      licencesRemote(url(ports.licencesRemote, '/remoteEntry.js')),
      verifyRemote(url(ports.licencesRemote, '/remoteEntry.js')),
    ],
  });
  await listen(shell, ports.shell, host);

  return {
    urls: {
      shell: url(ports.shell),
      gateway: url(ports.gateway, '/graphql'),
      catalog: url(ports.catalog, '/graphql'),
      identity: url(ports.identity, '/graphql'),
      affairs: url(ports.affairs, '/graphql'),
      licences: url(ports.licences, '/graphql'),
      evidence: url(ports.evidence, '/graphql'),
      services: url(ports.services, '/remoteEntry.js'),
      affairsRemote: url(ports.affairsRemote, '/remoteEntry.js'),
      licencesRemote: url(ports.licencesRemote, '/remoteEntry.js'),
    },
    catalog,
    identity,
    affairs,
    licences,
    evidence,
    gateway,
    /** Stop in reverse order: stop taking page loads, drain the gateway, then the subgraphs. */
    async stop() {
      await closeServer(shell);
      await closeServer(services);
      await closeServer(affairsFrontend);
      await closeServer(licencesFrontend);
      await gateway.stop(5000);
      await affairsSla.stop();
      await affairsRelay.stop();
      await identityRelay.stop();
      await caseFiles.close();
      await issuance.close();
      await licencesRelay.stop();
      for (const subscription of evidenceConsumers) await subscription.close();
      await checkpointer.stop();
      await Promise.all([
        catalog.stop(5000),
        identity.stop(5000),
        affairs.stop(5000),
        evidence.stop(5000),
        licences.stop(5000),
      ]);
      await bus.close();
    },
  };
}
