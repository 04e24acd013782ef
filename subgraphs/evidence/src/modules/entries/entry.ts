import { createHash } from 'node:crypto';
import { z } from 'zod';
import { topicMatches } from '@bianmin/kit';
import { canonicalJson } from '../canonical/jcs.js';

/** The entry format's version; a change to what an entry holds is a new `v`. */
export const ENTRY_VERSION = 1;

/**
 * One log entry. Digests and codes, never personal data: the person is a pseudonym (`subject`,
 * an HMAC under a per-person secret that erasure deletes) and the event's payload is only a
 * SHA-256 `digest` of its canonical JSON, which whoever holds the event can recompute.
 */
export interface EvidenceEntryBody {
  v: typeof ENTRY_VERSION;
  /** The producing domain: the topic's first token. */
  source: string;
  /** The event's topic, e.g. `affairs.application.approve`. */
  type: string;
  /** The source event's id (the producer's outbox id): each appears in the log once. */
  eventId: string;
  /** When the producer recorded the event (ISO 8601). */
  occurredAt: string;
  /** Codes from the catalogue and the workflows (item, department, states…), per `type`. */
  codes: Record<string, string | null>;
  /** HMAC-SHA256(person secret, personId) in hex; null when the event concerns no person. */
  subject: string | null;
  /** SHA-256 (hex) of the RFC 8785 canonical JSON of the whole event payload; null for erasures. */
  digest: string | null;
}

/**
 * A code: a short identifier from a catalogue or a state machine (`MZ`, `GA-001`, `APPROVED`,
 * `idNumber`). Anything longer or with other characters is refused, so that free text (names,
 * comments, addresses) cannot reach an entry through a code field by mistake.
 */
export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
const code = z.string().regex(CODE_PATTERN);
const personId = z.string().min(1).max(64);

/** What the log reads from one kind of event: whom it concerns and which codes it keeps. */
export interface SourceReading {
  personId: string | null;
  codes: Record<string, string | null>;
}

interface SourceReader {
  /** A NATS-style pattern (`>` = the rest) of the topics this reader understands. */
  topics: string;
  read(payload: unknown): SourceReading;
}

/**
 * Tolerant readers (zod objects drop what they do not name): a producer may add fields without
 * breaking the log, and the digest still covers the whole payload.
 */
export const SOURCE_READERS: readonly SourceReader[] = [
  {
    // affairs/src/modules/application/application.commit.ts: ApplicationStepEvent
    topics: 'affairs.application.>',
    read(payload) {
      const p = z
        .object({
          personId,
          itemCode: code,
          departmentCode: code,
          action: code,
          fromState: code.nullable(),
          toState: code,
          actorKind: code,
        })
        .parse(payload);
      return {
        personId: p.personId,
        codes: {
          itemCode: p.itemCode,
          departmentCode: p.departmentCode,
          fromState: p.fromState,
          toState: p.toState,
          actorKind: p.actorKind,
          action: p.action,
        },
      };
    },
  },
  {
    topics: 'identity.personal-data.revealed',
    read(payload) {
      const p = z
        .object({
          personId,
          field: code,
          purposeKind: code,
          accessorDepartment: code.nullable().default(null),
        })
        .parse(payload);
      return {
        personId: p.personId,
        codes: { field: p.field, purposeKind: p.purposeKind, accessorDepartment: p.accessorDepartment },
      };
    },
  },
  {
    topics: 'licences.licence.>',
    read(payload) {
      const p = z
        .object({ holderPersonId: personId, typeCode: code, issuerCode: code, status: code })
        .parse(payload);
      return {
        personId: p.holderPersonId,
        codes: { typeCode: p.typeCode, issuerCode: p.issuerCode, status: p.status },
      };
    },
  },
  {
    topics: 'identity.person.erased',
    read(payload) {
      return { personId: z.object({ personId }).parse(payload).personId, codes: {} };
    },
  },
];

export function readerFor(topic: string): SourceReader | null {
  return SOURCE_READERS.find((r) => topicMatches(r.topics, topic)) ?? null;
}

/** SHA-256 (hex) of the payload's canonical JSON. Throws for payloads outside the JCS subset (floats). */
export function payloadDigest(payload: unknown): string {
  return createHash('sha256').update(canonicalJson(payload), 'utf8').digest('hex');
}

/** The entry's canonical JSON text: the bytes its leaf hash covers. */
export function entryText(body: EvidenceEntryBody): string {
  return canonicalJson(body);
}
