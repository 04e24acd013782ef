import { FileTextOutlined, SolutionOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useAffairsPath } from './affairs-context';
import { useViewer } from './viewer';

/** 我的办件 | 工作台 — the second only for department staff and supervisors. */
export function AffairsNav() {
  const { t } = useTranslation();
  const to = useAffairsPath();
  const { staff } = useViewer();
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
      </ul>
    </nav>
  );
}
