import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { NotFound } from '../components/NotFound';
import { LicencePage } from '../features/licence/LicencePage';
import { WalletPage } from '../features/wallet/WalletPage';
import { useLicencesPath } from './licences-context';

/** The wallet's routes, relative to where the shell mounted it (`<Route path="/licences/*">`). */
export function LicencesRoutes() {
  const { t } = useTranslation();
  const to = useLicencesPath();
  return (
    <Routes>
      <Route index element={<WalletPage />} />
      <Route path=":id" element={<LicencePage />} />
      <Route path="*" element={<NotFound backTo={to()} backLabel={t('wallet.title')} />} />
    </Routes>
  );
}
