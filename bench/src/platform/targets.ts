import { randomBytes } from 'node:crypto';
import { identityHeaderFor, SessionPool } from '../auth/sessions.js';
import { prepareData, type PreparedData } from '../data/source.js';
import type { BenchOptions, TargetName } from '../harness/options.js';
import type { ServiceProcess } from '../harness/service-process.js';
import { loadManifest, type PersistedOperation } from '../workload/manifest.js';
import type { Destination } from '../workload/requests.js';
import { startHiveGateway } from './hive-gateway.js';
import { startOurGateway, type GatewayLevers } from './our-gateway.js';
import { startSubgraphs, type Subgraphs } from './subgraphs.js';

/** What a row of the results is called. */
export const TARGET_LABELS: Record<TargetName, string> = {
  subgraph: 'subgraph directly',
  ours: 'our gateway',
  'ours-levers': 'our gateway + levers',
  hive: 'Hive Gateway',
  'hive-levers': 'Hive Gateway + levers',
};

/** A target, started: where to send the mix, and its gateway process (none for the subgraphs). */
export interface RunningTarget {
  name: TargetName;
  destination: Destination;
  gateway: ServiceProcess | null;
  stop(): Promise<void>;
}

/**
 * One benchmark session: the data, the five subgraph processes every target shares, the signed-in
 * people, and the targets started one at a time in front of the same subgraphs.
 */
export class BenchPlatform {
  private constructor(
    readonly options: BenchOptions,
    readonly data: PreparedData,
    readonly subgraphs: Subgraphs,
    readonly manifest: PersistedOperation[],
    readonly sessions: SessionPool,
    /** The secret the gateways and subgraphs share for the identity header; new every run. */
    private readonly internalSecret: string,
  ) {}

  static async start(
    options: BenchOptions,
    log: (line: string) => void = console.log,
  ): Promise<BenchPlatform> {
    const manifest = loadManifest();
    log(`data: ${options.data}…`);
    const data = await prepareData(options);
    log(
      `data: ${data.facts.description}${data.facts.loadSeconds ? `, made in ${data.facts.loadSeconds} s` : ', from the cache'}`,
    );
    const internalSecret = randomBytes(32).toString('base64url');
    const subgraphs = await startSubgraphs(data.dataDir, internalSecret).catch((error: unknown) => {
      data.dispose();
      throw error;
    });
    try {
      // People sign in through our gateway, as the shell does; the tokens serve every target.
      const gateway = await startOurGateway({
        subgraphs,
        dataDir: data.dataDir,
        internalSecret,
        workers: 1,
        levers: { persistedDocuments: false, cacheTtlSeconds: 0 },
      });
      try {
        const sessions = await SessionPool.signIn(
          `${gateway.origin}/graphql`,
          data.facts,
          options.residents,
          manifest,
        );
        log(`signed in: ${sessions.residents.length} residents and one member of staff`);
        return new BenchPlatform(options, data, subgraphs, manifest, sessions, internalSecret);
      } finally {
        await gateway.stop();
      }
    } catch (error) {
      await subgraphs.stop();
      data.dispose();
      throw error;
    }
  }

  private levers(): GatewayLevers {
    return {
      persistedDocuments: this.options.levers.includes('persisted'),
      cacheTtlSeconds: this.options.levers.includes('cache') ? this.options.cacheTtlSeconds : 0,
    };
  }

  /**
   * Start `name` and make sure every session's token outlives `forMs` (refreshing through the
   * target itself, as a client would).
   */
  async startTarget(name: TargetName, forMs: number): Promise<RunningTarget> {
    const common = {
      subgraphs: this.subgraphs,
      dataDir: this.data.dataDir,
      internalSecret: this.internalSecret,
      workers: this.options.workers,
    };
    const noLevers = { persistedDocuments: false, cacheTtlSeconds: 0 };
    const gateway =
      name === 'subgraph'
        ? null
        : name === 'ours' || name === 'ours-levers'
          ? await startOurGateway({ ...common, levers: name === 'ours' ? noLevers : this.levers() })
          : await startHiveGateway({ ...common, levers: name === 'hive' ? null : this.levers() });
    try {
      // Through the target itself, as a client would; straight to identity when there is no gateway.
      await this.sessions.refresh(
        gateway ? `${gateway.origin}/graphql` : this.subgraphs.urls.identity,
        forMs + 60_000,
      );
      const tokens = {
        residents: this.sessions.residents.map((session) => session.accessToken),
        staff: this.sessions.staff.accessToken,
      };
      const destination: Destination = gateway
        ? {
            kind: 'gateway',
            url: `${gateway.origin}/graphql`,
            tokens,
            persisted: name.endsWith('-levers') && this.options.levers.includes('persisted'),
          }
        : {
            kind: 'subgraph',
            urls: this.subgraphs.urls,
            identityHeaders: {
              residents: await Promise.all(
                this.sessions.residents.map((s) =>
                  identityHeaderFor(s, this.data.dataDir, this.internalSecret),
                ),
              ),
              staff: await identityHeaderFor(this.sessions.staff, this.data.dataDir, this.internalSecret),
            },
          };
      return { name, destination, gateway, stop: async () => gateway?.stop() };
    } catch (error) {
      await gateway?.stop();
      throw error;
    }
  }

  /** Our gateway with its levers, allowing the shell's origin: the first-load figure's backend. */
  async startGatewayForShell(shellOrigin: string): Promise<{ url: string; stop(): Promise<void> }> {
    const gateway = await startOurGateway({
      subgraphs: this.subgraphs,
      dataDir: this.data.dataDir,
      internalSecret: this.internalSecret,
      workers: this.options.workers,
      levers: this.levers(),
      corsOrigins: [shellOrigin],
    });
    return { url: `${gateway.origin}/graphql`, stop: () => gateway.stop() };
  }

  async stop(): Promise<void> {
    await this.subgraphs.stop();
    this.data.dispose();
  }
}
