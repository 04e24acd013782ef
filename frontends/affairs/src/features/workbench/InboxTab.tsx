import { useQuery } from '@apollo/client/react';
import { Button, Checkbox, Empty, Grid, Select, Table, Tag } from 'antd';
import { useCallback, useId, useMemo, useState, type HTMLAttributes } from 'react';
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
import { keepListed, MAX_BULK } from '../../domain/bulk-assign';
import type { InboxRowFields } from '../../graphql/types';
import { BulkAssignBar } from './BulkAssignBar';
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
  const rows = useMemo(() => connection?.edges.map((e) => e.node) ?? [], [connection]);
  // 批量处理: the rows picked on the listed pages; a reload keeps those still listed.
  const [picked, setSelected] = useState<Set<string>>(() => new Set());
  const selected = useMemo(() => keepListed(picked, rows), [picked, rows]);
  const toggle = (id: string, on: boolean) =>
    setSelected(() => {
      const next = new Set(selected);
      if (on && next.size < MAX_BULK) next.add(id);
      else next.delete(id);
      return next;
    });
  const selectedRows = rows.filter((row) => selected.has(row.id));

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
          <BulkAssignBar selected={selectedRows} supervisor={supervisor} onDone={reload} />
          {asTable ? (
            <InboxTable
              rows={rows}
              selected={selected}
              onSelect={(ids) => setSelected(new Set(ids.slice(0, MAX_BULK)))}
            />
          ) : (
            <ul className="aff-list">
              {rows.map((node) => (
                <InboxCard
                  key={node.id}
                  row={node}
                  selected={selected.has(node.id)}
                  onToggle={(on) => toggle(node.id, on)}
                />
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

/** 我 / 未认领 / the colleague's name (staff of the department see who holds what). */
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
  return (
    <span className="aff-muted" data-testid="assignee-other">
      {row.assignee?.name ?? t('inbox.assignee.other')}
    </span>
  );
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

function InboxTable({
  rows,
  selected,
  onSelect,
}: {
  rows: InboxRowFields[];
  selected: ReadonlySet<string>;
  onSelect: (ids: string[]) => void;
}) {
  const { t } = useTranslation();
  const to = useAffairsPath();
  return (
    <Table<InboxRowFields>
      className="aff-inbox-table"
      rowKey="id"
      dataSource={rows}
      rowSelection={{
        selectedRowKeys: [...selected],
        onChange: (keys) => onSelect(keys.map(String)),
        getCheckboxProps: (row) => ({ 'aria-label': t('assign.pick', { reference: row.reference }) }),
      }}
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

function InboxCard({
  row,
  selected,
  onToggle,
}: {
  row: InboxRowFields;
  selected: boolean;
  onToggle: (on: boolean) => void;
}) {
  const { t } = useTranslation();
  const to = useAffairsPath();
  return (
    <li className="aff-card aff-app-card" data-testid="inbox-row" data-state={row.state}>
      <Checkbox
        className="aff-app-card__pick"
        checked={selected}
        onChange={(e) => onToggle(e.target.checked)}
        data-testid="inbox-pick"
      >
        {t('assign.pick', { reference: row.reference })}
      </Checkbox>
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
