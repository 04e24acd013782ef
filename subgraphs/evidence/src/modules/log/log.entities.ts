import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * 日志条目 — one leaf of the log. `leafIndex` is dense from 0 and assigned under the head's
 * lock; `entry` is the RFC 8785 canonical JSON that was hashed, kept verbatim so anyone can
 * recompute `leafHash` = SHA-256(0x00 || entry). `eventId` is unique: one source event, one leaf.
 */
export const LogEntry = defineEntity({
  name: 'LogEntry',
  tableName: 'log_entry',
  properties: {
    leafIndex: p.integer().primary().autoincrement(false),
    entry: p.text(),
    /** Lowercase hex. */
    leafHash: p.string().length(64),
    eventId: p.string().length(64).unique(),
    /** When it was appended (not part of the leaf: the entry's own `occurredAt` is). */
    appendedAt: p.datetime(),
  },
});
export type LogEntry = InferEntity<typeof LogEntry>;

/**
 * 子树哈希 — the hash of a complete subtree above the leaves: level L, index i covers leaves
 * [i·2^L, (i+1)·2^L). Written as the append that completes it commits, never changed after,
 * so a root or proof for any size needs O(log n) point reads.
 */
export const LogNode = defineEntity({
  name: 'LogNode',
  tableName: 'log_node',
  properties: {
    level: p.integer().primary().autoincrement(false),
    nodeIndex: p.integer().primary().autoincrement(false),
    hash: p.string().length(64),
  },
});
export type LogNode = InferEntity<typeof LogNode>;

/**
 * The log's head: one row (id 1, inserted by the first migration) holding the size. Every
 * append locks it first, so appends are serialised across instances and no index is given twice.
 */
export const LogHead = defineEntity({
  name: 'LogHead',
  tableName: 'log_head',
  properties: {
    id: p.integer().primary().autoincrement(false),
    size: p.integer(),
  },
});
export type LogHead = InferEntity<typeof LogHead>;

export const logEntities = [LogEntry, LogNode, LogHead];
