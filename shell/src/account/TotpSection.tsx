import { useMutation } from '@apollo/client/react';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONFIRM_TOTP, ENROL_TOTP, type AccountSummary, type TotpEnrolment } from '../identity/operations';
import { useSession } from '../session/SessionContext';
import { tokensFrom } from '../session/session-transport';
import { failureMessage } from '../identity/failure';

/**
 * 双因素认证: enrol an authenticator app — scan the QR code (or type the secret), keep the recovery
 * codes, confirm with a code. Staff in an enrolment-only session get a full session back.
 */
export function TotpSection({ account, onEnabled }: { account: AccountSummary; onEnabled: () => void }) {
  const { t } = useTranslation();
  const { establish } = useSession();
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [enrol, enrolling] = useMutation(ENROL_TOTP, { fetchPolicy: 'no-cache' });
  const [confirm, confirming] = useMutation(CONFIRM_TOTP, { fetchPolicy: 'no-cache' });
  const [form] = Form.useForm<{ code: string }>();

  async function start() {
    setProblem(null);
    try {
      const result = (await enrol()).data?.enrolTotp;
      if (result?.ok) setEnrolment(result);
      else setProblem(result?.error?.message ?? t('auth.genericError'));
    } catch (error) {
      setProblem(failureMessage(error, t));
    }
  }

  async function finish({ code }: { code: string }) {
    try {
      const result = (await confirm({ variables: { code: code.trim() } })).data?.confirmTotp;
      if (!result?.ok) {
        form.setFields([{ name: 'code', errors: [result?.error?.message ?? t('auth.genericError')] }]);
        return;
      }
      setEnrolment(null);
      if (result.session) establish(tokensFrom(result.session)); // replaces an enrolment-only session
      onEnabled();
    } catch (error) {
      form.setFields([{ name: 'code', errors: [failureMessage(error, t)] }]);
    }
  }

  async function copyCodes(codes: string[]) {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <div className="shell-subsection" id="totp" data-testid="totp-section">
      <h3>{t('totp.title')}</h3>
      {account.totpEnabled ? (
        <Alert
          type="success"
          showIcon
          role="status"
          data-testid="totp-enabled"
          title={t('totp.enabled')}
          description={t('totp.recoveryLeft', { count: account.recoveryCodesRemaining })}
        />
      ) : enrolment ? (
        <ol className="shell-totp-steps">
          <li>
            <p>{t('totp.scan')}</p>
            {enrolment.qrCodeDataUrl && (
              <img
                className="shell-totp-qr"
                src={enrolment.qrCodeDataUrl}
                alt={t('totp.qrAlt')}
                width={200}
                height={200}
                data-testid="totp-qr"
              />
            )}
            {enrolment.secret && (
              <p>
                {t('totp.manual')}{' '}
                <code className="shell-code" data-testid="totp-secret" translate="no">
                  {enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}
                </code>
              </p>
            )}
          </li>
          {enrolment.recoveryCodes && (
            <li>
              <p>{t('totp.recovery')}</p>
              <ul className="shell-recovery-codes" data-testid="totp-recovery-codes" translate="no">
                {enrolment.recoveryCodes.map((code) => (
                  <li key={code}>
                    <code>{code}</code>
                  </li>
                ))}
              </ul>
              <Button onClick={() => void copyCodes(enrolment.recoveryCodes ?? [])}>
                {copied ? t('totp.copied') : t('totp.copy')}
              </Button>
            </li>
          )}
          <li>
            <Form form={form} name="totp-confirm" layout="vertical" onFinish={finish} requiredMark={false}>
              <Form.Item
                name="code"
                label={t('totp.codeLabel')}
                rules={[
                  { required: true, message: t('auth.codeRequired') },
                  { pattern: /^\s*\d{6}\s*$/, message: t('auth.totpFormat') },
                ]}
              >
                <Input
                  size="large"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  className="shell-code-input"
                  data-testid="totp-code"
                />
              </Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                size="large"
                loading={confirming.loading}
                data-testid="totp-confirm"
              >
                {t('totp.confirm')}
              </Button>
            </Form>
          </li>
        </ol>
      ) : (
        <>
          <p className="shell-panel__lead">
            {account.secondFactorRequired ? t('totp.requiredLead') : t('totp.lead')}
          </p>
          {problem && <Alert type="error" showIcon className="shell-form-alert" title={problem} />}
          <Button
            type="primary"
            size="large"
            onClick={start}
            loading={enrolling.loading}
            data-testid="totp-enrol"
          >
            {t('totp.start')}
          </Button>
        </>
      )}
    </div>
  );
}
