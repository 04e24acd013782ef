import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { decodeCursor, fail, ok, pageSize, pick, toConnection, type Locale, type Viewer } from '@bianmin/kit';
import { Licence } from '../licence/licence.entity.js';
import { displayStatus } from '../licence/licence.read.js';
import type { LicencesServices } from '../../services.js';
import { DISCLOSABLE_CLAIMS, disclosureCredential, type DisclosableClaim } from './disclosure.js';
import { LicenceGrant, LicenceGrantUse } from './grant.entity.js';

export interface GrantInput {
  licenceId: string;
  grantee: { departmentCode?: string | null; apiClientId?: string | null };
  purpose: string;
  validUntil: string;
  disclose?: string[] | null;
}

const MAX_GRANT_DAYS = 366;
const UUID = /^[0-9a-f-]{36}$/i;

/** `grantLicenceAccess`: the holder lets one department or partner client read one licence. */
export async function grantLicenceAccess(
  em: EntityManager,
  services: LicencesServices,
  viewer: Viewer,
  input: GrantInput,
  locale: Locale,
) {
  const licence = UUID.test(input.licenceId) ? await em.findOne(Licence, { id: input.licenceId }) : null;
  if (!licence || !viewer.personId || licence.holderPersonId !== viewer.personId)
    return fail(
      'NOT_FOUND',
      pick(locale, { zh: '没有这张证照', en: 'There is no such licence.' }),
      'licenceId',
    );
  const department = input.grantee.departmentCode?.trim().toUpperCase() || null;
  const client = input.grantee.apiClientId?.trim() || null;
  if (Boolean(department) === Boolean(client))
    return fail(
      'BAD_USER_INPUT',
      pick(locale, {
        zh: '请指定一个被授权方：部门或接入应用，二选一',
        en: 'Name exactly one grantee: a department or an API client.',
      }),
      'grantee',
    );
  if (department && !/^[A-Z]{2,4}$/.test(department))
    return fail(
      'BAD_USER_INPUT',
      pick(locale, { zh: '部门代码格式不正确', en: 'Not a department code.' }),
      'grantee.departmentCode',
    );
  if (department) {
    const known = await services.grantees.department(department);
    if (known === 'UNAVAILABLE')
      return fail(
        'UNAVAILABLE',
        pick(locale, {
          zh: '暂时无法核对部门，请稍后再试',
          en: 'Departments cannot be checked right now. Try again later.',
        }),
        'grantee.departmentCode',
      );
    if (known === 'NOT_A_DEPARTMENT')
      return fail(
        'NOT_FOUND',
        pick(locale, { zh: `没有代码为 ${department} 的部门`, en: `There is no department ${department}.` }),
        'grantee.departmentCode',
      );
  }
  if (client && !/^pc_[A-Za-z0-9_-]{8,40}$/.test(client))
    return fail(
      'BAD_USER_INPUT',
      pick(locale, { zh: '接入应用编号格式不正确', en: 'Not an API client id.' }),
      'grantee.apiClientId',
    );
  const purpose = input.purpose.trim();
  if (purpose.length < 1 || purpose.length > 200)
    return fail(
      'BAD_USER_INPUT',
      pick(locale, { zh: '用途须为 1–200 个字符', en: 'The purpose must be 1–200 characters.' }),
      'purpose',
    );
  const until = Date.parse(input.validUntil);
  const now = services.now();
  if (
    !/^\d{4}-\d{2}-\d{2}T/.test(input.validUntil) ||
    Number.isNaN(until) ||
    until <= now ||
    until > now + MAX_GRANT_DAYS * 86_400_000
  )
    return fail(
      'BAD_USER_INPUT',
      pick(locale, {
        zh: '授权截止时间须为将来的时间（ISO 8601），且不超过一年',
        en: 'validUntil must be a future time (ISO 8601) at most a year ahead.',
      }),
      'validUntil',
    );
  let disclose: DisclosableClaim[] | null = null;
  if (input.disclose != null) {
    const unknown = input.disclose.find((c) => !(DISCLOSABLE_CLAIMS as readonly string[]).includes(c));
    if (unknown || input.disclose.length === 0)
      return fail(
        'BAD_USER_INPUT',
        pick(locale, {
          zh: `可披露的内容：${DISCLOSABLE_CLAIMS.join('、')}`,
          en: `Claims that can be disclosed: ${DISCLOSABLE_CLAIMS.join(', ')}.`,
        }),
        'disclose',
      );
    disclose = [...new Set(input.disclose as DisclosableClaim[])];
  }
  if (displayStatus(licence, now) !== 'VALID')
    return fail(
      'CONFLICT',
      pick(locale, { zh: '只有有效的证照可以授权他人使用', en: 'Only a valid licence can be shared.' }),
      'licenceId',
    );
  const grant = {
    id: randomUUID(),
    licenceId: licence.id,
    holderPersonId: licence.holderPersonId,
    granteeKind: department ? ('DEPARTMENT' as const) : ('API_CLIENT' as const),
    granteeId: (department ?? client)!,
    purpose,
    disclose,
    validUntil: new Date(until),
    createdAt: new Date(now),
    revokedAt: null,
  };
  await em.insert(LicenceGrant, grant);
  return ok({ grant });
}

/** `revokeLicenceGrant`: the holder withdraws a grant; it refuses every later use. */
export async function revokeLicenceGrant(
  em: EntityManager,
  services: LicencesServices,
  viewer: Viewer,
  id: string,
  locale: Locale,
) {
  const grant = UUID.test(id) ? await em.findOne(LicenceGrant, { id }) : null;
  if (!grant || grant.holderPersonId !== viewer.personId)
    return fail('NOT_FOUND', pick(locale, { zh: '没有这项授权', en: 'There is no such grant.' }), 'id');
  const updated = await em.nativeUpdate(
    LicenceGrant,
    { id, revokedAt: null },
    { revokedAt: new Date(services.now()) },
  );
  if (updated === 0)
    return fail(
      'CONFLICT',
      pick(locale, { zh: '这项授权已撤回', en: 'The grant is already revoked.' }),
      'id',
    );
  return ok({ grant: await em.fork().findOneOrFail(LicenceGrant, { id }) });
}

export async function myLicenceGrants(
  em: EntityManager,
  viewer: Viewer,
  args: { licenceId?: string | null; first?: number | null; after?: string | null },
) {
  const limit = pageSize(args.first);
  const offset = decodeCursor(args.after);
  if (!viewer.personId) return toConnection([], 0, 0);
  const [rows, total] = await em.findAndCount(
    LicenceGrant,
    { holderPersonId: viewer.personId, ...(args.licenceId ? { licenceId: args.licenceId } : {}) },
    { orderBy: { createdAt: 'desc', id: 'asc' }, limit, offset },
  );
  return toConnection(rows, offset, total);
}

const STAFF_ROLES = ['department-staff', 'supervisor', 'licence-issuer'];

function granteeMatches(viewer: Viewer, grant: LicenceGrant): boolean {
  if (grant.granteeKind === 'API_CLIENT')
    return Boolean(viewer.clientId) && !viewer.accountId && viewer.clientId === grant.granteeId;
  return (
    Boolean(viewer.accountId) &&
    viewer.department === grant.granteeId &&
    viewer.roles.some((r) => STAFF_ROLES.includes(r))
  );
}

/**
 * `sharedLicence`: the grantee reads the licence (or the disclosure the grant allows). Each read is
 * logged, in a transaction, before anything is returned: no log, no data.
 */
export async function sharedLicence(
  em: EntityManager,
  services: LicencesServices,
  viewer: Viewer,
  grantId: string,
  locale: Locale,
  requestId: string,
) {
  const grant = UUID.test(grantId) ? await em.findOne(LicenceGrant, { id: grantId }) : null;
  if (!grant || !granteeMatches(viewer, grant))
    return fail(
      'NOT_FOUND',
      pick(locale, { zh: '没有授予你的这项授权', en: 'There is no such grant for you.' }),
      'grantId',
    );
  const now = services.now();
  if (grant.revokedAt)
    return fail(
      'FORBIDDEN',
      pick(locale, { zh: '持证人已撤回这项授权', en: 'The holder has revoked this grant.' }),
      'grantId',
    );
  if (grant.validUntil.getTime() <= now)
    return fail(
      'FORBIDDEN',
      pick(locale, {
        zh: `这项授权已于 ${grant.validUntil.toISOString()} 到期`,
        en: `This grant expired at ${grant.validUntil.toISOString()}.`,
      }),
      'grantId',
    );
  const licence = await em.findOneOrFail(Licence, { id: grant.licenceId });
  const use = {
    id: randomUUID(),
    grantId: grant.id,
    at: new Date(now),
    byAccountId: viewer.accountId ?? null,
    byClientId: viewer.accountId ? null : (viewer.clientId ?? null),
    byLabel:
      grant.granteeKind === 'DEPARTMENT'
        ? `${grant.granteeId} ${viewer.roles.filter((r) => STAFF_ROLES.includes(r)).join('/')}`
        : `API client ${grant.granteeId}`,
    purpose: grant.purpose,
    requestId,
  };
  await em.insert(LicenceGrantUse, use);
  const status = displayStatus(licence, now);
  const disclose = grant.disclose as DisclosableClaim[] | null;
  return ok({
    shared: {
      grant,
      licence,
      status,
      disclosed: disclose ?? null,
      credential: disclose
        ? JSON.stringify(disclosureCredential(services, licence, disclose, grant.validUntil))
        : licence.credential,
    },
  });
}

export const usesOf = (em: EntityManager, grantIds: readonly string[]) =>
  em.find(LicenceGrantUse, { grantId: { $in: [...grantIds] } }, { orderBy: { at: 'desc' }, limit: 1000 });
