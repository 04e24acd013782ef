import { useMutation } from '@apollo/client/react';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANGE_PASSWORD } from '../identity/operations';
import { NewPasswordFields } from '../identity/NewPasswordFields';
import { formFieldOf } from '../identity/presentation';
import { failureMessage } from '../identity/failure';
import { useSession } from '../session/SessionContext';
import { tokensFrom } from '../session/session-transport';

interface Values {
  currentPassword: string;
  newPassword: string;
  newPasswordConfirm: string;
}

const FIELDS = ['currentPassword', 'newPassword'] as const;

/**
 * 修改密码: the server signs out every other session of the account when it succeeds. Replacing
 * an initial password also replaces the limited session with a full one, which is adopted here.
 */
export function ChangePasswordForm({ onChanged }: { onChanged?: () => void }) {
  const { t } = useTranslation();
  const { establish } = useSession();
  const [form] = Form.useForm<Values>();
  const [outcome, setOutcome] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const [change, { loading }] = useMutation(CHANGE_PASSWORD, { fetchPolicy: 'no-cache' });

  async function submit({ currentPassword, newPassword }: Values) {
    setOutcome(null);
    let result;
    try {
      result = (await change({ variables: { currentPassword, newPassword } })).data?.changePassword;
    } catch (error) {
      return setOutcome({ type: 'error', text: failureMessage(error, t) });
    }
    if (!result) return setOutcome({ type: 'error', text: t('auth.networkError') });
    if (result.ok) {
      form.resetFields();
      if (result.session) establish(tokensFrom(result.session));
      onChanged?.();
      return setOutcome({
        type: 'success',
        text: t('password.changed', { count: result.revokedSessions }),
      });
    }
    const error = result.error ?? { code: 'UNKNOWN', message: t('auth.genericError') };
    const field = formFieldOf(error, FIELDS);
    if (field) form.setFields([{ name: field, errors: [error.message] }]);
    else setOutcome({ type: 'error', text: error.message });
  }

  return (
    <div className="shell-subsection" data-testid="change-password">
      <h3 id="password-title">{t('password.title')}</h3>
      {outcome && (
        <Alert
          type={outcome.type}
          showIcon
          role={outcome.type === 'success' ? 'status' : 'alert'}
          className="shell-form-alert"
          data-testid="change-password-result"
          title={outcome.text}
        />
      )}
      <Form
        form={form}
        name="change-password"
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        aria-labelledby="password-title"
      >
        <Form.Item
          name="currentPassword"
          label={t('password.current')}
          rules={[{ required: true, message: t('password.currentRequired') }]}
        >
          <Input.Password size="large" autoComplete="current-password" data-testid="current-password" />
        </Form.Item>
        <NewPasswordFields
          name="newPassword"
          confirmName="newPasswordConfirm"
          label={t('password.new')}
          confirmLabel={t('password.confirmNew')}
          testId="new-password"
          confirmTestId="new-password-confirm"
        />
        <Button
          type="primary"
          htmlType="submit"
          size="large"
          loading={loading}
          data-testid="change-password-submit"
        >
          {t('password.submit')}
        </Button>
      </Form>
    </div>
  );
}
