import { analyzeAfterBulkLoad } from '@bianmin/kit';
/**
 * The licences domain's bulk path: many licences issued at once, each exactly as `issueLicence`
 * issues one — a number from the authority and the status-list sequence, positions in the
 * revocation and suspension lists, the credential built and signed (eddsa-jcs-2022) with the
 * issuer's current key, and its first history step — in INSERTs of 1,000 with one transaction per
 * batch. The status-list positions of the whole load are taken in one statement first. Used by
 * `@bianmin/sim` for a synthetic city's wallets.
 */
import type { Orm } from '@bianmin/kit';
import type { Holder } from '../modules/issuance/holder-directory.js';
import { startOfChinaDay } from '../modules/licence/civil-date.js';
import { Licence, LicenceStatusChange } from '../modules/licence/licence.entity.js';
import { issuedLicenceRows, type FieldValues } from '../modules/licence/licence.issue.js';
import { LicenceType } from '../modules/licence-type/licence-type.entity.js';
import { StatusList, StatusSequence } from '../modules/status-list/status-list.entity.js';
import { reserveStatusPositions } from '../modules/status-list/status-list.service.js';
import type { LicencesServices } from '../services.js';

/** Licences per transaction. */
export const BATCH = 1000;
/**
 * Rows per INSERT. A licence row is about 2 KB (its signed credential), and PostgreSQL parses a
 * statement of a few hundred KB far more slowly than several small ones: 1,000 licences took
 * 0.13 s in statements of 100 rows and 0.36–0.4 s in statements of 250–1,000 (SQLite: no
 * difference).
 */
const ROWS_PER_INSERT = 100;
/** The hour of the day (China time) a bulk-loaded licence is signed on its issue date. */
const ISSUE_HOUR = 9;

/** One licence to issue, as the issuing authority would from its own records. */
export interface BulkLicence {
  /** The licence's id (a UUID). */
  id: string;
  typeCode: string;
  holderPersonId: string;
  /** The holder as identity knows them. */
  holder: Holder;
  /** The type's own fields, by name; every name must be one of the type's. */
  fields: FieldValues;
  /** 颁证日期 (`YYYY-MM-DD`): also the day the credential is signed (09:00 China time). */
  issueDate: string;
  /** First valid day; the issue date by default. */
  validFrom?: string | null;
}

function checkFieldNames(type: LicenceType, licence: BulkLicence) {
  const known = new Set(type.fields.map((f) => f.name));
  const unknown = Object.keys(licence.fields).filter((name) => !known.has(name));
  if (unknown.length)
    throw new Error(`licence ${licence.id}: ${type.code} has no field ${unknown.join(', ')}`);
}

/**
 * Issue `licences` (source SEED: loaded, not issued by a person or an approval). The licence
 * types must be loaded (`seedLicences`). No `licences.licence.issued` events are recorded: the
 * licences were issued in the past, and announcing them now would have the evidence log record a
 * history that never passed through it.
 */
export async function loadLicences(
  orm: Orm,
  services: Pick<LicencesServices, 'keys' | 'publicUrl'>,
  licences: BulkLicence[],
): Promise<number> {
  const em = orm.em.fork();
  const types = new Map((await em.find(LicenceType, {})).map((t) => [t.code, t as LicenceType]));
  const first = await em.transactional((tx) => reserveStatusPositions(tx, licences.length, new Date()));
  // PostgreSQL writes one batch while this process signs the next.
  let writing: Promise<void> = Promise.resolve();
  for (let i = 0; i < licences.length; i += BATCH) {
    const rows = licences.slice(i, i + BATCH).map((licence, j) => {
      const type = types.get(licence.typeCode);
      if (!type) throw new Error(`licence type ${licence.typeCode} is not loaded: run seedLicences first`);
      checkFieldNames(type, licence);
      const at = new Date(Date.parse(startOfChinaDay(licence.issueDate)) + ISSUE_HOUR * 3_600_000);
      const request = {
        type,
        holderPersonId: licence.holderPersonId,
        holder: licence.holder,
        fields: licence.fields,
        issueDate: licence.issueDate,
        validFrom: licence.validFrom ?? null,
        source: 'SEED' as const,
        issuedBy: null,
      };
      return issuedLicenceRows(services, request, first + i + j, at, licence.id);
    });
    await writing;
    writing = orm.em.fork().transactional(async (tx) => {
      for (let j = 0; j < rows.length; j += ROWS_PER_INSERT) {
        const part = rows.slice(j, j + ROWS_PER_INSERT);
        await tx.insertMany(
          Licence,
          part.map((r) => r.licence),
        );
        await tx.insertMany(
          LicenceStatusChange,
          part.map((r) => r.history),
        );
      }
    });
  }
  await writing;
  await analyzeAfterBulkLoad(
    orm,
    [Licence, LicenceStatusChange, StatusSequence, StatusList].map((e) => e.meta.className),
  );
  return licences.length;
}
