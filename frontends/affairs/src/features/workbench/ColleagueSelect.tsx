import { useQuery } from '@apollo/client/react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEPARTMENT_COLLEAGUES } from './queries';

/**
 * 同事 picker for supervisors: the department's staff as identity lists them, by name, with
 * 主管 marked. Loading and failure show in the control itself (the page around it still works).
 */
export function ColleagueSelect({
  id,
  value,
  onChange,
  testId,
}: {
  id: string;
  value: string | null;
  onChange: (accountId: string | null) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(DEPARTMENT_COLLEAGUES, { fetchPolicy: 'cache-first' });
  const colleagues = data?.departmentColleagues ?? [];
  return (
    <Select
      id={id}
      showSearch
      optionFilterProp="label"
      allowClear
      value={value ?? undefined}
      onChange={(next?: string) => onChange(next ?? null)}
      loading={loading}
      status={error ? 'error' : undefined}
      placeholder={error ? t('assign.colleaguesUnavailable') : t('assign.pickColleague')}
      notFoundContent={loading ? t('assign.loadingColleagues') : t('assign.noColleagues')}
      options={colleagues.map((c) => ({
        value: c.accountId,
        label: c.roles.includes('supervisor') ? t('assign.supervisorName', { name: c.name }) : c.name,
      }))}
      className="aff-assign__select"
      data-testid={testId}
    />
  );
}
