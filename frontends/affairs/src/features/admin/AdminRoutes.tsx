import { Navigate, NavLink, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAffairsPath } from '../../app/affairs-context';
import { NotFound } from '../../components/NotFound';
import { AdminGate } from './AdminGate';
import { CalendarPage } from './CalendarPage';
import { RuleSetPage } from './RuleSetPage';
import { RuleSetsPage } from './RuleSetsPage';
import './admin.css';

/** 管理 (under `admin/`): the working calendar and the 秒批 rules, for administrators only. */
export function AdminRoutes() {
  const to = useAffairsPath();
  return (
    <AdminGate>
      <div className="aff-admin" data-testid="admin">
        <AdminNav />
        <Routes>
          <Route index element={<Navigate to={to('admin/calendar')} replace />} />
          <Route path="calendar" element={<CalendarPage />} />
          <Route path="rules" element={<RuleSetsPage />} />
          <Route path="rules/:itemCode" element={<RuleSetPage />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </div>
    </AdminGate>
  );
}

function AdminNav() {
  const { t } = useTranslation();
  const to = useAffairsPath();
  const linkClass = ({ isActive }: { isActive: boolean }) =>
    isActive ? 'aff-admin-nav__link aff-admin-nav__link--active' : 'aff-admin-nav__link';
  return (
    <nav className="aff-admin-nav" aria-label={t('admin.nav.label')}>
      <NavLink to={to('admin/calendar')} className={linkClass} data-testid="admin-nav-calendar">
        {t('admin.nav.calendar')}
      </NavLink>
      <NavLink to={to('admin/rules')} className={linkClass} data-testid="admin-nav-rules">
        {t('admin.nav.rules')}
      </NavLink>
    </nav>
  );
}
