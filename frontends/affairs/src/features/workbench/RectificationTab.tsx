import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Empty, Input, Radio, Tag } from 'antd';
import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadingBlock, LoadMore, QueryError, usePagedConnection } from '@bianmin/frontend-kit/react';
import { useAffairsContext, useAffairsPath } from '../../app/affairs-context';
import { OutcomeNotice } from '../../components/OutcomeNotice';
import { useMutationRunner } from '../../components/useMutationRunner';
import { formatDateTime } from '../../domain/datetime';
import { scoreLabelKey } from '../../domain/rating';
import type { RectificationTaskFields } from '../../graphql/types';
import { PAGE_SIZE, RECTIFICATION_TASKS, RESPOND_TO_RECTIFICATION } from './queries';

const MAX_RESPONSE = 1000;

/** 整改: poor ratings (1–2 stars) of the department, oldest open first, each answered in writing. */
export function RectificationTab() {
  const { t } = useTranslation();
  const [openOnly, setOpenOnly] = useState(true);
  const { data, loading, error, refetch, fetchMore } = useQuery(RECTIFICATION_TASKS, {
    variables: { openOnly, first: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const reload = useCallback(() => refetch(), [refetch]);
  const connection = data?.rectificationTasks ?? null;
  const paging = usePagedConnection(connection, fetchMore);
  // Here rather than on the card: an answered task leaves the "open" list, its message must not.
  const runner = useMutationRunner(reload);
  const [respond] = useMutation(RESPOND_TO_RECTIFICATION);

  const submitResponse = (task: RectificationTaskFields, text: string) =>
    runner.run(
      `respond-${task.id}`,
      () =>
        respond({ variables: { id: task.id, response: text } }).then((r) => r.data?.respondToRectification),
      t('rectification.responded', { reference: task.applicationReference }),
      { reloadOnOk: true },
    );

  return (
    <div className="aff-rectification-tab" data-testid="rectification-tasks">
      <p className="aff-muted">{t('rectification.lead')}</p>
      <Radio.Group
        value={openOnly ? 'open' : 'all'}
        onChange={(e) => setOpenOnly(e.target.value === 'open')}
        optionType="button"
        aria-label={t('rectification.show')}
        options={[
          { value: 'open', label: t('rectification.openOnly') },
          { value: 'all', label: t('rectification.all') },
        ]}
      />
      <OutcomeNotice notice={runner.notice} onClose={runner.clear} />
      {loading && !data ? (
        <LoadingBlock cards={2} />
      ) : error && !data ? (
        <QueryError error={error} onRetry={reload} retrying={loading} />
      ) : !connection || connection.edges.length === 0 ? (
        <div className="aff-panel" data-testid="rectification-empty">
          <Empty description={openOnly ? t('rectification.emptyOpen') : t('rectification.empty')} />
        </div>
      ) : (
        <>
          <ul className="aff-list">
            {connection.edges.map(({ node }) => (
              <TaskCard
                key={node.id}
                task={node}
                onRespond={(text) => submitResponse(node, text)}
                responding={runner.running === `respond-${node.id}`}
                busy={runner.running !== null}
              />
            ))}
          </ul>
          <LoadMore connection={connection} paging={paging} />
        </>
      )}
    </div>
  );
}

function TaskCard({
  task,
  onRespond,
  responding,
  busy,
}: {
  task: RectificationTaskFields;
  onRespond: (text: string) => Promise<unknown>;
  responding: boolean;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const { locale } = useAffairsContext();
  const to = useAffairsPath();
  const [response, setResponse] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const fieldId = useId();
  const open = task.status === 'OPEN';

  function submit() {
    const text = response.trim();
    if (!text) {
      setProblem(t('rectification.responseRequired'));
      return;
    }
    if ([...text].length > MAX_RESPONSE) {
      setProblem(t('rectification.responseTooLong', { max: MAX_RESPONSE }));
      return;
    }
    setProblem(null);
    void onRespond(text);
  }

  return (
    <li className="aff-card aff-task" data-testid="rectification-task" data-status={task.status}>
      <div className="aff-task__head">
        <h3>
          <Link to={to(`workbench/${encodeURIComponent(task.applicationId)}`)}>
            {task.applicationReference}
          </Link>
        </h3>
        <Tag className={open ? 'aff-tag aff-tag--action' : 'aff-tag aff-tag--success'}>
          {t(`rectification.status.${task.status}`)}
        </Tag>
      </div>
      <p className="aff-muted" lang="zh-CN">
        {task.itemName}
      </p>
      <p>
        <span className="aff-rating__stars" aria-hidden>
          {'★'.repeat(task.score)}
          {'☆'.repeat(5 - task.score)}
        </span>{' '}
        <strong>{t('rating.scoreText', { score: task.score, label: t(scoreLabelKey(task.score)) })}</strong>
      </p>
      {task.comment ? (
        <p className="aff-quote">
          {t('rectification.residentSaid')}
          {task.comment}
        </p>
      ) : (
        <p className="aff-muted">{t('rectification.noComment')}</p>
      )}
      <p className="aff-muted aff-small">
        {t('rectification.openedAt', { time: formatDateTime(task.openedAt, locale) })}
      </p>
      {open ? (
        <form
          className="aff-task__form"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
          noValidate
        >
          <label htmlFor={fieldId}>{t('rectification.response')}</label>
          <Input.TextArea
            id={fieldId}
            value={response}
            onChange={(e) => setResponse(e.target.value)}
            maxLength={MAX_RESPONSE}
            showCount
            autoSize={{ minRows: 3, maxRows: 10 }}
            data-testid="rectification-response-input"
          />
          <p className="aff-muted aff-small">{t('rectification.responseHint')}</p>
          <div role="alert">{problem && <Alert type="error" showIcon title={problem} />}</div>
          <Button
            type="primary"
            htmlType="submit"
            loading={responding}
            disabled={busy && !responding}
            data-testid="rectification-submit"
          >
            {t('rectification.submit')}
          </Button>
        </form>
      ) : (
        <div className="aff-task__response">
          <p className="aff-quote">
            {t('rectification.ourResponse')}
            {task.response}
          </p>
          {task.closedAt && (
            <p className="aff-muted aff-small">
              {t('rating.respondedAt', { time: formatDateTime(task.closedAt, locale) })}
            </p>
          )}
        </div>
      )}
    </li>
  );
}
