import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GRANT_CONSENT, MY_CONSENTS, WITHDRAW_CONSENT, type ConsentRecord } from '../identity/operations';
import { failureMessage } from '../identity/failure';
import { consentStates, type ConsentState } from './pipl';

function ConsentItem({
  state,
  version,
  onChanged,
}: {
  state: ConsentState;
  version: string;
  onChanged: (notice: string | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const when = (iso: string) => format.format(new Date(iso));
  const [withdraw, withdrawing] = useMutation(WITHDRAW_CONSENT);
  const [grant, granting] = useMutation(GRANT_CONSENT);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { purpose, latest, history } = state;
  const active = latest?.active ?? false;
  const required = purpose !== 'SERVICE_NOTIFICATIONS';
  const name = t(`consents.purposes.${purpose}`);

  async function act(kind: 'grant' | 'withdraw') {
    setProblem(null);
    try {
      const result =
        kind === 'grant'
          ? (await grant({ variables: { purpose, version } })).data?.grantConsent
          : (await withdraw({ variables: { purpose } })).data?.withdrawConsent;
      if (result?.ok) {
        setConfirming(false);
        onChanged(result.notice);
      } else setProblem(result?.error?.message ?? t('auth.genericError'));
    } catch (error) {
      setProblem(failureMessage(error, t));
    }
  }

  const status = (record: ConsentRecord) =>
    record.active
      ? t('consents.grantedAt', { version: record.policyVersion, time: when(record.grantedAt) })
      : t(record.endReason === 'SUPERSEDED' ? 'consents.supersededAt' : 'consents.withdrawnAt', {
          version: record.policyVersion,
          time: when(record.withdrawnAt ?? record.grantedAt),
        });

  const headingId = `consent-${purpose}`;
  return (
    <li className="shell-session" data-testid="consent-item" data-purpose={purpose} data-active={active}>
      <div className="shell-session__main">
        <strong id={headingId}>{name}</strong>
        <Tag color={required ? 'orange' : undefined}>
          {t(required ? 'consents.required' : 'consents.optional')}
        </Tag>
        <Tag color={active ? 'green' : undefined}>{t(active ? 'consents.active' : 'consents.inactive')}</Tag>
      </div>
      <p className="shell-session__meta">{t(`consents.descriptions.${purpose}`)}</p>
      {latest && <div className="shell-session__meta">{status(latest)}</div>}
      {history.length > 1 && (
        <details>
          <summary>{t('consents.history', { count: history.length })}</summary>
          <ul>
            {history.map((record) => (
              <li key={record.id}>{status(record)}</li>
            ))}
          </ul>
        </details>
      )}
      {active && !confirming && (
        <Button
          onClick={() => (required ? setConfirming(true) : void act('withdraw'))}
          loading={withdrawing.loading}
          aria-describedby={headingId}
          data-testid="consent-withdraw"
        >
          {t('consents.withdraw')}
        </Button>
      )}
      {active && confirming && (
        <div className="shell-confirm" role="group" aria-labelledby={`${headingId}-question`}>
          <p id={`${headingId}-question`}>{t('consents.withdrawRequiredQuestion', { purpose: name })}</p>
          <div className="shell-form-actions">
            <Button
              danger
              type="primary"
              loading={withdrawing.loading}
              onClick={() => void act('withdraw')}
              data-testid="consent-withdraw-confirm"
            >
              {t('consents.withdrawConfirm')}
            </Button>
            <Button onClick={() => setConfirming(false)} disabled={withdrawing.loading}>
              {t('auth.cancel')}
            </Button>
          </div>
        </div>
      )}
      {!active && (
        <Button
          onClick={() => void act('grant')}
          loading={granting.loading}
          aria-describedby={headingId}
          data-testid="consent-grant"
        >
          {t('consents.grant', { version })}
        </Button>
      )}
      {problem && (
        <span className="shell-field-error" role="alert">
          {problem}
        </span>
      )}
    </li>
  );
}

/** 我的授权: what the resident agreed to, at which policy version, with withdraw and re-grant. */
export function ConsentsSection() {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(MY_CONSENTS, { fetchPolicy: 'cache-and-network' });
  const [notice, setNotice] = useState<string | null>(null);
  const states = data ? consentStates(data.myConsents) : [];

  const changed = (message: string | null) => {
    setNotice(message);
    void refetch();
  };

  return (
    <section className="shell-panel" aria-labelledby="consents-title" data-testid="consents-section">
      <h2 id="consents-title">{t('consents.title')}</h2>
      <p className="shell-panel__lead">{t('consents.lead')}</p>
      {!data && loading && <Skeleton active paragraph={{ rows: 3 }} />}
      {!data && error && (
        <Alert
          type="warning"
          showIcon
          title={t('consents.loadFailed')}
          action={<Button onClick={() => void refetch()}>{t('auth.retry')}</Button>}
        />
      )}
      {notice && (
        <Alert
          type="warning"
          showIcon
          className="shell-form-alert"
          title={notice}
          role="status"
          data-testid="consent-notice"
        />
      )}
      {data && (
        <ul className="shell-sessions" data-testid="consents">
          {states.map((state) => (
            <ConsentItem
              key={state.purpose}
              state={state}
              version={data.currentPolicyVersion}
              onChanged={changed}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
