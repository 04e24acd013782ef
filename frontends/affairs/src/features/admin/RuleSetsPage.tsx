import { useQuery } from '@apollo/client/react';
import { Empty, Grid, Table } from 'antd';
import { useCallback, useMemo, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadingBlock, PageHeading, QueryError, useDocumentTitle } from '@bianmin/frontend-kit/react';
import { useAffairsContext, useAffairsPath } from '../../app/affairs-context';
import { formatDateTime } from '../../domain/datetime';
import { countRules } from '../../domain/rule-form';
import type { RuleSetFields } from '../../graphql/types';
import { ItemName } from './ItemName';
import { NewItemRules } from './NewItemRules';
import { RULE_SETS } from './queries';

/** 秒批规则: every item that has rules, with its current version; and a way to start a new one. */
export function RuleSetsPage() {
  const { t } = useTranslation();
  const { elderly } = useAffairsContext();
  const to = useAffairsPath();
  const screens = Grid.useBreakpoint();
  const { data, loading, error, refetch } = useQuery(RULE_SETS, { fetchPolicy: 'cache-and-network' });
  const reload = useCallback(() => refetch(), [refetch]);
  useDocumentTitle(t('admin.rules.title'));
  const sets = useMemo(
    () => [...(data?.instantApprovalRuleSets ?? [])].sort((a, b) => a.itemCode.localeCompare(b.itemCode)),
    [data],
  );

  return (
    <div className="aff-page" data-testid="admin-rules">
      <PageHeading
        title={t('admin.rules.title')}
        crumbs={[{ label: t('admin.title'), to: to('admin') }, { label: t('admin.rules.title') }]}
        lead={t('admin.rules.lead')}
      />
      <section className="aff-panel" aria-labelledby="aff-rule-sets-title">
        <h2 id="aff-rule-sets-title">{t('admin.rules.listTitle')}</h2>
        {loading && !data ? (
          <LoadingBlock rows={6} />
        ) : error && !data ? (
          <QueryError error={error} onRetry={reload} retrying={loading} compact />
        ) : sets.length === 0 ? (
          <Empty description={t('admin.rules.empty')} />
        ) : (
          <>
            <p className="aff-muted">{t('admin.rules.count', { count: sets.length })}</p>
            {Boolean(screens.md) && !elderly ? <RuleSetTable sets={sets} /> : <RuleSetCards sets={sets} />}
          </>
        )}
      </section>
      <NewItemRules />
    </div>
  );
}

function ItemLink({ set }: { set: RuleSetFields }) {
  const { t } = useTranslation();
  const to = useAffairsPath();
  return (
    <Link
      to={to(`admin/rules/${encodeURIComponent(set.itemCode)}`)}
      aria-label={t('admin.rules.open', { code: set.itemCode })}
      data-testid="rule-set-link"
    >
      <span className="aff-admin-nowrap">{set.itemCode}</span>
    </Link>
  );
}

function RuleSetTable({ sets }: { sets: RuleSetFields[] }) {
  const { t } = useTranslation();
  const { locale } = useAffairsContext();
  return (
    <Table<RuleSetFields>
      rowKey="itemCode"
      dataSource={sets}
      pagination={false}
      size="middle"
      data-testid="rule-sets"
      onRow={(set) =>
        ({ 'data-testid': 'rule-set', 'data-code': set.itemCode }) as HTMLAttributes<HTMLElement>
      }
      columns={[
        { key: 'code', title: t('admin.rules.columns.code'), render: (_, set) => <ItemLink set={set} /> },
        {
          key: 'item',
          title: t('admin.rules.columns.item'),
          render: (_, set) => <ItemName code={set.itemCode} />,
        },
        {
          key: 'version',
          title: t('admin.rules.columns.version'),
          render: (_, set) => (
            <span className="aff-admin-nowrap">{t('admin.rules.version', { version: set.version })}</span>
          ),
        },
        {
          key: 'publishedAt',
          title: t('admin.rules.columns.publishedAt'),
          render: (_, set) => formatDateTime(set.createdAt, locale),
        },
        {
          key: 'note',
          title: t('admin.rules.columns.note'),
          render: (_, set) => <span className="aff-small">{set.note}</span>,
        },
        {
          key: 'rules',
          title: t('admin.rules.columns.rules'),
          render: (_, set) => (
            <span className="aff-admin-nowrap">
              {t('admin.rules.ruleCount', { count: countRules(set.rules) })}
            </span>
          ),
        },
      ]}
    />
  );
}

function RuleSetCards({ sets }: { sets: RuleSetFields[] }) {
  const { t } = useTranslation();
  const { locale } = useAffairsContext();
  return (
    <ul className="aff-list" data-testid="rule-sets">
      {sets.map((set) => (
        <li
          key={set.itemCode}
          className="aff-card aff-admin-set"
          data-testid="rule-set"
          data-code={set.itemCode}
        >
          <h3 className="aff-admin-set__title">
            <ItemLink set={set} /> <ItemName code={set.itemCode} />
          </h3>
          <p className="aff-muted aff-small">
            {t('admin.rules.version', { version: set.version })} ·{' '}
            {t('admin.rules.ruleCount', { count: countRules(set.rules) })} ·{' '}
            {formatDateTime(set.createdAt, locale)}
          </p>
          {set.note && <p className="aff-small">{set.note}</p>}
        </li>
      ))}
    </ul>
  );
}
