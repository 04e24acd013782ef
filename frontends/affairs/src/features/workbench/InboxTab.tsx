import { useQuery } from '@apollo/client/react';
import { Button, Checkbox, Empty, Grid, Select, Table, Tag } from 'antd';
import { useCallback, useId, useMemo, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { LoadingBlock, LoadMore, QueryError, usePagedConnection } from '@bianmin/frontend-kit/react';
import { useAffairsContext, useAffairsPath } from '../../app/affairs-context';
import { DeadlineClock } from '../../components/DeadlineClock';
import { StateTag } from '../../components/StateTag';
import {
  filterFromSearch,
  INBOX_STATES,
  NO_FILTER,
  searchFromFilter,
  toInboxFilter,
  type InboxFilterForm,
} from '../../domain/inbox-filter';
import type { InboxRowFields } from '../../graphql/types';
import { APPLICATION_INBOX, PAGE_SIZE } from './queries';

/** 待办: the department's applications that need work, most urgent first. */
export function InboxTab({ supervisor }: { supervisor: boolean }) {
  const { t } = useTranslation();
  const { elderly } = useAffairsContext();
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const form = useMemo(() => filterFromSearch(params, supervisor), [params, supervisor]);
  const filter = toInboxFilter(form, supervisor);
  const { data, loading, error, refetch, fetchMore } = useQuery(APPLICATION_INBOX, {
    variables: { filter, first: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const reload = useCallback(() => refetch(), [refetch]);
  const connection = data?.applicationInbox ?? null;
  const paging = usePagedConnection(connection, fetchMore);
  // A table where there is room for one; cards on phones and in 长者模式.
  const asTable = Boolean(screens.md) && !elderly;

  const update = (next: InboxFilterForm) => setParams(searchFromFilter(next, params), { replace: true });

  return (
    <div className="aff-inbox-tab" data-testid="inbox">
      <InboxFilters form={form} supervisor={supervisor} onChange={update} />
      <p className="aff-muted aff-small">{t('inbox.order')}</p>
      {loading && !data ? (
        <LoadingBlock cards={asTable ? 0 : 3} rows={8} />
      ) : error && !data ? (
        <QueryError error={error} onRetry={reload} retrying={loading} />
      ) : !connection ? (
        <p className="aff-muted">{t('workbench.staffOnlyBody')}</p>
      ) : connection.edges.length === 0 ? (
        <div className="aff-panel" data-testid="inbox-empty">
          <Empty description={filter ? t('inbox.emptyFiltered') : t('inbox.empty')} />
        </div>
      ) : (
        <>
          <p className="aff-muted" aria-live="polite" data-testid="inbox-total">
            {t('inbox.total', { count: connection.totalCount })}
          </p>
          {asTable ? (
            <InboxTable rows={connection.edges.map((e) => e.node)} />
          ) : (
            <ul className="aff-list">
              {connection.edges.map(({ node }) => (
                <InboxCard key={node.id} row={node} />
              ))}
            </ul>
          )}
          <LoadMore connection={connection} paging={paging} />
        </>
      )}
    </div>
  );
}

function InboxFilters({
  form,
  supervisor,
  onChange,
}: {
  form: InboxFilterForm;
  supervisor: boolean;
  onChange: (form: InboxFilterForm) => void;
}) {
  const { t } = useTranslation();
  const stateId = useId();
  const active = toInboxFilter(form, supervisor) !== undefined;
  const flag = (key: 'overdueOnly' | 'assignedToMe' | 'escalatedOnly' | 'extensionPending') => (
    <Checkbox
      checked={form[key]}
      onChange={(e) => onChange({ ...form, [key]: e.target.checked })}
      data-testid={`filter-${key}`}
    >
      {t(`inbox.filter.${key}`)}
    </Checkbox>
  );
  return (
    <fieldset className="aff-filters" data-testid="inbox-filters">
      <legend>{t('inbox.filters')}</legend>
      <div className="aff-field aff-filters__states">
        <label htmlFor={stateId}>{t('inbox.filter.states')}</label>
        <Select
          id={stateId}
          mode="multiple"
          allowClear
          value={form.states}
          onChange={(states) => onChange({ ...form, states })}
          placeholder={t('inbox.filter.allStates')}
          options={INBOX_STATES.map((state) => ({ value: state, label: t(`state.${state}`) }))}
          data-testid="filter-states"
          className="aff-filters__select"
        />
      </div>
      <div className="aff-filters__flags">
        {flag('overdueOnly')}
        {flag('assignedToMe')}
        {supervisor && flag('escalatedOnly')}
        {supervisor && flag('extensionPending')}
      </div>
      {active && (
        <Button onClick={() => onChange(NO_FILTER)} data-testid="filter-clear">
          {t('inbox.filter.clear')}
        </Button>
      )}
    </fieldset>
  );
}

/** 我 / 未认领 / 他人已认领 — never who the other person is. */
function Assignee({ row }: { row: InboxRowFields }) {
  const { t } = useTranslation();
  if (row.assignedToMe) {
    return (
      <Tag className="aff-tag aff-tag--progress" data-testid="assignee-me">
        {t('inbox.assignee.me')}
      </Tag>
    );
  }
  if (!row.assigneeAccountId) {
    return (
      <Tag className="aff-tag aff-tag--action" data-testid="assignee-none">
        {t('inbox.assignee.none')}
      </Tag>
    );
  }
  return <span className="aff-muted">{t('inbox.assignee.other')}</span>;
}

function Flags({ row }: { row: InboxRowFields }) {
  const { t } = useTranslation();
  return (
    <>
      {row.escalatedAt && (
        <Tag className="aff-tag aff-tag--danger" data-testid="flag-escalated">
          {t('inbox.escalated')}
        </Tag>
      )}
      {row.extension?.status === 'REQUESTED' && (
        <Tag className="aff-tag aff-tag--paused" data-testid="flag-extension">
          {t('inbox.extensionPending')}
        </Tag>
      )}
    </>
  );
}

function InboxTable({ rows }: { rows: InboxRowFields[] }) {
  const { t } = useTranslation();
  const to = useAffairsPath();
  return (
    <Table<InboxRowFields>
      className="aff-inbox-table"
      rowKey="id"
      dataSource={rows}
      pagination={false}
      size="middle"
      data-testid="inbox-table"
      onRow={() => ({ 'data-testid': 'inbox-row' }) as HTMLAttributes<HTMLElement>}
      columns={[
        {
          key: 'reference',
          title: t('application.reference'),
          render: (_, row) => (
            <Link to={to(`workbench/${encodeURIComponent(row.id)}`)} data-testid="inbox-link">
              {row.reference}
            </Link>
          ),
        },
        {
          key: 'item',
          title: t('application.item'),
          render: (_, row) => (
            <>
              <span lang="zh-CN">{row.terms.itemName}</span>
              <span className="aff-muted aff-small aff-block">{row.terms.itemCode}</span>
            </>
          ),
        },
        {
          key: 'state',
          title: t('application.state'),
          render: (_, row) => (
            <span className="aff-tags">
              <StateTag state={row.state} label={row.stateLabel} />
              <Flags row={row} />
            </span>
          ),
        },
        {
          key: 'deadline',
          title: t('deadline.title'),
          render: (_, row) => (
            <DeadlineClock
              compact
              state={row.state}
              deadline={row.deadline}
              acceptanceDueAt={row.acceptanceDueAt}
            />
          ),
        },
        { key: 'assignee', title: t('inbox.assignee.title'), render: (_, row) => <Assignee row={row} /> },
      ]}
    />
  );
}

function InboxCard({ row }: { row: InboxRowFields }) {
  const to = useAffairsPath();
  return (
    <li className="aff-card aff-app-card" data-testid="inbox-row" data-state={row.state}>
      <h3 className="aff-app-card__title">
        <Link
          to={to(`workbench/${encodeURIComponent(row.id)}`)}
          className="aff-app-card__link"
          data-testid="inbox-link"
        >
          {row.reference}
        </Link>
      </h3>
      <p className="aff-app-card__meta">
        <span lang="zh-CN">{row.terms.itemName}</span>
        <span>{row.terms.itemCode}</span>
      </p>
      <div className="aff-app-card__tags">
        <StateTag state={row.state} label={row.stateLabel} />
        <Flags row={row} />
        <Assignee row={row} />
      </div>
      <DeadlineClock
        compact
        state={row.state}
        deadline={row.deadline}
        acceptanceDueAt={row.acceptanceDueAt}
      />
    </li>
  );
}
