import { Alert, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export interface OneTimeSecretNoticeProps {
  title: string;
  warning: string;
  /** What the secret belongs to, e.g. "Client id" → pc_…, "Login" → 13800000008. */
  idLabel: string;
  id: string;
  secret: string;
  /** Label of the button that dismisses the notice ("I have saved it"). */
  doneLabel: string;
  onDone: () => void;
  testId: string;
}

/**
 * A secret shown exactly once (an API client secret, an initial password): never stored, gone
 * when dismissed or when the page is left, with a copy button.
 */
export function OneTimeSecretNotice({
  title,
  warning,
  idLabel,
  id,
  secret,
  doneLabel,
  onDone,
  testId,
}: OneTimeSecretNoticeProps) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      className="shell-form-alert"
      title={title}
      description={
        <div>
          <p>{warning}</p>
          <p>
            {idLabel}: <Typography.Text code>{id}</Typography.Text>
          </p>
          <Typography.Paragraph
            code
            copyable={{ text: secret, tooltips: [t('developer.copy'), t('developer.copied')] }}
            data-testid={testId}
          >
            {secret}
          </Typography.Paragraph>
          <Button onClick={onDone}>{doneLabel}</Button>
        </div>
      }
    />
  );
}
