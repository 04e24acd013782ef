import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { MY_SESSIONS, REVOKE_SESSION, type AccountSessionRow } from '../identity/operations';
import { deviceOf } from '../identity/presentation';
import { useSession } from '../session/SessionContext';
import { failureMessage } from '../identity/failure';

function useDateTime() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (iso: string) => format.format(new Date(iso));
}

function SessionItem({ row, onRevoked }: { row: AccountSessionRow; onRevoked: () => void }) {
  const { t } = useTranslation();
  const when = useDateTime();
  const [revoke, { loading }] = useMutation(REVOKE_SESSION);
  const [problem, setProblem] = useState<string | null>(null);
  const device = deviceOf(row.userAgent) ?? t('sessions.unknownDevice');

  async function end() {
    setProblem(null);
    try {
      const result = (await revoke({ variables: { id: row.id } })).data?.revokeSession;
      if (result?.ok) onRevoked();
      else setProblem(result?.error?.message ?? t('auth.genericError'));
    } catch (error) {
      setProblem(failureMessage(error, t));
    }
  }

  return (
    <li className="shell-session" data-testid="account-session" data-current={row.current}>
      <div className="shell-session__main">
        <strong>{device}</strong>
        {row.current && <Tag color="blue">{t('sessions.thisDevice')}</Tag>}
        {row.secondFactorVerified && <Tag>{t('sessions.secondFactor')}</Tag>}
      </div>
      <div className="shell-session__meta">
        {t('sessions.signedInAt', { time: when(row.createdAt) })} ·{' '}
        {t('sessions.lastUsedAt', { time: when(row.lastUsedAt) })}
      </div>
      {!row.current && (
        <Button onClick={end} loading={loading} aria-label={t('sessions.revokeLabel', { device })}>
          {t('sessions.revoke')}
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

/** 登录设备: the account's sessions, one by one or all at once ("sign out everywhere"). */
export function SessionsSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { signOut } = useSession();
  const { data, loading, error, refetch } = useQuery(MY_SESSIONS, {
    variables: { first: 20 },
    fetchPolicy: 'cache-and-network',
  });
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  async function signOutEverywhere() {
    setBusy(true);
    try {
      await signOut({ everywhere: true });
      navigate('/signin', { state: { notice: 'everywhere' } });
    } catch {
      // Signed out here, but the server did not confirm the other devices.
      navigate('/signin', { state: { notice: 'everywhereFailed' } });
    }
  }

  const rows = data?.mySessions ?? [];
  return (
    <div className="shell-subsection" aria-labelledby="sessions-title">
      <h3 id="sessions-title">{t('sessions.title')}</h3>
      <p className="shell-panel__lead">{t('sessions.lead')}</p>
      {loading && rows.length === 0 && <Skeleton active paragraph={{ rows: 2 }} />}
      {error && rows.length === 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('sessions.loadFailed')}
          action={<Button onClick={() => void refetch()}>{t('auth.retry')}</Button>}
        />
      )}
      <ul className="shell-sessions" data-testid="account-sessions">
        {rows.map((row) => (
          <SessionItem key={row.id} row={row} onRevoked={() => void refetch()} />
        ))}
      </ul>
      {confirming ? (
        <div className="shell-confirm" role="group" aria-labelledby="everywhere-question">
          <p id="everywhere-question">{t('sessions.everywhereQuestion')}</p>
          <div className="shell-form-actions">
            <Button
              danger
              type="primary"
              loading={busy}
              onClick={signOutEverywhere}
              data-testid="signout-everywhere-confirm"
            >
              {t('sessions.everywhereConfirm')}
            </Button>
            <Button onClick={() => setConfirming(false)} disabled={busy}>
              {t('auth.cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <Button danger size="large" onClick={() => setConfirming(true)} data-testid="signout-everywhere">
          {t('sessions.everywhere')}
        </Button>
      )}
    </div>
  );
}
