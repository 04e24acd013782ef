import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { passwordProblem } from './password';

interface Props {
  /** Form field names, e.g. `newPassword` / `newPasswordConfirm`. */
  name: string;
  confirmName: string;
  label: string;
  confirmLabel: string;
  /** Test ids of the two inputs. */
  testId: string;
  confirmTestId: string;
}

/**
 * A new password and its confirmation, checked against the password rules (the server checks
 * again) when each field loses focus: used by sign-up and by changing a password.
 */
export function NewPasswordFields({ name, confirmName, label, confirmLabel, testId, confirmTestId }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name={name}
        label={label}
        extra={t('password.rules')}
        validateTrigger="onBlur"
        rules={[
          { required: true, message: t('password.required') },
          {
            validator: (_rule, value: string | undefined) => {
              const issue = value ? passwordProblem(value) : null;
              return issue ? Promise.reject(new Error(t(`password.problem.${issue}`))) : Promise.resolve();
            },
          },
        ]}
      >
        <Input.Password size="large" autoComplete="new-password" data-testid={testId} />
      </Form.Item>
      <Form.Item
        name={confirmName}
        label={confirmLabel}
        dependencies={[name]}
        validateTrigger="onBlur"
        rules={[
          { required: true, message: t('password.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_rule, value: string | undefined) =>
              !value || value === getFieldValue(name)
                ? Promise.resolve()
                : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password size="large" autoComplete="new-password" data-testid={confirmTestId} />
      </Form.Item>
    </>
  );
}
