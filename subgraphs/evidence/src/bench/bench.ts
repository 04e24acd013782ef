/**
 * Log figures, printed (not a test):
 *   npm run bench -w @bianmin/evidence -- [--entries 100000] [--driver sqlite|postgresql]
 * Fills a throwaway database (a temporary SQLite file, or a fresh PostgreSQL database on
 * TEST_DATABASE_URL's server) with `entries` entries in batches, then measures single-entry
 * appends (one transaction each, as the consumers append), inclusion and consistency proof
 * latency at that size, and signing a checkpoint.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createTestDatabase } from '@bianmin/kit/testing';
import { createEvidenceOrm } from '../db/orm.js';
import { canonicalJson } from '../modules/canonical/jcs.js';
import { signCheckpoint } from '../modules/checkpoint/checkpointer.js';
import { ephemeralLogKeys } from '../modules/checkpoint/log-keys.js';
import { appendEntries, logSize, storedNodes } from '../modules/log/log.store.js';
import { consistencyProof, inclusionProof, treeRoot } from '../modules/merkle/prover.js';
import { leafHash, verifyInclusion } from '../modules/merkle/rfc6962.js';

const { values } = parseArgs({
  options: {
    entries: { type: 'string', default: '100000' },
    driver: { type: 'string', default: 'sqlite' },
  },
});
const total = Number(values.entries);
const driver = values.driver === 'postgresql' ? 'postgresql' : 'sqlite';
const out = (line: string) => process.stdout.write(`${line}\n`);

const dir = driver === 'sqlite' ? await mkdtemp(join(tmpdir(), 'bianmin-evidence-bench-')) : undefined;
const db = driver === 'postgresql' ? await createTestDatabase('postgresql') : undefined;
const orm = await createEvidenceOrm({
  databaseUrl: db?.databaseUrl,
  sqliteFile: dir ? join(dir, 'evidence.sqlite') : undefined,
});
const keys = ephemeralLogKeys('bench.bianmin.local/evidence');

// A realistic entry: an application step's codes, a pseudonym and a digest.
const entryFor = (i: number) => {
  const eventId = `0195c5d0-0000-7000-8000-${i.toString(16).padStart(12, '0')}`;
  return {
    eventId,
    entry: canonicalJson({
      v: 1,
      source: 'affairs',
      type: 'affairs.application.approve',
      eventId,
      occurredAt: new Date(Date.UTC(2026, 10, 30) + i * 1000).toISOString(),
      codes: {
        itemCode: `MZ-${String(i % 200).padStart(3, '0')}`,
        departmentCode: 'MZ',
        fromState: 'UNDER_REVIEW',
        toState: 'APPROVED',
        actorKind: 'STAFF',
        action: 'APPROVE',
      },
      subject: leafHash(`person ${i % 5000}`).toString('hex'),
      digest: leafHash(`payload ${i}`).toString('hex'),
    }),
  };
};

const time = async <T>(fn: () => Promise<T>) => {
  const start = process.hrtime.bigint();
  const result = await fn();
  return { result, ms: Number(process.hrtime.bigint() - start) / 1e6 };
};
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

try {
  out(`evidence log bench on ${driver}: ${total.toLocaleString('en')} entries`);
  const BATCH = 1000;
  const fill = await time(async () => {
    for (let from = 0; from < total; from += BATCH) {
      const n = Math.min(BATCH, total - from);
      await appendEntries(
        orm.em.fork(),
        Array.from({ length: n }, (_, i) => entryFor(from + i)),
      );
    }
  });
  out(
    `fill (batches of ${BATCH}):         ${Math.round((total / fill.ms) * 1000).toLocaleString('en')} entries/s`,
  );

  const first = await time(() => signCheckpoint(orm.em.fork(), keys));
  out(`first checkpoint (re-hash all):  ${first.ms.toFixed(0)} ms`);

  const SINGLE = 1000;
  const single = await time(async () => {
    for (let i = 0; i < SINGLE; i++) await appendEntries(orm.em.fork(), [entryFor(total + i)]);
  });
  out(
    `single appends (1 per tx):       ${Math.round((SINGLE / single.ms) * 1000).toLocaleString('en')} appends/s`,
  );

  const signed = await time(() => signCheckpoint(orm.em.fork(), keys));
  out(`checkpoint after ${SINGLE} appends:   ${signed.ms.toFixed(1)} ms`);

  const size = await logSize(orm.em.fork());
  const reader = storedNodes(orm.em.fork());
  const root = await treeRoot(reader, size);
  const inclusion: number[] = [];
  const consistency: number[] = [];
  for (let i = 0; i < 500; i++) {
    const index = Math.floor(Math.random() * size);
    const { result: proof, ms } = await time(() => inclusionProof(storedNodes(orm.em.fork()), index, size));
    inclusion.push(ms);
    if (!verifyInclusion(index, size, leafHash(entryFor(index).entry), proof, root))
      throw new Error('bad proof');
    const from = 1 + Math.floor(Math.random() * (size - 1));
    consistency.push((await time(() => consistencyProof(storedNodes(orm.em.fork()), from, size))).ms);
  }
  for (const [name, samples] of [
    ['inclusion proof', inclusion],
    ['consistency proof', consistency],
  ] as const) {
    const sorted = [...samples].sort((a, b) => a - b);
    out(
      `${name} at ${size.toLocaleString('en')}: median ${percentile(sorted, 0.5).toFixed(2)} ms, p95 ${percentile(sorted, 0.95).toFixed(2)} ms`,
    );
  }
} finally {
  await orm.close(true);
  await db?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
}
