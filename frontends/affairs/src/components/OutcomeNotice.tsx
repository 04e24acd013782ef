import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Notice } from './useMutationRunner';

/**
 * The result of the last action, in a live region that exists before anything is announced (a
 * region added together with its text is often not read out).
 */
export function OutcomeNotice({ notice, onClose }: { notice: Notice | null; onClose?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="aff-notice" role="status" aria-live="polite" aria-atomic="true" data-testid="outcome">
      {notice && <NoticeBody notice={notice} onClose={onClose} t={t} />}
    </div>
  );
}

function NoticeBody({
  notice,
  onClose,
  t,
}: {
  notice: Notice;
  onClose?: () => void;
  t: ReturnType<typeof useTranslation>['t'];
}) {
  const { outcome } = notice;
  // The wrapper is the live region; the alert itself must not be announced a second time.
  const common = {
    role: 'none',
    ...(onClose ? { closable: { 'aria-label': t('common.close'), onClose } } : {}),
  };
  switch (outcome.kind) {
    case 'ok':
      return <Alert type="success" showIcon title={notice.success} data-testid="outcome-ok" {...common} />;
    case 'stale':
      return (
        <Alert
          type="warning"
          showIcon
          title={t('outcome.staleTitle')}
          description={
            <>
              <span data-testid="outcome-message">{outcome.message}</span> {t('outcome.reloaded')}
            </>
          }
          data-testid="outcome-stale"
          {...common}
        />
      );
    case 'refused':
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
    case 'session':
      return (
        <Alert type="error" showIcon title={t('outcome.session')} data-testid="outcome-session" {...common} />
      );
    case 'network':
      return (
        <Alert type="error" showIcon title={t('outcome.network')} data-testid="outcome-network" {...common} />
      );
  }
}
