import { useMutation } from '@apollo/client/react';
import { Alert, Button } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useViewer } from '../../app/viewer';
import { summarizeBulkAssign, type BulkAssignSummary } from '../../domain/bulk-assign';
import { outcomeOfError } from '../../domain/mutation-result';
import type { InboxRowFields } from '../../graphql/types';
import { ColleagueSelect } from './ColleagueSelect';
import { ASSIGN_APPLICATIONS } from './queries';

type Run = 'claim' | 'assign' | 'release';

/**
 * 批量处理 for the rows picked in the inbox: claim them (anyone), or — supervisors — assign them
 * to a colleague or put them back in the pool. Each application succeeds or fails on its own;
 * the summary says how many were done and names the rest with the server's reason.
 */
export function BulkAssignBar({
  selected,
  supervisor,
  onDone,
}: {
  selected: InboxRowFields[];
  supervisor: boolean;
  onDone: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const { viewer } = useViewer();
  const colleagueId = useId();
  const [assignee, setAssignee] = useState<string | null>(null);
  const [running, setRunning] = useState<Run | null>(null);
  const [summary, setSummary] = useState<BulkAssignSummary | null>(null);
  const [networkError, setNetworkError] = useState<string | null>(null);
  const [assign] = useMutation(ASSIGN_APPLICATIONS);
  const count = selected.length;

  async function run(kind: Run, to: string | null) {
    setRunning(kind);
    setSummary(null);
    setNetworkError(null);
    const picked = selected.map((row) => ({ id: row.id, reference: row.reference }));
    try {
      const result = await assign({
        variables: {
          items: selected.map((row) => ({ id: row.id, expectedVersion: row.version })),
          assigneeAccountId: to,
        },
      });
      const data = result.data?.assignApplications;
      if (!data) setNetworkError(t('outcome.network'));
      else setSummary(summarizeBulkAssign(data, picked));
      await onDone();
    } catch (error) {
      const outcome = outcomeOfError(error);
      setNetworkError(outcome.kind === 'session' ? t('outcome.session') : t('outcome.network'));
    } finally {
      setRunning(null);
    }
  }

  return (
    <section className="aff-bulk" aria-label={t('assign.bulkTitle')} data-testid="bulk-bar">
      <p className="aff-bulk__count" aria-live="polite" data-testid="bulk-count">
        {count > 0 ? t('assign.selected', { count }) : t('assign.noneSelected')}
      </p>
      <div className="aff-bulk__actions">
        <Button
          onClick={() => void run('claim', viewer?.id ?? null)}
          disabled={count === 0 || running !== null || !viewer}
          loading={running === 'claim'}
          data-testid="bulk-claim"
        >
          {t('assign.claimSelected')}
        </Button>
        {supervisor && (
          <>
            <label htmlFor={colleagueId} className="aff-visually-hidden">
              {t('assign.colleagueLabel')}
            </label>
            <ColleagueSelect
              id={colleagueId}
              value={assignee}
              onChange={setAssignee}
              testId="bulk-colleague"
            />
            <Button
              type="primary"
              onClick={() => void run('assign', assignee)}
              disabled={count === 0 || running !== null || !assignee}
              loading={running === 'assign'}
              data-testid="bulk-assign"
            >
              {t('assign.assignSelected')}
            </Button>
            <Button
              onClick={() => void run('release', null)}
              disabled={count === 0 || running !== null}
              loading={running === 'release'}
              data-testid="bulk-release"
            >
              {t('assign.releaseSelected')}
            </Button>
          </>
        )}
      </div>
      {networkError && <Alert type="error" showIcon title={networkError} data-testid="bulk-error" />}
      {summary?.refused && (
        <Alert type="error" showIcon title={summary.refused.message} data-testid="bulk-refused" />
      )}
      {summary && !summary.refused && (
        <Alert
          type={summary.failed.length ? 'warning' : 'success'}
          showIcon
          title={
            summary.failed.length
              ? t('assign.partlyDone', { done: summary.done, failed: summary.failed.length })
              : t('assign.allDone', { count: summary.done })
          }
          description={
            summary.failed.length > 0 && (
              <ul className="aff-bulk__failures">
                {summary.failed.map((f) => (
                  <li key={f.id}>
                    <strong>{f.reference}</strong>
                    {t('common.colon')}
                    {f.message}
                  </li>
                ))}
              </ul>
            )
          }
          data-testid="bulk-summary"
        />
      )}
    </section>
  );
}
