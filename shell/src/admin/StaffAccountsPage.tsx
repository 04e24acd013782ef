import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Checkbox, Input, Popconfirm, Select, Skeleton, Tag, Typography } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { failureMessage } from '../identity/failure';
import { ME } from '../identity/operations';
import { OneTimeSecretNotice } from '../components/OneTimeSecretNotice';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import {
  ACCOUNTS,
  CREATE_STAFF_ACCOUNT,
  DEPARTMENTS,
  SET_ACCOUNT_ROLES,
  type AccountFilterInput,
  type AccountRow,
} from './operations';
import {
  isAccountAdministrator,
  needsDepartment,
  roleEnum,
  rolesProblem,
  STAFF_ROLES,
  staffRolesOf,
} from './staff-accounts';

const PAGE = 20;

/** The one-time password just issued: shown once, never stored, gone when dismissed or the page is left. */
interface ShownPassword {
  name: string;
  login: string;
  password: string;
}

function InitialPasswordNotice({ shown, onDone }: { shown: ShownPassword; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <OneTimeSecretNotice
      title={t('adminAccounts.passwordTitle', { name: shown.name })}
      warning={t('adminAccounts.passwordWarning')}
      idLabel={t('adminAccounts.login')}
      id={shown.login}
      secret={shown.password}
      doneLabel={t('adminAccounts.passwordSaved')}
      onDone={onDone}
      testId="initial-password"
    />
  );
}

function useDepartments() {
  const { i18n } = useTranslation();
  const { data } = useQuery(DEPARTMENTS);
  const en = i18n.language.startsWith('en');
  return (data?.organizations ?? []).map((d) => ({ value: d.code, label: en ? d.nameEn : d.name }));
}

function RoleChoice({
  value,
  onChange,
  labelledBy,
}: {
  value: string[];
  onChange: (roles: string[]) => void;
  labelledBy: string;
}) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group
      aria-labelledby={labelledBy}
      value={value}
      onChange={(values) => onChange(values as string[])}
      options={STAFF_ROLES.map((role) => ({ value: role, label: t(`adminAccounts.role.${role}`) }))}
    />
  );
}

function CreateStaffForm({ onCreated }: { onCreated: (shown: ShownPassword) => void }) {
  const { t } = useTranslation();
  const departments = useDepartments();
  const [create, { loading }] = useMutation(CREATE_STAFF_ACCOUNT, { fetchPolicy: 'no-cache' });
  const empty = { name: '', idNumber: '', phone: '', username: '' };
  const [fields, setFields] = useState(empty);
  const [department, setDepartment] = useState<string | undefined>(undefined);
  const [roles, setRoles] = useState<string[]>(['department-staff']);
  const [problem, setProblem] = useState<{ message: string; field?: string | null } | null>(null);
  const ids = {
    name: useId(),
    idNumber: useId(),
    phone: useId(),
    username: useId(),
    department: useId(),
    roles: useId(),
  };
  const set = (key: keyof typeof empty) => (event: React.ChangeEvent<HTMLInputElement>) =>
    setFields({ ...fields, [key]: event.target.value });

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setProblem(null);
    const rolesIssue = rolesProblem(roles);
    if (rolesIssue)
      return setProblem({ message: t(`adminAccounts.roles_${rolesIssue}`), field: 'input.roles' });
    if (needsDepartment(roles) && !department)
      return setProblem({ message: t('adminAccounts.departmentRequired'), field: 'input.departmentCode' });
    try {
      const result = (
        await create({
          variables: {
            input: {
              name: fields.name.trim(),
              idNumber: fields.idNumber.trim(),
              phone: fields.phone.trim(),
              username: fields.username.trim() || null,
              departmentCode: department ?? null,
              roles: roles.map(roleEnum),
            },
          },
        })
      ).data?.createStaffAccount;
      if (result?.ok && result.account && result.initialPassword) {
        onCreated({
          name: fields.name.trim(),
          login: result.account.username ?? fields.phone.trim(),
          password: result.initialPassword,
        });
        setFields(empty);
      } else
        setProblem({
          message: result?.error?.message ?? t('auth.genericError'),
          field: result?.error?.field,
        });
    } catch (failure) {
      setProblem({ message: failureMessage(failure, t) });
    }
  }

  const errorFor = (field: string) =>
    problem?.field === `input.${field}` ? (
      <span className="shell-field-error" role="alert">
        {problem.message}
      </span>
    ) : null;
  const generalError = problem && !problem.field?.startsWith('input.');

  return (
    <form
      onSubmit={(event) => void submit(event)}
      noValidate
      data-testid="create-staff"
      className="shell-admin-form"
    >
      {(['name', 'idNumber', 'phone', 'username'] as const).map((key) => (
        <div key={key} className="shell-admin-field">
          <label htmlFor={ids[key]}>{t(`adminAccounts.field.${key}`)}</label>
          <Input
            id={ids[key]}
            name={key}
            value={fields[key]}
            onChange={set(key)}
            required={key !== 'username'}
            autoComplete="off"
            maxLength={key === 'name' ? 50 : 32}
            aria-invalid={problem?.field === `input.${key}` || undefined}
          />
          {errorFor(key)}
        </div>
      ))}
      <div className="shell-admin-field">
        <label htmlFor={ids.department}>{t('adminAccounts.field.department')}</label>
        <Select
          id={ids.department}
          allowClear
          value={department}
          onChange={(value?: string) => setDepartment(value)}
          options={departments}
          placeholder={t('adminAccounts.departmentPlaceholder')}
        />
        {errorFor('departmentCode')}
      </div>
      <fieldset className="shell-admin-field">
        <legend id={ids.roles}>{t('adminAccounts.field.roles')}</legend>
        <RoleChoice value={roles} onChange={setRoles} labelledBy={ids.roles} />
        {errorFor('roles')}
      </fieldset>
      {generalError && (
        <span className="shell-field-error" role="alert">
          {problem.message}
        </span>
      )}
      <div className="shell-form-actions">
        <Button type="primary" htmlType="submit" loading={loading}>
          {t('adminAccounts.create')}
        </Button>
      </div>
    </form>
  );
}

function AccountItem({
  account,
  self,
  onChanged,
}: {
  account: AccountRow;
  self: boolean;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [roles, setRoles] = useState<string[]>(staffRolesOf(account.roles));
  const [problem, setProblem] = useState<string | null>(null);
  const [save, { loading }] = useMutation(SET_ACCOUNT_ROLES, { fetchPolicy: 'no-cache' });
  const rolesId = useId();
  const en = i18n.language.startsWith('en');

  async function confirm() {
    setProblem(null);
    const issue = rolesProblem(roles);
    if (issue) return setProblem(t(`adminAccounts.roles_${issue}`));
    try {
      const result = (
        await save({
          variables: { id: account.id, roles: roles.map(roleEnum), expectedVersion: account.version },
        })
      ).data?.setAccountRoles;
      if (!result?.ok) return setProblem(result?.error?.message ?? t('auth.genericError'));
      setEditing(false);
      onChanged();
    } catch (failure) {
      setProblem(failureMessage(failure, t));
    }
  }

  return (
    <li className="shell-developer-client" data-testid="account-row">
      <h3>
        {account.person?.name ?? account.username ?? account.phone}{' '}
        {account.username && <Typography.Text code>{account.username}</Typography.Text>}{' '}
        {account.state !== 'ACTIVE' && <Tag color="red">{t(`adminAccounts.state.${account.state}`)}</Tag>}
      </h3>
      <dl className="shell-developer-facts">
        <dt>{t('adminAccounts.field.phone')}</dt>
        <dd>{account.phone}</dd>
        <dt>{t('adminAccounts.field.department')}</dt>
        <dd>{account.department ? (en ? account.department.nameEn : account.department.name) : '—'}</dd>
        <dt>{t('adminAccounts.field.roles')}</dt>
        <dd>{account.roles.map((r) => t(`adminAccounts.role.${r}`, { defaultValue: r })).join(', ')}</dd>
      </dl>
      {!self && !editing && <Button onClick={() => setEditing(true)}>{t('adminAccounts.editRoles')}</Button>}
      {editing && (
        <fieldset className="shell-admin-field">
          <legend id={rolesId}>{t('adminAccounts.field.roles')}</legend>
          <RoleChoice value={roles} onChange={setRoles} labelledBy={rolesId} />
          <div className="shell-form-actions">
            <Popconfirm
              title={t('adminAccounts.rolesConfirm')}
              okText={t('adminAccounts.save')}
              cancelText={t('developer.cancel')}
              onConfirm={() => confirm()}
            >
              <Button type="primary" loading={loading}>
                {t('adminAccounts.save')}
              </Button>
            </Popconfirm>
            <Button
              onClick={() => {
                setEditing(false);
                setRoles(staffRolesOf(account.roles));
                setProblem(null);
              }}
            >
              {t('developer.cancel')}
            </Button>
          </div>
        </fieldset>
      )}
      {problem && (
        <span className="shell-field-error" role="alert">
          {problem}
        </span>
      )}
    </li>
  );
}

/**
 * `/admin/accounts` (账号管理): an administrator lists accounts with filters, creates staff
 * accounts (the initial password is shown once) and changes their roles. Auditors and everyone
 * else are told the page is not for them; the server refuses them in any case.
 */
export function StaffAccountsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('adminAccounts.title'));
  const me = useQuery(ME);
  const allowed = isAccountAdministrator(me.data?.me?.roles);
  const departments = useDepartments();
  const [draftQuery, setDraftQuery] = useState('');
  const [filter, setFilter] = useState<AccountFilterInput>({});
  const [shown, setShown] = useState<ShownPassword | null>(null);
  const [moreFailed, setMoreFailed] = useState(false);
  const { data, loading, error, refetch, fetchMore } = useQuery(ACCOUNTS, {
    variables: { filter, first: PAGE },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
    skip: !allowed,
  });
  const ids = { query: useId(), role: useId(), department: useId(), state: useId() };
  const rows = data?.accounts.edges.map((e) => e.node) ?? [];

  async function loadMore() {
    setMoreFailed(false);
    try {
      await fetchMore({
        variables: { after: data?.accounts.pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => ({
          accounts: {
            ...fetchMoreResult.accounts,
            edges: [...previous.accounts.edges, ...fetchMoreResult.accounts.edges],
          },
        }),
      });
    } catch {
      setMoreFailed(true);
    }
  }

  return (
    <div className="shell-account" data-testid="admin-accounts">
      <h1>{t('adminAccounts.title')}</h1>
      <p className="shell-panel__lead">{t('adminAccounts.lead')}</p>
      {me.loading && !me.data && <Skeleton active paragraph={{ rows: 3 }} />}
      {me.data && !allowed && <Alert type="info" showIcon title={t('adminAccounts.notAdministrator')} />}
      {allowed && (
        <>
          {shown && <InitialPasswordNotice shown={shown} onDone={() => setShown(null)} />}
          <section className="shell-panel" aria-labelledby="admin-create-title">
            <h2 id="admin-create-title">{t('adminAccounts.createTitle')}</h2>
            <CreateStaffForm
              onCreated={(password) => {
                setShown(password);
                void refetch();
              }}
            />
          </section>
          <section className="shell-panel" aria-labelledby="admin-list-title" aria-busy={loading}>
            <h2 id="admin-list-title">{t('adminAccounts.listTitle')}</h2>
            <form
              className="shell-admin-filters"
              role="search"
              onSubmit={(event) => {
                event.preventDefault();
                setFilter({ ...filter, query: draftQuery.trim() || null });
              }}
            >
              <div className="shell-admin-field">
                <label htmlFor={ids.query}>{t('adminAccounts.filter.query')}</label>
                <Input
                  id={ids.query}
                  value={draftQuery}
                  maxLength={50}
                  onChange={(e) => setDraftQuery(e.target.value)}
                />
              </div>
              <div className="shell-admin-field">
                <label htmlFor={ids.role}>{t('adminAccounts.filter.role')}</label>
                <Select
                  id={ids.role}
                  allowClear
                  value={filter.role ?? undefined}
                  onChange={(role?: string) => setFilter({ ...filter, role: role ?? null })}
                  options={[...STAFF_ROLES, 'resident', 'partner-developer'].map((role) => ({
                    value: role,
                    label: t(`adminAccounts.role.${role}`),
                  }))}
                  placeholder={t('adminAccounts.filter.any')}
                />
              </div>
              <div className="shell-admin-field">
                <label htmlFor={ids.department}>{t('adminAccounts.field.department')}</label>
                <Select
                  id={ids.department}
                  allowClear
                  value={filter.departmentCode ?? undefined}
                  onChange={(code?: string) => setFilter({ ...filter, departmentCode: code ?? null })}
                  options={departments}
                  placeholder={t('adminAccounts.filter.any')}
                />
              </div>
              <div className="shell-admin-field">
                <label htmlFor={ids.state}>{t('adminAccounts.filter.state')}</label>
                <Select
                  id={ids.state}
                  allowClear
                  value={filter.state ?? undefined}
                  onChange={(state?: AccountRow['state']) => setFilter({ ...filter, state: state ?? null })}
                  options={(['ACTIVE', 'LOCKED', 'DISABLED'] as const).map((state) => ({
                    value: state,
                    label: t(`adminAccounts.state.${state}`),
                  }))}
                  placeholder={t('adminAccounts.filter.any')}
                />
              </div>
              <div className="shell-form-actions">
                <Button htmlType="submit">{t('adminAccounts.filter.search')}</Button>
              </div>
            </form>
            {!data && loading && <Skeleton active paragraph={{ rows: 2 }} />}
            {!data && error && (
              <Alert
                type="warning"
                showIcon
                title={t('adminAccounts.loadFailed')}
                action={<Button onClick={() => void refetch()}>{t('auth.retry')}</Button>}
              />
            )}
            {data && rows.length === 0 && <p>{t('adminAccounts.none')}</p>}
            {data && (
              <p aria-live="polite">
                {t('adminAccounts.shown', { shown: rows.length, total: data.accounts.totalCount })}
              </p>
            )}
            <ul className="shell-developer-clients">
              {rows.map((account) => (
                <AccountItem
                  key={`${account.id}:${account.version}`}
                  account={account}
                  self={account.id === me.data?.me?.id}
                  onChanged={() => void refetch()}
                />
              ))}
            </ul>
            {data?.accounts.pageInfo.hasNextPage && (
              <Button onClick={() => void loadMore()} loading={loading}>
                {t('adminAccounts.loadMore')}
              </Button>
            )}
            {moreFailed && (
              <span className="shell-field-error" role="alert">
                {t('adminAccounts.loadMoreFailed')}
              </span>
            )}
          </section>
        </>
      )}
    </div>
  );
}
