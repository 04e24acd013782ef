import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { isCanonicalJson } from '../canonical/jcs.js';
import type { NodeReader } from '../merkle/prover.js';
import { Frontier, leafHash, rangeNodes, type NodeId } from '../merkle/rfc6962.js';
import { LogEntry, LogNode } from './log.entities.js';

/** An entry to append: its canonical JSON text and the source event it records. */
export interface EntryDraft {
  eventId: string;
  /** RFC 8785 canonical JSON (checked): the exact bytes the leaf hash covers. */
  entry: string;
}

export interface AppendedEntry {
  leafIndex: number;
  eventId: string;
  leafHash: string;
  /** False when the event was already in the log (its existing leaf is returned). */
  appended: boolean;
}

export class MissingNodeError extends Error {
  constructor(id: NodeId) {
    super(`the log has no stored hash for node ${id.level}:${id.index}`);
    this.name = 'MissingNodeError';
  }
}

/** Both drivers are SQL drivers (kit db/orm.ts); raw statements keep the hot paths lean. */
const sql = (em: EntityManager) => em as SqlEntityManager;

/** A table name as raw SQL needs it: schema-qualified on PostgreSQL. */
function table(em: EntityManager, name: string): string {
  const schema = em.config.get('schema') as string | undefined;
  return schema ? `"${schema}"."${name}"` : `"${name}"`;
}

/** Rows per INSERT: well under SQLite's and PostgreSQL's parameter limits. */
const INSERT_CHUNK = 500;

/** The log's size as committed (no lock). */
export async function logSize(em: EntityManager): Promise<number> {
  const rows = await sql(em).execute<Array<{ size: number | string }>>(
    `select size from ${table(em, 'log_head')} where id = 1`,
  );
  if (!rows[0]) throw new Error('the log head row is missing: are the migrations applied?');
  return Number(rows[0].size);
}

/**
 * Take the head's lock inside the current transaction and return the size. The UPDATE is the
 * transaction's first write: PostgreSQL locks the row until commit, SQLite takes the database
 * write lock at once (never a read-then-upgrade, which WAL may refuse with SQLITE_BUSY).
 */
async function lockHead(tx: EntityManager): Promise<number> {
  const rows = await sql(tx).execute<Array<{ size: number | string }>>(
    `update ${table(tx, 'log_head')} set size = size where id = 1 returning size`,
  );
  if (!rows[0]) throw new Error('the log head row is missing: are the migrations applied?');
  return Number(rows[0].size);
}

/** Stored subtree hashes: leaves from `log_entry`, the levels above from `log_node`; one query each. */
export function storedNodes(em: EntityManager): NodeReader {
  return {
    async read(ids) {
      const found = new Map<string, Buffer>();
      const leaves = ids.filter((id) => id.level === 0).map((id) => id.index);
      if (leaves.length > 0) {
        const rows = await sql(em).execute<Array<{ i: number | string; h: string }>>(
          `select leaf_index as i, leaf_hash as h from ${table(em, 'log_entry')} where leaf_index in (${leaves.map(() => '?').join(',')})`,
          leaves,
        );
        for (const row of rows) found.set(`0:${Number(row.i)}`, Buffer.from(row.h, 'hex'));
      }
      const byLevel = new Map<number, number[]>();
      for (const id of ids)
        if (id.level > 0) byLevel.set(id.level, [...(byLevel.get(id.level) ?? []), id.index]);
      if (byLevel.size > 0) {
        const clauses: string[] = [];
        const params: number[] = [];
        for (const [level, indexes] of byLevel) {
          clauses.push(`(level = ? and node_index in (${indexes.map(() => '?').join(',')}))`);
          params.push(level, ...indexes);
        }
        const rows = await sql(em).execute<Array<{ l: number | string; i: number | string; h: string }>>(
          `select level as l, node_index as i, hash as h from ${table(em, 'log_node')} where ${clauses.join(' or ')}`,
          params,
        );
        for (const row of rows) found.set(`${Number(row.l)}:${Number(row.i)}`, Buffer.from(row.h, 'hex'));
      }
      return ids.map((id) => {
        const hash = found.get(`${id.level}:${id.index}`);
        if (!hash || hash.length !== 32) throw new MissingNodeError(id);
        return hash;
      });
    },
  };
}

/**
 * Append entries to the log, in order, at the next free indexes: one transaction (a savepoint
 * when `em` is already in one, as inside `handleOnce`) that locks the head, skips events the log
 * already holds, writes the leaves and every complete subtree they finish, and moves the head.
 * Concurrent appenders in any number of processes queue on the head's lock, so indexes stay
 * dense and unique; the unique `event_id` is the backstop for "each event once".
 */
export async function appendEntries(
  em: EntityManager,
  drafts: readonly EntryDraft[],
  now: Date = new Date(),
): Promise<AppendedEntry[]> {
  for (const draft of drafts) {
    if (!isCanonicalJson(draft.entry))
      throw new Error(`entry for event ${draft.eventId} is not canonical JSON`);
  }
  if (drafts.length === 0) return [];
  return em.transactional(async (tx) => {
    const size = await lockHead(tx);
    const eventIds = [...new Set(drafts.map((d) => d.eventId))];
    const known = new Map<string, AppendedEntry>();
    for (let i = 0; i < eventIds.length; i += INSERT_CHUNK) {
      const chunk = eventIds.slice(i, i + INSERT_CHUNK);
      const rows = await sql(tx).execute<Array<{ i: number | string; e: string; h: string }>>(
        `select leaf_index as i, event_id as e, leaf_hash as h from ${table(tx, 'log_entry')} where event_id in (${chunk.map(() => '?').join(',')})`,
        chunk,
      );
      for (const row of rows) {
        known.set(row.e, { leafIndex: Number(row.i), eventId: row.e, leafHash: row.h, appended: false });
      }
    }
    const frontier = new Frontier(size, await storedNodes(tx).read(rangeNodes(0, size)));
    const entries: LogEntry[] = [];
    const nodes: LogNode[] = [];
    const results = drafts.map((draft) => {
      const seen = known.get(draft.eventId);
      if (seen) return seen;
      const leaf = leafHash(draft.entry);
      const leafIndex = frontier.size;
      for (const node of frontier.append(leaf)) {
        nodes.push({ level: node.level, nodeIndex: node.index, hash: node.hash.toString('hex') });
      }
      const appended = { leafIndex, eventId: draft.eventId, leafHash: leaf.toString('hex'), appended: true };
      entries.push({
        leafIndex,
        entry: draft.entry,
        leafHash: appended.leafHash,
        eventId: draft.eventId,
        appendedAt: now,
      });
      known.set(draft.eventId, { ...appended, appended: false });
      return appended;
    });
    for (let i = 0; i < entries.length; i += INSERT_CHUNK) {
      await tx.insertMany(LogEntry, entries.slice(i, i + INSERT_CHUNK));
    }
    for (let i = 0; i < nodes.length; i += INSERT_CHUNK) {
      await tx.insertMany(LogNode, nodes.slice(i, i + INSERT_CHUNK));
    }
    if (entries.length > 0) {
      await sql(tx).execute(
        `update ${table(tx, 'log_head')} set size = ? where id = 1`,
        [frontier.size],
        'run',
      );
    }
    return results;
  });
}

export interface StoredEntry {
  leafIndex: number;
  entry: string;
  leafHash: string;
  eventId: string;
}

type EntryRow = { i: number | string; entry: string; h: string; e: string };
const ENTRY_COLUMNS = 'leaf_index as i, entry, leaf_hash as h, event_id as e';
const stored = (row: EntryRow): StoredEntry => ({
  leafIndex: Number(row.i),
  entry: row.entry,
  leafHash: row.h,
  eventId: row.e,
});

/** Entries [from, to) in index order, at most `limit` (for browsing and for the checkpointer's re-hash). */
export async function entriesBetween(
  em: EntityManager,
  from: number,
  to: number,
  limit = 1000,
): Promise<StoredEntry[]> {
  if (to <= from) return [];
  const rows = await sql(em).execute<EntryRow[]>(
    `select ${ENTRY_COLUMNS} from ${table(em, 'log_entry')} where leaf_index >= ? and leaf_index < ? order by leaf_index limit ?`,
    [from, to, limit],
  );
  return rows.map(stored);
}

export async function entryAt(em: EntityManager, leafIndex: number): Promise<StoredEntry | null> {
  const rows = await sql(em).execute<EntryRow[]>(
    `select ${ENTRY_COLUMNS} from ${table(em, 'log_entry')} where leaf_index = ?`,
    [leafIndex],
  );
  return rows[0] ? stored(rows[0]) : null;
}

export async function entryForEvent(em: EntityManager, eventId: string): Promise<StoredEntry | null> {
  const rows = await sql(em).execute<EntryRow[]>(
    `select ${ENTRY_COLUMNS} from ${table(em, 'log_entry')} where event_id = ?`,
    [eventId],
  );
  return rows[0] ? stored(rows[0]) : null;
}
