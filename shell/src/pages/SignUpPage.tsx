import { useMutation } from '@apollo/client/react';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { checkIdNumber, normalizeIdNumber } from '../identity/id-number';
import { SIGN_UP, type SignUpInput } from '../identity/operations';
import { formFieldOf, retryTimeOf } from '../identity/presentation';
import { NewPasswordFields } from '../identity/NewPasswordFields';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { safeReturnTo } from '../session/return-to';
import { useSession } from '../session/SessionContext';
import { SessionPending } from '../session/SessionPending';
import { tokensFrom } from '../session/session-transport';

interface Values extends SignUpInput {
  passwordConfirm: string;
}

const FIELDS = ['name', 'idNumber', 'phone', 'password'] as const;

/** `/signup`: resident self-registration (居民注册); signs in on success. */
export function SignUpPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('signUp.title'));
  const [params] = useSearchParams();
  const returnTo = safeReturnTo(params.get('returnTo'), '/account');
  const { state, establish } = useSession();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const [signUp, { loading }] = useMutation(SIGN_UP, { fetchPolicy: 'no-cache' });

  if (state.status === 'restoring') return <SessionPending />;
  if (state.status === 'signed-in') return <Navigate to={returnTo} replace />;

  async function submit(values: Values) {
    setProblem(null);
    const input: SignUpInput = {
      name: values.name.trim(),
      idNumber: normalizeIdNumber(values.idNumber),
      phone: values.phone.replace(/\s+/g, ''),
      password: values.password,
    };
    let result;
    try {
      result = (await signUp({ variables: { input } })).data?.signUp;
    } catch {
      result = undefined;
    }
    if (!result) return setProblem(t('auth.networkError'));
    if (result.ok && result.session) return establish(tokensFrom(result.session));
    const error = result.error ?? { code: 'UNKNOWN', message: t('auth.genericError') };
    const field = formFieldOf(error, FIELDS);
    // The server is the authority: its message goes next to the field it names.
    if (field) form.setFields([{ name: field, errors: [error.message] }]);
    else {
      const retry = result.retryAfterSeconds
        ? ` ${t('auth.retryAt', { time: retryTimeOf(result.retryAfterSeconds, i18n.language) })}`
        : '';
      setProblem(`${error.message}${retry}`);
    }
  }

  const signInLink = returnTo === '/account' ? '/signin' : `/signin?returnTo=${encodeURIComponent(returnTo)}`;

  return (
    <section className="shell-auth" aria-labelledby="signup-title">
      <div className="shell-auth__card">
        <h1 id="signup-title">{t('signUp.title')}</h1>
        <p className="shell-form-lead">{t('signUp.lead')}</p>
        {problem && (
          <Alert
            type="error"
            showIcon
            className="shell-form-alert"
            data-testid="signup-error"
            title={problem}
          />
        )}
        <Form
          form={form}
          name="signup"
          layout="vertical"
          onFinish={submit}
          requiredMark={false}
          scrollToFirstError
        >
          <Form.Item
            name="name"
            label={t('signUp.name')}
            rules={[
              { required: true, whitespace: true, message: t('signUp.nameRequired') },
              { max: 50, message: t('signUp.nameTooLong') },
            ]}
          >
            <Input size="large" autoComplete="name" data-testid="signup-name" />
          </Form.Item>
          <Form.Item
            name="idNumber"
            label={t('signUp.idNumber')}
            extra={t('signUp.idNumberHint')}
            validateTrigger="onBlur"
            rules={[
              { required: true, message: t('signUp.idNumberRequired') },
              {
                validator: (_rule, value: string | undefined) => {
                  const issue = value ? checkIdNumber(value) : null;
                  return issue
                    ? Promise.reject(new Error(t(`signUp.idNumberProblem.${issue}`)))
                    : Promise.resolve();
                },
              },
            ]}
          >
            <Input
              size="large"
              maxLength={22}
              autoComplete="off"
              spellCheck={false}
              data-testid="signup-id-number"
            />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t('signUp.phone')}
            extra={t('signUp.phoneHint')}
            validateTrigger="onBlur"
            rules={[
              { required: true, message: t('signUp.phoneRequired') },
              {
                validator: (_rule, value: string | undefined) =>
                  !value || /^1[3-9]\d{9}$/.test(value.replace(/\s+/g, ''))
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('signUp.phoneFormat'))),
              },
            ]}
          >
            <Input
              size="large"
              type="tel"
              inputMode="numeric"
              autoComplete="tel-national"
              maxLength={13}
              data-testid="signup-phone"
            />
          </Form.Item>
          <NewPasswordFields
            name="password"
            confirmName="passwordConfirm"
            label={t('signUp.password')}
            confirmLabel={t('signUp.passwordConfirm')}
            testId="signup-password"
            confirmTestId="signup-password-confirm"
          />
          <p className="shell-form-note">{t('signUp.privacy')}</p>
          <div className="shell-form-actions">
            <Button
              type="primary"
              htmlType="submit"
              size="large"
              loading={loading}
              data-testid="signup-submit"
            >
              {t('signUp.submit')}
            </Button>
          </div>
        </Form>
        <p className="shell-auth__switch">
          {t('signUp.haveAccount')} <Link to={signInLink}>{t('signUp.signInLink')}</Link>
        </p>
      </div>
    </section>
  );
}
