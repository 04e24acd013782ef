import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SignInGate as KitSignInGate } from '@bianmin/frontend-kit/react';
import { useLicencesContext } from './licences-context';

/** The wallet is personal (the verify page is not): the kit's sign-in gate, in this remote's words. */
export function SignInGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { auth } = useLicencesContext();
  return (
    <KitSignInGate
      auth={auth}
      text={{
        checking: t('signIn.checking'),
        title: t('signIn.title'),
        body: t('signIn.body'),
        action: t('signIn.action'),
      }}
    >
      {children}
    </KitSignInGate>
  );
}
