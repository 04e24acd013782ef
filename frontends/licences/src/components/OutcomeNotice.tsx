import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MutationOutcome } from '../domain/mutation-result';

export interface Notice {
  outcome: MutationOutcome;
  /** What to say when it worked. */
  success: string;
}

/**
 * The result of the last action, in a live region that exists before anything is announced (a
 * region added together with its text is often not read out).
 */
export function OutcomeNotice({ notice, onClose }: { notice: Notice | null; onClose?: () => void }) {
  return (
    <div className="lic-notice" role="status" aria-live="polite" aria-atomic="true" data-testid="outcome">
      {notice && <NoticeBody notice={notice} onClose={onClose} />}
    </div>
  );
}

function NoticeBody({ notice, onClose }: { notice: Notice; onClose?: (() => void) | undefined }) {
  const { t } = useTranslation();
  const { outcome } = notice;
  // The wrapper is the live region; the alert itself must not be announced a second time.
  const common = {
    role: 'none',
    ...(onClose ? { closable: { 'aria-label': t('common.close'), onClose } } : {}),
  };
  if (outcome.kind === 'ok') {
    return <Alert type="success" showIcon title={notice.success} data-testid="outcome-ok" {...common} />;
  }
  if (outcome.kind === 'refused') {
    return (
      <Alert
        type={outcome.code === 'CONFLICT' ? 'warning' : 'error'}
        showIcon
        title={t('outcome.refusedTitle')}
        description={<span data-testid="outcome-message">{outcome.message}</span>}
        data-testid="outcome-refused"
        {...common}
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      title={t(outcome.kind === 'session' ? 'outcome.session' : 'outcome.network')}
      data-testid={`outcome-${outcome.kind}`}
      {...common}
    />
  );
}
