import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { KeyObject } from 'node:crypto';
import { createLogger, type BusEvent, type Driver, type Orm } from '@bianmin/kit';
import { createTestDatabase, testDrivers, type TestDatabase } from '@bianmin/kit/testing';
import { LogClientError, logClient, type LogClient } from '../src/client/log-client.js';
import {
  createEvidenceOrm,
  createEvidenceSubgraph,
  ephemeralLogKeys,
  type EvidenceSubgraph,
  type LogKeys,
} from '../src/server.js';

export const drivers = testDrivers();
export const ORIGIN = 'bianmin.yunhu.gov.cn/evidence';
export const silentLog = createLogger('evidence-test', 'silent');

export interface EvidenceFixture {
  evidence: EvidenceSubgraph;
  orm: Orm;
  keys: LogKeys;
  /** The log's public API as the CLI and the witness see it, without HTTP. */
  client: LogClient;
}

/** An evidence subgraph on a fresh database of `driver` for one test file; `privateKey` to share a key between logs. */
export function useEvidence(driver: Driver, options: { privateKey?: KeyObject } = {}): EvidenceFixture {
  const fixture = {} as EvidenceFixture;
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(driver);
    fixture.orm = await createEvidenceOrm({ databaseUrl: db.databaseUrl, sqliteFile: db.sqliteFile });
    fixture.keys = ephemeralLogKeys(ORIGIN, options.privateKey);
    fixture.evidence = createEvidenceSubgraph({ orm: fixture.orm, keys: fixture.keys, log: silentLog });
    fixture.client = logClient(async (query, variables) => {
      const result = await fixture.evidence.execute(query, variables);
      const error = result.errors?.[0];
      if (error) throw new LogClientError(error.message, (error.extensions?.code as string) ?? null);
      return result.data;
    });
  }, 60_000);
  afterAll(async () => {
    await fixture.evidence?.stop(1000);
    await db?.drop();
  });
  return fixture;
}

/**
 * One database that several ORMs — in this process or in others — open, as several replicas
 * would: a SQLite file (better-sqlite3 is synchronous, so a second writer must be another
 * process) or a fresh PostgreSQL database. The first `open()` applies the migrations.
 */
export async function sharedEvidenceDatabase(driver: Driver) {
  const dir = driver === 'sqlite' ? await mkdtemp(join(tmpdir(), 'bianmin-evidence-')) : undefined;
  const db = driver === 'postgresql' ? await createTestDatabase(driver) : undefined;
  const location = {
    databaseUrl: db?.databaseUrl,
    sqliteFile: dir ? join(dir, 'evidence.sqlite') : undefined,
  };
  const orms: Orm[] = [];
  return {
    location,
    async open() {
      const orm = await createEvidenceOrm(location);
      orms.push(orm);
      return orm;
    },
    async drop() {
      await Promise.all(orms.map((orm) => orm.close(true)));
      await db?.drop();
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A bus event as the kit's outbox relay delivers it. */
export function busEvent<P>(topic: string, payload: P, overrides: Partial<BusEvent<P>> = {}): BusEvent<P> {
  return {
    id: randomUUID(),
    topic,
    key: randomUUID(),
    payload,
    headers: {},
    occurredAt: '2026-11-30T01:00:00.000Z',
    ...overrides,
  };
}

export const PERSON = '00000000-0000-4000-8000-0000000000b1';
export const OTHER_PERSON = '00000000-0000-4000-8000-0000000000b2';

/** An `affairs.application.*` step, shaped as affairs' commitChange records it. */
export function applicationStep(
  personId = PERSON,
  overrides: Record<string, unknown> = {},
): BusEvent<Record<string, unknown>> {
  const action = (overrides.action as string | undefined) ?? 'APPROVE';
  return busEvent(`affairs.application.${action.toLowerCase()}`, {
    applicationId: randomUUID(),
    reference: 'YH20261130A7K3Q2',
    personId,
    itemId: randomUUID(),
    itemCode: 'MZ-004',
    departmentCode: 'MZ',
    action,
    fromState: 'UNDER_REVIEW',
    toState: 'APPROVED',
    actorKind: 'STAFF',
    seq: 4,
    at: '2026-11-30T01:00:00.000Z',
    ...overrides,
  });
}

/** Run an operation and fail the test on any GraphQL error. */
export async function query<T>(
  fixture: EvidenceFixture,
  source: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  const result = await fixture.evidence.execute<T>(source, variables);
  if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
  return result.data as T;
}

/** The error codes (and fields) an operation fails with. */
export async function errorsOf(
  fixture: EvidenceFixture,
  source: string,
  variables?: Record<string, unknown>,
) {
  const result = await fixture.evidence.execute(source, variables);
  return (result.errors ?? []).map((e) => ({ code: e.extensions?.code, field: e.extensions?.field }));
}
