import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { fail, ok, pick, recordEvent, type Failure, type Locale, type Viewer } from '@bianmin/kit';
import { signDocument } from '../credential/data-integrity.js';
import { licenceCredential } from '../credential/licence-credential.js';
import type { Holder } from '../issuance/holder-directory.js';
import { LicenceType } from '../licence-type/licence-type.entity.js';
import type { LicenceFieldSpec } from '../licence-type/licence-type.model.js';
import { reserveStatusPositions, statusEntriesOf } from '../status-list/status-list.service.js';
import type { LicencesServices } from '../../services.js';
import { addPeriod, chinaDate, isCivilDate, validUntilFor } from './civil-date.js';
import { canManage } from './licence.access.js';
import { Licence, LicenceStatusChange, type LicenceSource, type LicenceStatus } from './licence.entity.js';

export type FieldValues = Record<string, string | number | boolean>;

/** The payload of every `licences.licence.*` event (the evidence log consumes them). */
export interface LicenceEventPayload {
  licenceId: string;
  typeCode: string;
  holderPersonId: string;
  issuerCode: string;
  status: LicenceStatus;
  reason?: string;
  at: string;
}

export async function recordLicenceEvent(
  tx: EntityManager,
  what: 'issued' | 'revoked' | 'suspended' | 'reinstated',
  licence: Pick<Licence, 'id' | 'typeCode' | 'holderPersonId' | 'issuerCode'>,
  status: LicenceStatus,
  at: Date,
  reason: string | null,
  requestId: string | null,
) {
  const payload: LicenceEventPayload = {
    licenceId: licence.id,
    typeCode: licence.typeCode,
    holderPersonId: licence.holderPersonId,
    issuerCode: licence.issuerCode,
    status,
    ...(reason ? { reason } : {}),
    at: at.toISOString(),
  };
  await recordEvent(tx, {
    topic: `licences.licence.${what}`,
    key: licence.id,
    payload,
    headers: requestId ? { requestId } : {},
  });
}

export interface IssueRequest {
  type: LicenceType;
  holderPersonId: string;
  holder: Holder;
  fields: FieldValues;
  /** First valid day; the issue date by default. */
  validFrom?: string | null;
  /** 颁证日期 when it is not today (demo data of licences issued years ago). */
  issueDate?: string | null;
  source: LicenceSource;
  sourceApplicationId?: string | null;
  /** The staff account, or null for the system. */
  issuedBy: string | null;
  requestId?: string | null;
}

/**
 * The rows of one licence issued at `at` with status-list position `sequence`: its credential
 * built and signed with the current key, and its first history step. Pure apart from the
 * signature; `issueInTransaction` and the bulk path both store what it returns.
 */
export function issuedLicenceRows(
  services: Pick<LicencesServices, 'keys' | 'publicUrl'>,
  request: IssueRequest,
  sequence: number,
  at: Date,
  id: string = randomUUID(),
): { licence: Licence; history: LicenceStatusChange } {
  const entries = statusEntriesOf(sequence);
  const issueDate = request.issueDate ?? chinaDate(at.getTime());
  const validFrom = request.validFrom ?? issueDate;
  const validUntil = validUntilFor(request.type.validity, validFrom, request.holder.dateOfBirth);
  const number = `${request.type.authorityCode}${issueDate.slice(0, 4)}${String(sequence + 1).padStart(9, '0')}`;
  const unsigned = licenceCredential(
    {
      id,
      typeCode: request.type.code,
      name: request.type.nameZh,
      number,
      holder: request.holder,
      issuer: { code: request.type.authorityCode, name: request.type.authorityNameZh },
      issueDate,
      validFrom,
      validUntil,
      fields: request.fields,
    },
    services.keys.did,
    services.publicUrl,
    entries,
  );
  const signer = services.keys.signingKey();
  const credential = signDocument(
    unsigned,
    { verificationMethod: signer.verificationMethod, created: at.toISOString().replace(/\.\d{3}Z$/, 'Z') },
    signer.privateKey,
  );
  const revocation = entries.find((e) => e.purpose === 'revocation')!;
  const suspension = entries.find((e) => e.purpose === 'suspension')!;
  return {
    licence: {
      id,
      typeCode: request.type.code,
      name: request.type.nameZh,
      number,
      holderPersonId: request.holderPersonId,
      holderName: request.holder.name,
      holderIdType: request.holder.idType,
      holderIdNumber: request.holder.idNumber,
      holderDateOfBirth: request.holder.dateOfBirth,
      issuerCode: request.type.authorityCode,
      issuerName: request.type.authorityNameZh,
      issueDate,
      validFrom,
      validUntil,
      fields: request.fields,
      status: 'VALID',
      statusReason: null,
      statusChangedAt: null,
      credential: JSON.stringify(credential),
      revocationList: revocation.listNumber,
      revocationIndex: revocation.index,
      suspensionList: suspension.listNumber,
      suspensionIndex: suspension.index,
      source: request.source,
      sourceApplicationId: request.sourceApplicationId ?? null,
      issuedBy: request.issuedBy,
      createdAt: at,
      version: 1,
    },
    history: {
      id: randomUUID(),
      licenceId: id,
      seq: 1,
      action: 'ISSUE',
      fromStatus: null,
      toStatus: 'VALID',
      reason: null,
      actorAccountId: request.issuedBy,
      actorKind: request.issuedBy ? 'STAFF' : 'SYSTEM',
      at,
      requestId: request.requestId ?? null,
    },
  };
}

/**
 * Issue one licence inside the caller's transaction: take its status-list positions, build and
 * sign its credential with the current key, store it with its first history step, and record the
 * `licences.licence.issued` event — all or nothing.
 */
export async function issueInTransaction(
  tx: EntityManager,
  services: LicencesServices,
  request: IssueRequest,
): Promise<Licence> {
  const at = new Date(services.now());
  const sequence = await reserveStatusPositions(tx, 1, at);
  const { licence, history } = issuedLicenceRows(services, request, sequence, at);
  await tx.insert(Licence, licence);
  await tx.insert(LicenceStatusChange, history);
  await recordLicenceEvent(tx, 'issued', licence, 'VALID', at, null, request.requestId ?? null);
  return licence;
}

const MAX_FIELD_CHARS = 500;

/** Check the type's own fields: known names, values of the right kind. */
export function checkFields(
  specs: LicenceFieldSpec[],
  input: { name: string; value: string }[],
  locale: Locale,
): { ok: true; fields: FieldValues } | Failure {
  const fields: FieldValues = {};
  for (const [i, { name, value }] of input.entries()) {
    const where = `input.fields.${i}.value`;
    const spec = specs.find((s) => s.name === name);
    if (!spec)
      return fail(
        'BAD_USER_INPUT',
        pick(locale, {
          zh: `该证照类型没有字段「${name}」，可用字段：${specs.map((s) => s.name).join('、') || '无'}`,
          en: `This licence type has no field "${name}"; its fields: ${specs.map((s) => s.name).join(', ') || 'none'}.`,
        }),
        `input.fields.${i}.name`,
      );
    if (name in fields)
      return fail(
        'BAD_USER_INPUT',
        pick(locale, { zh: `字段「${name}」重复`, en: `Field "${name}" is given twice.` }),
        `input.fields.${i}.name`,
      );
    const text = value.trim();
    if (text.length === 0 || text.length > MAX_FIELD_CHARS)
      return fail(
        'BAD_USER_INPUT',
        pick(locale, {
          zh: `「${spec.label.zh}」须为 1–${MAX_FIELD_CHARS} 个字符`,
          en: `"${spec.label.en}" must be 1–${MAX_FIELD_CHARS} characters.`,
        }),
        where,
      );
    if (spec.kind === 'DATE' && !isCivilDate(text))
      return fail(
        'BAD_USER_INPUT',
        pick(locale, {
          zh: `「${spec.label.zh}」须为日期 YYYY-MM-DD`,
          en: `"${spec.label.en}" must be a date, YYYY-MM-DD.`,
        }),
        where,
      );
    if (spec.kind === 'NUMBER' && !/^-?\d+(\.\d+)?$/.test(text))
      return fail(
        'BAD_USER_INPUT',
        pick(locale, { zh: `「${spec.label.zh}」须为数字`, en: `"${spec.label.en}" must be a number.` }),
        where,
      );
    if (spec.kind === 'BOOLEAN' && text !== 'true' && text !== 'false')
      return fail(
        'BAD_USER_INPUT',
        pick(locale, {
          zh: `「${spec.label.zh}」须为 true 或 false`,
          en: `"${spec.label.en}" must be true or false.`,
        }),
        where,
      );
    fields[name] = spec.kind === 'NUMBER' ? Number(text) : spec.kind === 'BOOLEAN' ? text === 'true' : text;
  }
  return { ok: true, fields };
}

export interface IssueLicenceInput {
  typeCode: string;
  holderPersonId: string;
  fields?: { name: string; value: string }[] | null;
  validFrom?: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `issueLicence`: staff of the issuing authority (`licence-issuer`) or an administrator. */
export async function issueLicence(
  em: EntityManager,
  services: LicencesServices,
  viewer: Viewer,
  input: IssueLicenceInput,
  locale: Locale,
  requestId: string,
) {
  const type = await em.findOne(LicenceType, { code: input.typeCode });
  if (!type)
    return fail(
      'NOT_FOUND',
      pick(locale, {
        zh: `没有证照类型 ${input.typeCode}`,
        en: `There is no licence type ${input.typeCode}.`,
      }),
      'input.typeCode',
    );
  if (!canManage(viewer, type.authorityCode))
    return fail(
      'FORBIDDEN',
      pick(locale, {
        zh: `只有${type.authorityNameZh}的证照签发人员可以签发${type.nameZh}`,
        en: `Only licence issuers of ${type.authorityNameEn} may issue a ${type.nameEn}.`,
      }),
    );
  if (!UUID.test(input.holderPersonId))
    return fail(
      'BAD_USER_INPUT',
      pick(locale, { zh: '持证人编号格式不正确', en: 'The holder id is not valid.' }),
      'input.holderPersonId',
    );
  const today = chinaDate(services.now());
  if (
    input.validFrom != null &&
    (!isCivilDate(input.validFrom) ||
      input.validFrom < addPeriod(today, -50) ||
      input.validFrom > addPeriod(today, 1))
  )
    return fail(
      'BAD_USER_INPUT',
      pick(locale, {
        zh: '有效期起始日须为日期 YYYY-MM-DD，且不早于 50 年前、不晚于一年后',
        en: 'validFrom must be a date (YYYY-MM-DD) within the last 50 years and at most a year ahead.',
      }),
      'input.validFrom',
    );
  const fields = checkFields(type.fields, input.fields ?? [], locale);
  if (!fields.ok) return fields;
  const lookup = await services.holders.holderOf(input.holderPersonId);
  if (!lookup.ok)
    return fail(
      'UNAVAILABLE',
      pick(locale, {
        zh: '暂时无法从身份服务读取持证人信息，请稍后重试',
        en: 'The holder cannot be read from identity right now; try again later.',
      }),
    );
  if (!lookup.holder)
    return fail(
      'NOT_FOUND',
      pick(locale, { zh: '没有这个人', en: 'There is no such person.' }),
      'input.holderPersonId',
    );
  const holder = lookup.holder;
  const licence = await em.transactional((tx) =>
    issueInTransaction(tx, services, {
      type,
      holderPersonId: input.holderPersonId,
      holder,
      fields: fields.fields,
      validFrom: input.validFrom ?? null,
      source: 'STAFF',
      issuedBy: viewer.accountId,
      requestId,
    }),
  );
  return ok({ licence });
}
