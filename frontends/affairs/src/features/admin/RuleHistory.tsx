import { useQuery } from '@apollo/client/react';
import { Button, Empty, Pagination, Tag } from 'antd';
import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingBlock, QueryError } from '@bianmin/frontend-kit/react';
import { useAffairsContext } from '../../app/affairs-context';
import { formatDateTime } from '../../domain/datetime';
import { countRules } from '../../domain/rule-form';
import type { RuleSetFields } from '../../graphql/types';
import { RULE_SET_VERSIONS, VERSIONS_PAGE_SIZE } from './queries';
import { RuleList } from './RuleList';

/** 历史版本: every published version, newest first, a page at a time; each readable on request. */
export function RuleHistory({ itemCode, currentVersion }: { itemCode: string; currentVersion: number }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const { data, loading, error, refetch } = useQuery(RULE_SET_VERSIONS, {
    variables: { itemCode, first: VERSIONS_PAGE_SIZE, offset: (page - 1) * VERSIONS_PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const versions = data?.instantApprovalRuleVersions ?? null;

  return (
    <section className="aff-panel" aria-labelledby="aff-rule-history-title" data-testid="rule-history">
      <h2 id="aff-rule-history-title">{t('admin.rules.history.title')}</h2>
      {loading && !versions ? (
        <LoadingBlock rows={4} />
      ) : error && !versions ? (
        <QueryError error={error} onRetry={() => refetch()} retrying={loading} compact />
      ) : !versions || versions.totalCount === 0 ? (
        <Empty description={t('admin.rules.history.empty')} />
      ) : (
        <>
          <p className="aff-muted" data-testid="rule-history-total">
            {t('admin.rules.history.total', { count: versions.totalCount })}
          </p>
          <ol className="aff-admin-versions">
            {versions.ruleSets.map((set) => (
              <Version key={set.version} set={set} current={set.version === currentVersion} />
            ))}
          </ol>
          {versions.totalCount > VERSIONS_PAGE_SIZE && (
            <Pagination
              current={page}
              pageSize={VERSIONS_PAGE_SIZE}
              total={versions.totalCount}
              onChange={setPage}
              showSizeChanger={false}
              className="aff-admin-pagination"
            />
          )}
        </>
      )}
    </section>
  );
}

function Version({ set, current }: { set: RuleSetFields; current: boolean }) {
  const { t } = useTranslation();
  const { locale } = useAffairsContext();
  const [open, setOpen] = useState(false);
  const rulesId = useId();
  return (
    <li className="aff-card aff-admin-version" data-testid="rule-version" data-version={set.version}>
      <div className="aff-admin-version__head">
        <h3>{t('admin.rules.version', { version: set.version })}</h3>
        {current && <Tag className="aff-tag aff-tag--success">{t('admin.rules.history.currentTag')}</Tag>}
        <span className="aff-muted aff-small">
          {t('admin.rules.item.publishedAt', { time: formatDateTime(set.createdAt, locale) })} ·{' '}
          {t('admin.rules.ruleCount', { count: countRules(set.rules) })}
        </span>
      </div>
      <p className={set.note ? undefined : 'aff-muted'}>{set.note || t('admin.rules.history.noNote')}</p>
      <Button
        type="link"
        className="aff-admin-version__toggle"
        icon={open ? <UpOutlined aria-hidden /> : <DownOutlined aria-hidden />}
        aria-expanded={open}
        aria-controls={rulesId}
        onClick={() => setOpen((o) => !o)}
        data-testid="rule-version-toggle"
      >
        {open ? t('admin.rules.history.hide') : t('admin.rules.history.show', { version: set.version })}
      </Button>
      <div id={rulesId} hidden={!open}>
        {open && <RuleList rulesJson={set.rules} testId="rule-version-rules" />}
      </div>
    </li>
  );
}
