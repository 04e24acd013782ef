import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { badInput, decodeCursor, pageSize, toConnection, type Viewer } from '@bianmin/kit';
import { chinaDate } from './civil-date.js';
import { canManage } from './licence.access.js';
import { Licence, type LicenceStatus } from './licence.entity.js';

/** What a reader sees as the status: a valid licence past its last day (China time) is EXPIRED. */
export type DisplayStatus = LicenceStatus | 'EXPIRED';

export function displayStatus(licence: Pick<Licence, 'status' | 'validUntil'>, now: number): DisplayStatus {
  if (licence.status === 'VALID' && licence.validUntil && licence.validUntil < chinaDate(now))
    return 'EXPIRED';
  return licence.status;
}

const TYPE_CODE = /^[A-Z][A-Z0-9_]{1,47}$/;

function checkTypeCodes(codes: readonly string[] | null | undefined, field: string): string[] | null {
  if (codes == null) return null;
  if (codes.length > 50) throw badInput('At most 50 type codes.', field);
  for (const code of codes)
    if (!TYPE_CODE.test(code)) throw badInput(`"${code}" is not a licence type code.`, field);
  return [...codes];
}

/** The signed-in person's licences, newest first. */
export async function myLicences(
  em: EntityManager,
  viewer: Viewer,
  args: { typeCodes?: string[] | null; first?: number | null; after?: string | null },
) {
  const limit = pageSize(args.first);
  const offset = decodeCursor(args.after);
  const typeCodes = checkTypeCodes(args.typeCodes, 'typeCodes');
  if (!viewer.personId) return toConnection([], 0, 0);
  const where: FilterQuery<Licence> = { holderPersonId: viewer.personId };
  if (typeCodes) where.typeCode = { $in: typeCodes };
  const [rows, total] = await em.findAndCount(Licence, where, {
    orderBy: { createdAt: 'desc', id: 'asc' },
    limit,
    offset,
  });
  return toConnection(rows, offset, total);
}

/** One licence for its holder or for staff who manage its authority's licences; null for anyone else. */
export async function licenceFor(em: EntityManager, viewer: Viewer, id: string): Promise<Licence | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const licence = await em.findOne(Licence, { id });
  if (!licence) return null;
  return viewer.personId === licence.holderPersonId || canManage(viewer, licence.issuerCode) ? licence : null;
}

/** A licence as affairs needs it to fill a material or check a rule. */
export interface HeldLicence {
  licenceId: string;
  typeCode: string;
  status: DisplayStatus;
  validUntil: string | null;
}

/** The signed-in person's licences of these types, every status (a rule must be able to say "expired"). */
export async function licencesOfHolder(
  em: EntityManager,
  viewer: Viewer,
  typeCodes: string[],
  now: number,
): Promise<HeldLicence[]> {
  const codes = checkTypeCodes(typeCodes, 'typeCodes')!;
  if (!viewer.personId || codes.length === 0) return [];
  const rows = await em.find(
    Licence,
    { holderPersonId: viewer.personId, typeCode: { $in: codes } },
    { orderBy: { createdAt: 'desc' }, limit: 200 },
  );
  return rows.map((l) => ({
    licenceId: l.id,
    typeCode: l.typeCode,
    status: displayStatus(l, now),
    validUntil: l.validUntil ?? null,
  }));
}

export interface IssuedFilter {
  typeCode?: string | null;
  status?: DisplayStatus | null;
  holderPersonId?: string | null;
  /** Administrators: one authority; staff always see their own. */
  issuerCode?: string | null;
}

/** 证照管理 — licences of the caller's authority (all authorities for administrators), newest first. */
export async function issuedLicences(
  em: EntityManager,
  viewer: Viewer,
  args: { filter?: IssuedFilter | null; first?: number | null; after?: string | null },
  now: number,
) {
  const limit = pageSize(args.first);
  const offset = decodeCursor(args.after);
  const filter = args.filter ?? {};
  const admin = viewer.roles.includes('administrator') && viewer.mfa === true;
  const issuerCode = admin ? (filter.issuerCode ?? null) : (viewer.department ?? null);
  if (!admin && (!issuerCode || !canManage(viewer, issuerCode))) return null;
  const where: FilterQuery<Licence> = {};
  if (issuerCode) where.issuerCode = issuerCode;
  if (filter.typeCode) where.typeCode = filter.typeCode;
  if (filter.holderPersonId) where.holderPersonId = filter.holderPersonId;
  const today = chinaDate(now);
  if (filter.status === 'EXPIRED') Object.assign(where, { status: 'VALID', validUntil: { $lt: today } });
  else if (filter.status === 'VALID')
    Object.assign(where, { status: 'VALID', $or: [{ validUntil: null }, { validUntil: { $gte: today } }] });
  else if (filter.status) where.status = filter.status;
  const [rows, total] = await em.findAndCount(Licence, where, {
    orderBy: { createdAt: 'desc', id: 'asc' },
    limit,
    offset,
  });
  return toConnection(rows, offset, total);
}
