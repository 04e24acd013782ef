import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';

/** While a stored session is being picked up (one refresh), instead of flashing "please sign in". */
export function SessionPending() {
  const { t } = useTranslation();
  return (
    <div className="shell-session-pending" role="status" aria-live="polite" data-testid="session-pending">
      <Spin size="large" />
      <span>{t('auth.restoring')}</span>
    </div>
  );
}
