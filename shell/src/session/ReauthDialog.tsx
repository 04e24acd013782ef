import { Button, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { SignInForm } from '../identity/SignInForm';
import { useSession } from './SessionContext';

/**
 * Sign in again over the current page when the session expired while the resident was using it
 * (the refresh token was refused). The page underneath stays as it was — including what was typed
 * into a form — and carries on once signed in. Cancelling leaves pages that need sign-in.
 */
export function ReauthDialog() {
  const { t } = useTranslation();
  const { reauthenticating, cancelReauthentication } = useSession();
  return (
    <Modal
      open={reauthenticating}
      title={t('auth.reauthTitle')}
      onCancel={cancelReauthentication}
      footer={null}
      mask={{ closable: false }}
      destroyOnHidden
      data-testid="reauth-dialog"
    >
      <p className="shell-form-lead">{t('auth.reauthLead')}</p>
      <SignInForm
        name="reauth"
        onSignedIn={() => undefined}
        extra={
          <Button size="large" onClick={cancelReauthentication}>
            {t('auth.cancel')}
          </Button>
        }
      />
    </Modal>
  );
}
