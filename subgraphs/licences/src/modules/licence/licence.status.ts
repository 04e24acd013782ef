import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { fail, ok, pick, type Locale, type Message, type Viewer } from '@bianmin/kit';
import { touchStatusList } from '../status-list/status-list.service.js';
import type { LicencesServices } from '../../services.js';
import { canManage, isHolder } from './licence.access.js';
import { Licence, LicenceStatusChange, type LicenceStatus } from './licence.entity.js';
import { recordLicenceEvent } from './licence.issue.js';

export type StatusAction = 'REVOKE' | 'SUSPEND' | 'REINSTATE';

const RULES: Record<
  StatusAction,
  { from: LicenceStatus[]; to: LicenceStatus; event: 'revoked' | 'suspended' | 'reinstated' }
> = {
  REVOKE: { from: ['VALID', 'SUSPENDED'], to: 'REVOKED', event: 'revoked' },
  SUSPEND: { from: ['VALID'], to: 'SUSPENDED', event: 'suspended' },
  REINSTATE: { from: ['SUSPENDED'], to: 'VALID', event: 'reinstated' },
};

const STATUS_NAMES: Record<LicenceStatus, Message> = {
  VALID: { zh: '有效', en: 'valid' },
  SUSPENDED: { zh: '已暂停', en: 'suspended' },
  REVOKED: { zh: '已撤销', en: 'revoked' },
};
const ACTION_NAMES: Record<StatusAction, Message> = {
  REVOKE: { zh: '撤销', en: 'revoke' },
  SUSPEND: { zh: '暂停', en: 'suspend' },
  REINSTATE: { zh: '恢复', en: 'reinstate' },
};

/**
 * Revoke, suspend or reinstate a licence: the status changes only from a state that allows it
 * (a conditional UPDATE on status and version, so of two staff acting at once one wins and the
 * other gets CONFLICT), the affected status list gets a new version, and the history step and
 * the `licences.licence.<…>` event commit in the same transaction.
 */
export async function changeLicenceStatus(
  em: EntityManager,
  services: LicencesServices,
  viewer: Viewer,
  args: { id: string; reason: string; action: StatusAction },
  locale: Locale,
  requestId: string,
) {
  const reason = args.reason.trim();
  if (reason.length < 2 || reason.length > 500)
    return fail(
      'BAD_USER_INPUT',
      pick(locale, { zh: '请填写原因（2–500 个字符）', en: 'Give a reason (2–500 characters).' }),
      'reason',
    );
  const licence = /^[0-9a-f-]{36}$/i.test(args.id) ? await em.findOne(Licence, { id: args.id }) : null;
  if (!licence || (!canManage(viewer, licence.issuerCode) && !isHolder(viewer, licence)))
    return fail('NOT_FOUND', pick(locale, { zh: '没有这张证照', en: 'There is no such licence.' }), 'id');
  if (!canManage(viewer, licence.issuerCode))
    return fail(
      'FORBIDDEN',
      pick(locale, {
        zh: `只有${licence.issuerName}的证照签发人员可以${ACTION_NAMES[args.action].zh}这张证照`,
        en: `Only licence issuers of the issuing authority (${licence.issuerCode}) may ${ACTION_NAMES[args.action].en} it.`,
      }),
    );
  const rule = RULES[args.action];
  const refused = () =>
    fail(
      'CONFLICT',
      pick(locale, {
        zh: `证照当前状态为「${STATUS_NAMES[licence.status].zh}」，不能${ACTION_NAMES[args.action].zh}`,
        en: `The licence is ${STATUS_NAMES[licence.status].en}; it cannot be ${rule.event}.`,
      }),
    );
  if (!rule.from.includes(licence.status)) return refused();
  const at = new Date(services.now());
  const changed = await em.transactional(async (tx) => {
    const updated = await tx.nativeUpdate(
      Licence,
      { id: licence.id, version: licence.version, status: licence.status },
      { status: rule.to, statusReason: reason, statusChangedAt: at, version: licence.version + 1 },
    );
    if (updated === 0) return false;
    // Each list whose bit moves gets a new version.
    if (licence.status === 'REVOKED' || rule.to === 'REVOKED')
      await touchStatusList(tx, 'revocation', licence.revocationList, at);
    if (licence.status === 'SUSPENDED' || rule.to === 'SUSPENDED')
      await touchStatusList(tx, 'suspension', licence.suspensionList, at);
    await tx.insert(LicenceStatusChange, {
      id: randomUUID(),
      licenceId: licence.id,
      seq: licence.version + 1,
      action: args.action,
      fromStatus: licence.status,
      toStatus: rule.to,
      reason,
      actorAccountId: viewer.accountId,
      actorKind: 'STAFF',
      at,
      requestId,
    });
    await recordLicenceEvent(tx, rule.event, licence, rule.to, at, reason, requestId);
    return true;
  });
  if (!changed)
    return fail(
      'CONFLICT',
      pick(locale, {
        zh: '证照刚被他人修改，请刷新后重试',
        en: 'Someone changed the licence meanwhile; reload and try again.',
      }),
    );
  return ok({ licence: await em.fork().findOneOrFail(Licence, { id: licence.id }) });
}
