import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import type { RemoteAppProps } from '@bianmin/frontend-kit';
import { RemoteFrame } from '../app/RemoteFrame';
import { useLicencesPath } from '../app/licences-context';
import { NotFound } from '../components/NotFound';
import { VerifyPage } from '../features/verify/VerifyPage';

/**
 * `licences/Verify` — 证照核验, public: anyone, signed in or not, checks a licence from a scanned
 * QR link (`/verify?p=<token>`) or a pasted credential. The shell mounts it at the stable path
 * `/verify` (`verifyRemote` in shell/server/serve.ts), which every QR code links to.
 */
export default function LicencesVerify(props: RemoteAppProps) {
  return (
    <RemoteFrame {...props} personal={false} titleSuffixKey="verify.titleSuffix" testId="verify-app">
      <VerifyRoutes />
    </RemoteFrame>
  );
}

function VerifyRoutes() {
  const { t } = useTranslation();
  const to = useLicencesPath();
  return (
    <Routes>
      <Route index element={<VerifyPage />} />
      <Route path="*" element={<NotFound backTo={to()} backLabel={t('verify.title')} />} />
    </Routes>
  );
}
