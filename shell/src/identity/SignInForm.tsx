import { useMutation } from '@apollo/client/react';
import { Alert, Button, Form, Input } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session/SessionContext';
import { tokensFrom } from '../session/session-transport';
import { SIGN_IN, VERIFY_SECOND_FACTOR, type AuthResult } from './operations';
import { retryTimeOf } from './presentation';

interface Problem {
  message: string;
  /** RATE_LIMITED: the clock time when trying again is allowed. */
  retryAt?: string;
}

export interface SignedIn {
  /** Staff before TOTP enrolment: the session only allows enrolling; send them to do it. */
  totpEnrolmentRequired: boolean;
  /** An initial password set by an administrator: the session only allows replacing it. */
  passwordChangeRequired: boolean;
}

interface Props {
  /** Form name: prefixes the input ids, so the page and the dialog never share one. */
  name: string;
  onSignedIn(result: SignedIn): void;
  /** Extra buttons next to submit (e.g. Cancel in the dialog). */
  extra?: React.ReactNode;
}

/**
 * Phone or username + password, then (for staff) the code from the authenticator app. Used by the
 * sign-in page and by the dialog that appears over a page when the session expires.
 */
export function SignInForm({ name, onSignedIn, extra }: Props) {
  const { t, i18n } = useTranslation();
  const { establish } = useSession();
  const errorId = useId();
  const [challenge, setChallenge] = useState<string | null>(null);
  const [recoveryCode, setRecoveryCode] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [signIn, signingIn] = useMutation(SIGN_IN, { fetchPolicy: 'no-cache' });
  const [verify, verifying] = useMutation(VERIFY_SECOND_FACTOR, { fetchPolicy: 'no-cache' });
  const [passwordForm] = Form.useForm<{ login: string; password: string }>();
  const [codeForm] = Form.useForm<{ code: string }>();

  function handle(result: AuthResult | undefined) {
    if (!result) return setProblem({ message: t('auth.networkError') });
    if (!result.ok) {
      setProblem({
        message: result.error?.message ?? t('auth.genericError'),
        ...(result.retryAfterSeconds
          ? { retryAt: retryTimeOf(result.retryAfterSeconds, i18n.language) }
          : {}),
      });
      if (challenge && result.error?.code === 'UNAUTHENTICATED') codeForm.resetFields();
      return;
    }
    setProblem(null);
    if (result.secondFactorRequired && result.challengeToken) {
      setChallenge(result.challengeToken);
      return;
    }
    if (result.session) {
      // The caller learns first, so it knows where to go when the session state flips.
      onSignedIn({
        totpEnrolmentRequired: result.totpEnrolmentRequired,
        passwordChangeRequired: result.passwordChangeRequired,
      });
      establish(tokensFrom(result.session));
    }
  }

  async function submitPassword({ login, password }: { login: string; password: string }) {
    setProblem(null);
    try {
      const { data } = await signIn({ variables: { input: { login: login.trim(), password } } });
      handle(data?.signIn);
    } catch {
      setProblem({ message: t('auth.networkError') });
    }
  }

  async function submitCode({ code }: { code: string }) {
    if (!challenge) return;
    setProblem(null);
    try {
      const { data } = await verify({
        variables: { input: { challengeToken: challenge, code: code.replace(/\s+/g, '') } },
      });
      handle(data?.verifySecondFactor);
    } catch {
      setProblem({ message: t('auth.networkError') });
    }
  }

  const alert = problem && (
    <Alert
      id={errorId}
      type="error"
      showIcon
      className="shell-form-alert"
      data-testid="signin-error"
      title={problem.message}
      description={problem.retryAt ? t('auth.retryAt', { time: problem.retryAt }) : undefined}
    />
  );
  const describedBy = problem ? errorId : undefined;

  if (challenge) {
    return (
      <Form
        form={codeForm}
        name={`${name}-code`}
        layout="vertical"
        onFinish={submitCode}
        requiredMark={false}
      >
        <p className="shell-form-lead">{recoveryCode ? t('auth.recoveryLead') : t('auth.totpLead')}</p>
        {alert}
        <Form.Item
          name="code"
          label={recoveryCode ? t('auth.recoveryLabel') : t('auth.totpLabel')}
          rules={[
            { required: true, message: t('auth.codeRequired') },
            recoveryCode
              ? { pattern: /^[A-Za-z0-9]{5}-?[A-Za-z0-9]{5}$/, message: t('auth.recoveryFormat') }
              : { pattern: /^\s*\d{6}\s*$/, message: t('auth.totpFormat') },
          ]}
        >
          <Input
            size="large"
            autoComplete="one-time-code"
            inputMode={recoveryCode ? 'text' : 'numeric'}
            maxLength={recoveryCode ? 11 : 6}
            autoFocus
            aria-describedby={describedBy}
            className="shell-code-input"
            data-testid="signin-totp"
          />
        </Form.Item>
        <div className="shell-form-actions">
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            loading={verifying.loading}
            data-testid="signin-submit"
          >
            {t('auth.verify')}
          </Button>
          {extra}
        </div>
        <div className="shell-form-links">
          <Button
            type="link"
            onClick={() => {
              setRecoveryCode(!recoveryCode);
              codeForm.resetFields();
            }}
          >
            {recoveryCode ? t('auth.useTotp') : t('auth.useRecoveryCode')}
          </Button>
          <Button
            type="link"
            onClick={() => {
              setChallenge(null);
              setProblem(null);
            }}
          >
            {t('auth.startOver')}
          </Button>
        </div>
      </Form>
    );
  }

  return (
    <Form form={passwordForm} name={name} layout="vertical" onFinish={submitPassword} requiredMark={false}>
      {alert}
      <Form.Item
        name="login"
        label={t('auth.login')}
        extra={t('auth.loginHint')}
        rules={[{ required: true, whitespace: true, message: t('auth.loginRequired') }]}
      >
        <Input
          size="large"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          data-testid="signin-login"
        />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('auth.password')}
        rules={[{ required: true, message: t('auth.passwordRequired') }]}
      >
        <Input.Password
          size="large"
          autoComplete="current-password"
          aria-describedby={describedBy}
          data-testid="signin-password"
        />
      </Form.Item>
      <div className="shell-form-actions">
        <Button
          type="primary"
          htmlType="submit"
          size="large"
          loading={signingIn.loading}
          data-testid="signin-submit"
        >
          {t('auth.signIn')}
        </Button>
        {extra}
      </div>
    </Form>
  );
}
