import type { EvidenceContext } from '../context.js';
import { latestCheckpoint } from '../modules/checkpoint/checkpointer.js';
import type { LogKeys } from '../modules/checkpoint/log-keys.js';
import {
  browseEntries,
  consistencyBetween,
  entryInclusionProof,
  entryOfEvent,
  entryWithProof,
  type EntryView,
} from '../modules/log/log.queries.js';

type Args<T> = T & Record<string, unknown>;

/** Thin resolvers: the log's queries live in modules/log, the keys come from the deps. */
export function createResolvers(keys: LogKeys) {
  return {
    Query: {
      evidenceCheckpoint: async (_: unknown, __: unknown, ctx: EvidenceContext) => {
        const checkpoint = await latestCheckpoint(ctx.em);
        if (!checkpoint) return null;
        return {
          treeSize: checkpoint.treeSize,
          rootHash: checkpoint.rootHash,
          signedNote: checkpoint.note,
          // The note's first line; clients verify the note itself with the log's key.
          origin: checkpoint.note.slice(0, checkpoint.note.indexOf('\n')),
          createdAt: checkpoint.createdAt.toISOString(),
        };
      },
      evidenceEntry: (
        _: unknown,
        args: Args<{ index: number; treeSize?: number | null }>,
        ctx: EvidenceContext,
      ) => entryWithProof(ctx.em, args.index, args.treeSize, ctx.locale),
      evidenceEntryForEvent: (
        _: unknown,
        args: Args<{ eventId: string; treeSize?: number | null }>,
        ctx: EvidenceContext,
      ) => entryOfEvent(ctx.em, args.eventId, args.treeSize, ctx.locale),
      evidenceConsistency: (
        _: unknown,
        args: Args<{ fromSize: number; toSize: number }>,
        ctx: EvidenceContext,
      ) => consistencyBetween(ctx.em, args.fromSize, args.toSize, ctx.locale),
      evidenceLogKeys: () => ({
        origin: keys.origin,
        verifierKey: keys.current.vkey,
        publicKey: keys.current.publicKey.toString('hex'),
        algorithm: 'Ed25519',
        previousVerifierKeys: keys.previous.map((v) => v.vkey),
      }),
      evidenceEntries: (
        _: unknown,
        args: Args<{ first?: number | null; after?: string | null }>,
        ctx: EvidenceContext,
      ) => browseEntries(ctx.em, args),
    },
    EvidenceEntry: {
      inclusionProof: (entry: EntryView, _: unknown, ctx: EvidenceContext) =>
        entryInclusionProof(ctx.em, entry),
    },
  };
}
