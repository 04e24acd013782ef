import { useMutation } from '@apollo/client/react';
import { Button } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserError } from '../../graphql/types';
import { ColleagueSelect } from './ColleagueSelect';
import { ASSIGN_APPLICATIONS } from './queries';

type Runner = {
  run: <T extends { ok: boolean; error: UserError | null }>(
    name: string,
    perform: () => Promise<T | null | undefined>,
    success: string,
    options?: { reloadOnOk?: boolean },
  ) => Promise<unknown>;
  running: string | null;
};

/** 分派 on the application page (supervisors): pick a colleague, hand it over. */
export function AssignControl({
  application,
  runner,
}: {
  application: { id: string; version: number; assigneeAccountId: string | null };
  runner: Runner;
}) {
  const { t } = useTranslation();
  const selectId = useId();
  const [assignee, setAssignee] = useState<string | null>(null);
  const [assign] = useMutation(ASSIGN_APPLICATIONS);
  const same = assignee !== null && assignee === application.assigneeAccountId;

  function hand() {
    if (!assignee) return;
    void runner.run(
      'assign',
      () =>
        assign({
          variables: {
            items: [{ id: application.id, expectedVersion: application.version }],
            assigneeAccountId: assignee,
          },
        }).then((r) => {
          const data = r.data?.assignApplications;
          if (!data) return null;
          // One application: its own result is the outcome (the request-level error when refused whole).
          const item = data.results[0];
          return item ? { ok: item.ok, error: item.error } : { ok: data.ok, error: data.error };
        }),
      t('assign.assigned'),
      { reloadOnOk: true },
    );
  }

  return (
    <div className="aff-assign" data-testid="assign-control">
      <label htmlFor={selectId}>{t('assign.colleagueLabel')}</label>
      <ColleagueSelect id={selectId} value={assignee} onChange={setAssignee} testId="assign-colleague" />
      <Button
        onClick={hand}
        disabled={!assignee || same || runner.running !== null}
        loading={runner.running === 'assign'}
        data-testid="assign"
      >
        {t('assign.assign')}
      </Button>
    </div>
  );
}
