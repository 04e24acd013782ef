import { Button, Modal, Tag, Typography } from 'antd';
import { StopOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLicencesContext } from '../../app/licences-context';
import { formatDateTime } from '../../domain/datetime';
import { describeUseActor, grantStateView, type UseActor } from '../../domain/grants';
import type { Department, LicenceGrant } from '../../graphql/types';

interface Props {
  grant: LicenceGrant;
  grantee: string;
  /** For naming who used it. */
  departments: Department[];
  revoking: boolean;
  /** Withdraws the grant; the outcome is announced by the list. */
  onRevoke: () => Promise<void>;
}

/**
 * One grant: to whom, what for, until when, what it discloses, the id the grantee reads it with,
 * and every use of it — 谁、何时、为何使用了我的证照. An active grant can be withdrawn, after a
 * confirmation that says what that does.
 */
export function GrantItem({ grant, grantee, departments, revoking, onRevoke }: Props) {
  const { t } = useTranslation();
  const { locale } = useLicencesContext();
  const [confirming, setConfirming] = useState(false);
  const state = grantStateView(grant.state);
  const titleId = `lic-grant-${grant.id}`;
  const separator = t('common.listSeparator');
  const actorText = (actor: UseActor) => {
    if (actor.kind === 'client') return t('grants.byClient', { id: actor.clientId });
    if (actor.kind === 'other') return actor.text;
    const roles = actor.roles.map((r) => t(`role.${r}`, { defaultValue: r })).join(separator);
    return t('grants.byDepartment', { department: actor.department, roles });
  };

  return (
    <li
      className={state.active ? 'lic-grant' : 'lic-grant lic-grant--inactive'}
      data-testid="grant"
      data-state={grant.state}
      data-grant-id={grant.id}
      aria-labelledby={titleId}
    >
      <div className="lic-grant__head">
        <h3 id={titleId} className="lic-grant__grantee" data-testid="grant-grantee">
          {grantee}
        </h3>
        <Tag className={`lic-tag lic-tag--${state.tone}`} data-testid="grant-state">
          {t(state.labelKey)}
        </Tag>
      </div>
      <dl className="lic-facts lic-facts--compact">
        <div>
          <dt>{t('grants.purpose')}</dt>
          <dd data-testid="grant-purpose-text">{grant.purpose}</dd>
        </div>
        <div>
          <dt>{t('grants.scope')}</dt>
          <dd>
            {grant.disclose
              ? t('grants.scopeSelected', {
                  claims: grant.disclose.map((c) => t(`claim.${c}`, { defaultValue: c })).join(separator),
                })
              : t('grants.scopeWhole')}
          </dd>
        </div>
        <div>
          <dt>{t('grants.validUntil')}</dt>
          <dd>{formatDateTime(grant.validUntil, locale)}</dd>
        </div>
        <div>
          <dt>{t('grants.createdAt')}</dt>
          <dd>{formatDateTime(grant.createdAt, locale)}</dd>
        </div>
        {grant.revokedAt && (
          <div>
            <dt>{t('grants.revokedAt')}</dt>
            <dd>{formatDateTime(grant.revokedAt, locale)}</dd>
          </div>
        )}
        {state.active && (
          <div>
            <dt>{t('grants.grantId')}</dt>
            <dd>
              <Typography.Text
                className="lic-mono lic-small"
                copyable={{ tooltips: [t('grants.copy'), t('grants.copied')] }}
                data-testid="grant-id"
              >
                {grant.id}
              </Typography.Text>
              <span className="lic-block lic-muted lic-small">{t('grants.grantIdHint')}</span>
            </dd>
          </div>
        )}
      </dl>
      <section className="lic-uses" aria-labelledby={`${titleId}-uses`} data-testid="grant-uses">
        <h4 id={`${titleId}-uses`} className="lic-uses__title">
          {t('grants.usesTitle', { count: grant.uses.length })}
        </h4>
        {grant.uses.length === 0 ? (
          <p className="lic-muted lic-small" data-testid="grant-no-uses">
            {t('grants.noUses')}
          </p>
        ) : (
          <ol className="lic-uses__list">
            {grant.uses.map((use, index) => (
              <li key={`${use.at}-${index}`} data-testid="grant-use">
                <time dateTime={use.at}>{formatDateTime(use.at, locale)}</time>
                <span className="lic-uses__by" data-testid="grant-use-by">
                  {actorText(describeUseActor(use.by, departments, locale))}
                </span>
                <span className="lic-muted">{t('grants.usePurpose', { purpose: use.purpose })}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
      {state.active && (
        <Button
          danger
          icon={<StopOutlined aria-hidden />}
          onClick={() => setConfirming(true)}
          data-testid="grant-revoke"
        >
          {t('grants.revoke')}
        </Button>
      )}
      {confirming && (
        <Modal
          open
          title={t('grants.revokeTitle')}
          okText={t('grants.revokeConfirm')}
          okButtonProps={{ danger: true, loading: revoking, 'data-testid': 'grant-revoke-confirm' }}
          cancelText={t('common.cancel')}
          onOk={async () => {
            await onRevoke();
            setConfirming(false);
          }}
          onCancel={() => setConfirming(false)}
          destroyOnHidden
        >
          <p data-testid="grant-revoke-dialog">{t('grants.revokeBody', { grantee })}</p>
        </Modal>
      )}
    </li>
  );
}
