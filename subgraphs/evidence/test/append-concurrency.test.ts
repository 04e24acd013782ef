import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Orm } from '@bianmin/kit';
import { canonicalJson } from '../src/modules/canonical/jcs.js';
import { signCheckpoint } from '../src/modules/checkpoint/checkpointer.js';
import { ephemeralLogKeys } from '../src/modules/checkpoint/log-keys.js';
import { LogEntry, LogNode } from '../src/modules/log/log.entities.js';
import { appendEntries, logSize, storedNodes, type AppendedEntry } from '../src/modules/log/log.store.js';
import { memoryReader, treeRoot } from '../src/modules/merkle/prover.js';
import { leafHash } from '../src/modules/merkle/rfc6962.js';
import { appenderEventId } from './fixtures/append-events.js';
import { drivers, ORIGIN, sharedEvidenceDatabase } from './setup.js';

const WORKER = fileURLToPath(new URL('./fixtures/append-worker.ts', import.meta.url));
const PER_APPENDER = 60;

/** Start an appender in another process; resolves once it has opened the database. */
function startWorker(location: object, name: string) {
  const child = fork(WORKER, [JSON.stringify({ location, name, count: PER_APPENDER })], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) =>
      reject(new Error(`appender ${name} exited with ${code} before it was ready`)),
    );
    child.once('message', () => resolve());
  });
  const done = new Promise<AppendedEntry[]>((resolve, reject) => {
    child.on('message', (message) => {
      if (typeof message === 'object' && message && 'results' in message) {
        resolve((message as { results: AppendedEntry[] }).results);
      }
    });
    child.once('exit', (code) =>
      code === 0 ? undefined : reject(new Error(`appender ${name} exited with ${code}`)),
    );
  });
  return { ready, go: () => child.send('go'), done };
}

describe.each(drivers)('concurrent appends on %s', (driver) => {
  let db: Awaited<ReturnType<typeof sharedEvidenceDatabase>>;
  let orm: Orm;

  beforeAll(async () => {
    db = await sharedEvidenceDatabase(driver);
    orm = await db.open();
  }, 60_000);
  afterAll(async () => db?.drop());

  it('from three processes give dense, unique indexes, each event once, and a consistent tree', async () => {
    const workers = [startWorker(db.location, 'a'), startWorker(db.location, 'b')];
    await Promise.all(workers.map((w) => w.ready));
    for (const w of workers) w.go();
    // This process is the third appender, racing the other two.
    const mine: AppendedEntry[] = [];
    for (let i = 0; i < PER_APPENDER; i++) {
      const eventId = appenderEventId('c', i);
      mine.push((await appendEntries(orm.em.fork(), [{ eventId, entry: canonicalJson({ eventId }) }]))[0]!);
    }
    const [a, b] = await Promise.all(workers.map((w) => w.done));
    const results = [...a!, ...b!, ...mine];

    // The three really raced: in index order, the appender changes many times.
    const who = [
      ...a!.map((r) => ({ ...r, by: 'a' })),
      ...b!.map((r) => ({ ...r, by: 'b' })),
      ...mine.map((r) => ({ ...r, by: 'c' })),
    ]
      .filter((r) => r.appended)
      .sort((x, y) => x.leafIndex - y.leafIndex)
      .map((r) => r.by);
    expect(who.filter((by, i) => i > 0 && by !== who[i - 1]).length).toBeGreaterThanOrEqual(3);

    // Each event has one index, whichever appender asked, and was appended by exactly one of them.
    const byEvent = new Map<string, Set<number>>();
    for (const r of results)
      byEvent.set(r.eventId, new Set([...(byEvent.get(r.eventId) ?? []), r.leafIndex]));
    expect([...byEvent.values()].every((indexes) => indexes.size === 1)).toBe(true);
    const appendedEvents = results.filter((r) => r.appended).map((r) => r.eventId);
    expect(new Set(appendedEvents).size).toBe(appendedEvents.length);

    // No gap, no duplicate: indexes 0 … size-1, one row each, one event each.
    const size = await logSize(orm.em.fork());
    expect(size).toBe(byEvent.size);
    expect(size).toBe(PER_APPENDER + 2 * Math.floor((PER_APPENDER * 2) / 3));
    const rows = await orm.em.fork().find(LogEntry, {}, { orderBy: { leafIndex: 'asc' } });
    expect(rows.map((r) => r.leafIndex)).toEqual(Array.from({ length: size }, (_, i) => i));
    expect(new Set(rows.map((r) => r.eventId)).size).toBe(size);

    // The stored tree is the tree of the stored entries: every subtree hash and the root.
    const memory = memoryReader(rows.map((r) => leafHash(r.entry)));
    const nodes = await orm.em.fork().find(LogNode, {});
    const expected = await memory.read(nodes.map((n) => ({ level: n.level, index: n.nodeIndex })));
    expect(nodes.map((n) => n.hash)).toEqual(expected.map((h) => h.toString('hex')));
    expect(await treeRoot(storedNodes(orm.em.fork()), size)).toEqual(await treeRoot(memory, size));
    // …which the checkpointer, re-hashing every entry, agrees with.
    const signed = await signCheckpoint(orm.em.fork(), ephemeralLogKeys(ORIGIN));
    expect(signed.kind).toBe('signed');
  }, 120_000);
});
