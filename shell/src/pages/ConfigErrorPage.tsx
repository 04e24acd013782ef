import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';

export function ConfigErrorPage({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <section role="alert" data-testid="config-error">
      <Result
        status="warning"
        title={<h1>{t('config.errorTitle')}</h1>}
        subTitle={t('config.errorBody')}
        extra={
          <Button type="primary" size="large" onClick={onRetry}>
            {t('config.retry')}
          </Button>
        }
      />
    </section>
  );
}
