import { useQuery } from '@apollo/client/react';
import { DownOutlined, UserOutlined } from '@ant-design/icons';
import { Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { isAccountAdministrator } from '../admin/staff-accounts';
import { isPartnerDeveloper } from '../developer/api-clients';
import { ME } from '../identity/operations';
import { displayNameOf } from '../identity/presentation';
import { signInPath } from '../session/return-to';
import { useOptionalSession } from '../session/SessionContext';

function AccountMenu() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useOptionalSession();
  const { data } = useQuery(ME);
  const name = data?.me ? displayNameOf(data.me) : t('account.menuFallback');

  const items: MenuProps['items'] = [
    { key: 'account', label: <span data-testid="account-centre-link">{t('account.centre')}</span> },
    ...(isPartnerDeveloper(data?.me?.roles)
      ? [{ key: 'developer', label: <span data-testid="developer-link">{t('account.developer')}</span> }]
      : []),
    ...(isAccountAdministrator(data?.me?.roles)
      ? [
          {
            key: 'admin-accounts',
            label: <span data-testid="admin-accounts-link">{t('account.adminAccounts')}</span>,
          },
        ]
      : []),
    { type: 'divider' },
    { key: 'signout', label: <span data-testid="signout">{t('account.signOut')}</span> },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'account') navigate('/account');
    if (key === 'developer') navigate('/developer');
    if (key === 'admin-accounts') navigate('/admin/accounts');
    if (key === 'signout') {
      // Signed out here whatever the server says; a server that could not be told lets the
      // session lapse on its own (access tokens last 10 minutes).
      void session?.signOut().catch(() => undefined);
      navigate('/');
    }
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <button type="button" className="shell-pref-button shell-account-button" data-testid="account-menu">
        <UserOutlined aria-hidden />
        <span className="visually-hidden">{t('account.menuLabel')}</span>
        <span className="shell-account-button__name">{name}</span>
        <DownOutlined aria-hidden className="shell-account-button__caret" />
      </button>
    </Dropdown>
  );
}

/** The header's account corner: the signed-in person's menu, or a sign-in link. */
export function AccountControls() {
  const { t } = useTranslation();
  const session = useOptionalSession();
  const { pathname, search, hash } = useLocation();
  if (!session || session.state.status === 'restoring') return null;
  if (session.state.status === 'signed-in') return <AccountMenu />;
  return (
    <Link
      to={signInPath(`${pathname}${search}${hash}`)}
      className="shell-pref-button shell-signin-link"
      data-testid="signin-link"
    >
      <UserOutlined aria-hidden />
      {t('account.signIn')}
    </Link>
  );
}
