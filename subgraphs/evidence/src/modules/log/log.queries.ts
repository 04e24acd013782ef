import type { EntityManager } from '@mikro-orm/core';
import { badInput, decodeCursor, pageSize, pick, toConnection, type Locale } from '@bianmin/kit';
import { latestCheckpoint } from '../checkpoint/checkpointer.js';
import { consistencyProof, inclusionProof } from '../merkle/prover.js';
import {
  entriesBetween,
  entryAt,
  entryForEvent,
  logSize,
  storedNodes,
  type StoredEntry,
} from './log.store.js';

/** An entry as the API shows it; `inclusionProof` is computed when asked for. */
export interface EntryView {
  index: number;
  entry: string;
  leafHash: string;
  treeSize: number;
}

const hex = (hashes: Buffer[]) => hashes.map((h) => h.toString('hex'));
const view = (row: StoredEntry, treeSize: number): EntryView => ({
  index: row.leafIndex,
  entry: row.entry,
  leafHash: row.leafHash,
  treeSize,
});

/** The tree size a proof is for: the one asked for (1 … log size), or the latest checkpoint's. */
async function proofTreeSize(em: EntityManager, treeSize: number | null | undefined, locale: Locale) {
  if (treeSize == null) {
    const checkpoint = await latestCheckpoint(em);
    if (!checkpoint) {
      throw badInput(
        pick(locale, {
          zh: '存证日志尚未签发检查点，请指定 treeSize',
          en: 'The log has not signed a checkpoint yet: pass treeSize.',
        }),
        'treeSize',
      );
    }
    return checkpoint.treeSize;
  }
  const size = await logSize(em);
  if (treeSize < 1 || treeSize > size) {
    throw badInput(
      pick(locale, {
        zh: `treeSize 须在 1 到 ${size} 之间`,
        en: `treeSize must be between 1 and the log's size (${size}).`,
      }),
      'treeSize',
    );
  }
  return treeSize;
}

export async function entryWithProof(
  em: EntityManager,
  index: number,
  treeSize: number | null | undefined,
  locale: Locale,
): Promise<EntryView> {
  if (index < 0) {
    throw badInput(pick(locale, { zh: 'index 不能为负数', en: 'index must not be negative.' }), 'index');
  }
  const size = await proofTreeSize(em, treeSize, locale);
  if (index >= size) {
    throw badInput(
      pick(locale, {
        zh: `index 须小于树的大小 ${size}`,
        en: `index must be below the tree size (${size}).`,
      }),
      'index',
    );
  }
  const row = await entryAt(em, index);
  if (!row) throw new Error(`entry ${index} is missing below the log's size`);
  return view(row, size);
}

/** The entry recording `eventId`, if it is in the tree of the size asked for. */
export async function entryOfEvent(
  em: EntityManager,
  eventId: string,
  treeSize: number | null | undefined,
  locale: Locale,
): Promise<EntryView | null> {
  if (eventId.length === 0 || eventId.length > 64) {
    throw badInput(pick(locale, { zh: 'eventId 格式不正确', en: 'eventId is not valid.' }), 'eventId');
  }
  const size = await proofTreeSize(em, treeSize, locale);
  const row = await entryForEvent(em, eventId);
  return row && row.leafIndex < size ? view(row, size) : null;
}

export async function entryInclusionProof(em: EntityManager, entry: EntryView): Promise<string[]> {
  return hex(await inclusionProof(storedNodes(em), entry.index, entry.treeSize));
}

export async function consistencyBetween(
  em: EntityManager,
  fromSize: number,
  toSize: number,
  locale: Locale,
) {
  if (fromSize < 0) {
    throw badInput(
      pick(locale, { zh: 'fromSize 不能为负数', en: 'fromSize must not be negative.' }),
      'fromSize',
    );
  }
  if (fromSize > toSize) {
    throw badInput(
      pick(locale, { zh: 'fromSize 不能大于 toSize', en: 'fromSize must not be above toSize.' }),
      'fromSize',
    );
  }
  const size = await logSize(em);
  if (toSize > size) {
    throw badInput(
      pick(locale, {
        zh: `toSize 不能超过日志大小 ${size}`,
        en: `toSize must not be beyond the log's size (${size}).`,
      }),
      'toSize',
    );
  }
  return { fromSize, toSize, proof: hex(await consistencyProof(storedNodes(em), fromSize, toSize)) };
}

/** Entries covered by the latest checkpoint, oldest first; the cursor's offset is the index. */
export async function browseEntries(
  em: EntityManager,
  args: { first?: number | null; after?: string | null },
) {
  const first = pageSize(args.first);
  const from = decodeCursor(args.after);
  const total = (await latestCheckpoint(em))?.treeSize ?? 0;
  const rows = await entriesBetween(em, from, Math.min(total, from + first), first);
  return toConnection(
    rows.map((row) => view(row, total)),
    from,
    total,
  );
}
