import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Checkbox, Input, Skeleton } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MY_DELETION_REQUESTS, REQUEST_ACCOUNT_DELETION } from '../identity/operations';
import { failureMessage } from '../identity/failure';
import { pendingRequest } from './pipl';

const REASON_MAX = 500;

/**
 * 注销账户: ask for the account to be deleted, with what happens and what the law makes us keep
 * said up front; once asked, the pending request and, later, a rejection with its note.
 */
export function DeletionSection() {
  const { t, i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const { data, loading, error, refetch } = useQuery(MY_DELETION_REQUESTS, {
    fetchPolicy: 'cache-and-network',
  });
  const [request, { loading: sending }] = useMutation(REQUEST_ACCOUNT_DELETION);
  const [reason, setReason] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const reasonId = useId();
  const rows = data?.myDeletionRequests ?? [];
  const pending = pendingRequest(rows);
  const lastRejected = rows.find((row) => row.status === 'REJECTED');

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setProblem(null);
    if (!understood) {
      setProblem(t('deletion.mustUnderstand'));
      return;
    }
    try {
      const result = (await request({ variables: { reason: reason.trim() || null } })).data
        ?.requestAccountDeletion;
      if (result?.ok) {
        setReason('');
        setUnderstood(false);
        void refetch();
      } else setProblem(result?.error?.message ?? t('auth.genericError'));
    } catch (failure) {
      setProblem(failureMessage(failure, t));
    }
  }

  return (
    <section className="shell-panel" aria-labelledby="deletion-title" data-testid="deletion-section">
      <h2 id="deletion-title">{t('deletion.title')}</h2>
      <p className="shell-panel__lead">{t('deletion.lead')}</p>
      <ul className="shell-deletion-facts">
        <li>{t('deletion.whatHappens')}</li>
        <li>{t('deletion.whatIsKept')}</li>
        <li>{t('deletion.reRegister')}</li>
      </ul>
      {!data && loading && <Skeleton active paragraph={{ rows: 2 }} />}
      {!data && error && (
        <Alert
          type="warning"
          showIcon
          title={t('deletion.loadFailed')}
          action={<Button onClick={() => void refetch()}>{t('auth.retry')}</Button>}
        />
      )}
      {pending && (
        <Alert
          type="info"
          showIcon
          role="status"
          data-testid="deletion-pending"
          title={t('deletion.pending', { time: format.format(new Date(pending.requestedAt)) })}
        />
      )}
      {!pending && lastRejected && (
        <Alert
          type="warning"
          showIcon
          className="shell-form-alert"
          data-testid="deletion-rejected"
          title={t('deletion.rejected', {
            time: format.format(new Date(lastRejected.decidedAt ?? lastRejected.requestedAt)),
            note: lastRejected.decisionNote ?? t('deletion.noNote'),
          })}
        />
      )}
      {data && !pending && (
        <form onSubmit={(event) => void submit(event)} noValidate className="shell-deletion-form">
          <label htmlFor={reasonId}>{t('deletion.reasonLabel')}</label>
          <Input.TextArea
            id={reasonId}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            maxLength={REASON_MAX}
            showCount
            rows={3}
            data-testid="deletion-reason"
          />
          <Checkbox
            checked={understood}
            onChange={(event) => setUnderstood(event.target.checked)}
            data-testid="deletion-understood"
          >
            {t('deletion.understood')}
          </Checkbox>
          <div className="shell-form-actions">
            <Button danger type="primary" htmlType="submit" loading={sending} data-testid="request-deletion">
              {t('deletion.submit')}
            </Button>
          </div>
        </form>
      )}
      {problem && (
        <span className="shell-field-error" role="alert">
          {problem}
        </span>
      )}
    </section>
  );
}
