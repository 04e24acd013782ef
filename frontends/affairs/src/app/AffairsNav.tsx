import { FileTextOutlined, SettingOutlined, SolutionOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { isAdministrator } from '../domain/viewer-roles';
import { useAffairsPath } from './affairs-context';
import { useViewer } from './viewer';

/** 我的办件 | 工作台 | 管理 — the workbench for department staff and supervisors, 管理 for administrators. */
export function AffairsNav() {
  const { t } = useTranslation();
  const to = useAffairsPath();
  const { staff, viewer } = useViewer();
  const linkClass = ({ isActive }: { isActive: boolean }) =>
    isActive ? 'aff-nav__link aff-nav__link--active' : 'aff-nav__link';
  return (
    <nav className="aff-nav" aria-label={t('nav.label')} data-testid="affairs-nav">
      <ul>
        <li>
          <NavLink to={to()} end className={linkClass} data-testid="nav-mine">
            <FileTextOutlined aria-hidden /> {t('nav.mine')}
          </NavLink>
        </li>
        {staff && (
          <li>
            <NavLink to={to('workbench')} className={linkClass} data-testid="nav-workbench">
              <SolutionOutlined aria-hidden /> {t('nav.workbench')}
            </NavLink>
          </li>
        )}
        {isAdministrator(viewer?.roles) && (
          <li>
            <NavLink to={to('admin')} className={linkClass} data-testid="nav-admin">
              <SettingOutlined aria-hidden /> {t('nav.admin')}
            </NavLink>
          </li>
        )}
      </ul>
    </nav>
  );
}
