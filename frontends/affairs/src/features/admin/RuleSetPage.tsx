import { useApolloClient, useQuery } from '@apollo/client/react';
import { Alert, Button, Empty, Tabs, Tag } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { LoadingBlock, PageHeading, QueryError, useDocumentTitle } from '@bianmin/frontend-kit/react';
import { useAffairsContext, useAffairsPath } from '../../app/affairs-context';
import { NotFound } from '../../components/NotFound';
import { formatDateTime } from '../../domain/datetime';
import { ITEM_CODE, normalizeItemCode } from '../../domain/rule-form';
import type { RuleSetFields } from '../../graphql/types';
import { CURRENT_RULE_SET } from './queries';
import { RuleEditor } from './RuleEditor';
import { RuleHistory } from './RuleHistory';
import { RuleList } from './RuleList';
import { useItemName } from './useItemName';

type Tab = 'current' | 'edit' | 'history';
const TABS: readonly Tab[] = ['current', 'edit', 'history'];

/** One item's 秒批 rules: the current version in words, the editor, and every past version. */
export function RuleSetPage() {
  const { t } = useTranslation();
  const { itemCode: param = '' } = useParams();
  const itemCode = normalizeItemCode(param);
  if (!ITEM_CODE.test(itemCode)) {
    return <NotFound title={t('admin.rules.item.badCode')} body={t('admin.rules.newItem.problem.format')} />;
  }
  return <RuleSetView key={itemCode} itemCode={itemCode} />;
}

function RuleSetView({ itemCode }: { itemCode: string }) {
  const { t } = useTranslation();
  const to = useAffairsPath();
  const client = useApolloClient();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((k) => k === params.get('tab')) ?? 'current';
  const item = useItemName(itemCode);
  const { data, loading, error, refetch } = useQuery(CURRENT_RULE_SET, {
    variables: { itemCode },
    fetchPolicy: 'cache-and-network',
  });
  const current = data?.instantApprovalRules ?? null;
  // After a publish (or "someone published meanwhile"): the current version and the history.
  const reload = useCallback(
    () =>
      client.refetchQueries({ include: ['AdminCurrentRuleSet', 'AdminRuleSetVersions', 'AdminRuleSets'] }),
    [client],
  );
  useDocumentTitle(`${itemCode} · ${t('admin.rules.title')}`);

  const chooseTab = (next: string) => setParams(next === 'current' ? {} : { tab: next }, { replace: true });

  if (loading && !data) return <LoadingBlock rows={8} />;
  if (error && !data) return <QueryError error={error} onRetry={() => refetch()} retrying={loading} />;
  if (item.missing && !current) {
    return (
      <NotFound
        title={t('admin.rules.item.notInCatalog', { code: itemCode })}
        body={t('admin.rules.item.notInCatalogBody')}
      />
    );
  }

  return (
    <div className="aff-page" data-testid="admin-rule-set" data-code={itemCode}>
      <PageHeading
        title={item.name ?? itemCode}
        titleTestId="rule-set-title"
        crumbs={[
          { label: t('admin.title'), to: to('admin') },
          { label: t('admin.rules.title'), to: to('admin/rules') },
          { label: itemCode },
        ]}
      >
        <p className="aff-admin-heading-meta">
          <span>{itemCode}</span>
          {current ? (
            <Tag
              className="aff-tag aff-tag--progress"
              data-testid="current-version"
              data-version={current.version}
            >
              {t('admin.rules.currentVersion', { version: current.version })}
            </Tag>
          ) : (
            <Tag className="aff-tag" data-testid="current-version" data-version={0}>
              {t('admin.rules.item.none')}
            </Tag>
          )}
        </p>
      </PageHeading>
      {item.missing && <Alert type="warning" showIcon title={t('admin.rules.item.missingWithRules')} />}

      <Tabs
        activeKey={tab}
        onChange={chooseTab}
        size="large"
        items={[
          {
            key: 'current',
            label: <span data-testid="tab-current">{t('admin.rules.item.tabs.current')}</span>,
            children: <CurrentRules current={current} itemCode={itemCode} onEdit={() => chooseTab('edit')} />,
          },
          {
            key: 'edit',
            label: <span data-testid="tab-edit">{t('admin.rules.item.tabs.edit')}</span>,
            children: <RuleEditor itemCode={itemCode} current={current} reload={reload} />,
          },
          {
            key: 'history',
            label: <span data-testid="tab-history">{t('admin.rules.item.tabs.history')}</span>,
            children: <RuleHistory itemCode={itemCode} currentVersion={current?.version ?? 0} />,
          },
        ]}
      />
    </div>
  );
}

function CurrentRules({
  current,
  itemCode,
  onEdit,
}: {
  current: RuleSetFields | null;
  itemCode: string;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const { locale } = useAffairsContext();
  if (!current) {
    return (
      <section className="aff-panel" data-testid="current-rules">
        <Empty description={t('admin.rules.item.noRules', { code: itemCode })}>
          <Button type="primary" onClick={onEdit} data-testid="start-rules">
            {t('admin.rules.item.startRules')}
          </Button>
        </Empty>
      </section>
    );
  }
  return (
    <section className="aff-panel" aria-labelledby="aff-current-rules-title" data-testid="current-rules">
      <h2 id="aff-current-rules-title">{t('admin.rules.item.currentTitle', { version: current.version })}</h2>
      <p className="aff-muted aff-small">
        {t('admin.rules.item.publishedAt', { time: formatDateTime(current.createdAt, locale) })}
      </p>
      {current.note && <p className="aff-quote">{current.note}</p>}
      <RuleList rulesJson={current.rules} />
    </section>
  );
}
