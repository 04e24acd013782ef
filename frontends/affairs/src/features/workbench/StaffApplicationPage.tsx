import { useMutation } from '@apollo/client/react';
import { Alert, Button, Tag } from 'antd';
import { FieldTimeOutlined, UserAddOutlined, UserDeleteOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading, useDocumentTitle } from '@bianmin/frontend-kit/react';
import { useAffairsContext, useAffairsPath } from '../../app/affairs-context';
import { useViewer } from '../../app/viewer';
import { ApplicationHeadingMeta } from '../../components/ApplicationHeadingMeta';
import { ApplicationLoadState } from '../../components/ApplicationLoadState';
import { DeadlineClock } from '../../components/DeadlineClock';
import { FormAnswers } from '../../components/FormAnswers';
import { HistoryTimeline } from '../../components/HistoryTimeline';
import { MaterialsOverview } from '../../components/MaterialsOverview';
import { OutcomeNotice } from '../../components/OutcomeNotice';
import { RuleExplanation } from '../../components/RuleExplanation';
import { TermsFacts } from '../../components/TermsFacts';
import { useMutationRunner } from '../../components/useMutationRunner';
import { useRouteApplication } from '../../components/useRouteApplication';
import { isDecided } from '../../domain/application-state';
import { formatDateTime } from '../../domain/datetime';
import { actionTone, APPLICANT_ACTIONS, type ActionInput } from '../../domain/workflow-actions';
import type { StaffApplication, UserError, WorkflowActionFields } from '../../graphql/types';
import { ActionDialog } from './ActionDialog';
import { AssignControl } from './AssignControl';
import { ApplicantPanel } from './ApplicantPanel';
import { DecideExtensionDialog, RequestExtensionDialog } from './ExtensionDialogs';
import {
  ACT_AS_STAFF,
  CLAIM_APPLICATION,
  DECIDE_EXTENSION,
  REQUEST_EXTENSION,
  STAFF_APPLICATION_QUERY,
} from './queries';
import { StaffGate } from './StaffGate';

/** 办件审查 for department staff: materials, rules, history, the clock, and the actions. */
export function StaffApplicationPage() {
  return (
    <StaffGate>
      <StaffApplicationLoader />
    </StaffGate>
  );
}

function StaffApplicationLoader() {
  const { t } = useTranslation();
  const { application, reload, status } = useRouteApplication(STAFF_APPLICATION_QUERY);
  useDocumentTitle(application ? application.reference : t('workbench.title'));

  if (!application) {
    return (
      <ApplicationLoadState
        {...status}
        reload={reload}
        notFoundBody={t('errors.staffApplicationNotFoundBody')}
      />
    );
  }
  return <StaffApplicationView application={application} reload={reload} />;
}

type Dialog =
  | { kind: 'action'; action: WorkflowActionFields }
  | { kind: 'requestExtension' }
  | { kind: 'decideExtension' }
  | null;

function StaffApplicationView({
  application,
  reload,
}: {
  application: StaffApplication;
  reload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const { locale } = useAffairsContext();
  const to = useAffairsPath();
  const { supervisor } = useViewer();
  const runner = useMutationRunner(reload);
  const [act] = useMutation(ACT_AS_STAFF);
  const [claim] = useMutation(CLAIM_APPLICATION);
  const [requestExtension] = useMutation(REQUEST_EXTENSION);
  const [decideExtension] = useMutation(DECIDE_EXTENSION);
  const [dialog, setDialog] = useState<Dialog>(null);
  const busy = runner.running !== null;
  const { id, version } = application;
  const decided = isDecided(application.state);
  const staffActions = application.availableActions.filter((a) => !APPLICANT_ACTIONS.includes(a.name));
  const extension = application.extension;
  // One extension per application, while the clock runs (the server has the final word).
  const canRequestExtension =
    !decided &&
    application.deadline !== null &&
    !application.deadline.clockStopped &&
    (extension === null || extension.status === 'DECLINED');

  /**
   * Run a dialog's mutation: success closes the dialog (the page shows the message); a refusal
   * stays in the dialog next to the form, except "已被他人处理", which closes it on fresh data.
   */
  async function fromDialog<T extends { ok: boolean; error: UserError | null }>(
    name: string,
    perform: () => Promise<T | null | undefined>,
    success: string,
  ) {
    const { outcome } = await runner.run(name, perform, success, { reloadOnOk: true });
    if (outcome.kind === 'ok' || outcome.kind === 'stale') setDialog(null);
  }

  function runAction(action: WorkflowActionFields, input: ActionInput | undefined) {
    void fromDialog(
      `action-${action.name}`,
      () =>
        act({ variables: { id, expectedVersion: version, action: action.name, input } }).then(
          (r) => r.data?.actOnApplication,
        ),
      t('actions.done', { action: action.label }),
    );
  }

  function toggleClaim(release: boolean) {
    void runner.run(
      release ? 'release' : 'claim',
      () =>
        claim({ variables: { id, expectedVersion: version, release } }).then((r) => r.data?.claimApplication),
      release ? t('claim.released') : t('claim.claimed'),
      { reloadOnOk: true },
    );
  }

  return (
    <article className="aff-page aff-detail" data-testid="staff-application">
      <PageHeading
        title={<span lang="zh-CN">{application.terms.itemName}</span>}
        titleTestId="staff-application-title"
        crumbs={[{ label: t('nav.workbench'), to: to('workbench') }, { label: application.reference }]}
      >
        <ApplicationHeadingMeta application={application}>
          <span className="aff-muted">
            {t('application.workflow', {
              name: application.workflow.name,
              version: application.workflow.version,
            })}
          </span>
          {application.escalatedAt && (
            <Tag className="aff-tag aff-tag--danger" data-testid="flag-escalated">
              {t('inbox.escalatedAt', { time: formatDateTime(application.escalatedAt, locale) })}
            </Tag>
          )}
        </ApplicationHeadingMeta>
      </PageHeading>

      <section className="aff-panel aff-work" aria-labelledby="aff-work-title" data-testid="staff-actions">
        <h2 id="aff-work-title">{t('actions.title')}</h2>
        <div className="aff-work__claim">
          <p data-testid="assignee">
            {application.assignedToMe
              ? t('claim.mine')
              : application.assigneeAccountId
                ? application.assignee
                  ? t('claim.otherNamed', { name: application.assignee.name })
                  : t('claim.other')
                : t('claim.pool')}
          </p>
          {!decided &&
            (application.assignedToMe ? (
              <Button
                icon={<UserDeleteOutlined aria-hidden />}
                onClick={() => toggleClaim(true)}
                loading={runner.running === 'release'}
                disabled={busy}
                data-testid="release"
              >
                {t('claim.release')}
              </Button>
            ) : (
              !application.assigneeAccountId && (
                <Button
                  type="primary"
                  icon={<UserAddOutlined aria-hidden />}
                  onClick={() => toggleClaim(false)}
                  loading={runner.running === 'claim'}
                  disabled={busy}
                  data-testid="claim"
                >
                  {t('claim.claim')}
                </Button>
              )
            ))}
        </div>
        {supervisor && !decided && <AssignControl application={application} runner={runner} />}
        {staffActions.length > 0 ? (
          <div className="aff-actions" role="group" aria-label={t('actions.available')}>
            {staffActions.map((action) => {
              const tone = actionTone(action.name);
              return (
                <Button
                  key={action.name}
                  type={tone === 'primary' ? 'primary' : 'default'}
                  danger={tone === 'danger'}
                  size="large"
                  onClick={() => {
                    runner.clear();
                    setDialog({ kind: 'action', action });
                  }}
                  disabled={busy}
                  data-testid={`action-${action.name}`}
                >
                  {action.label}
                </Button>
              );
            })}
          </div>
        ) : (
          <p className="aff-muted" data-testid="no-actions">
            {decided ? t('actions.noneDecided') : t('actions.none')}
          </p>
        )}
        {dialog === null && <OutcomeNotice notice={runner.notice} onClose={runner.clear} />}
      </section>

      <div className="aff-detail__layout">
        <div className="aff-detail__main">
          {application.ruleEvaluation && (
            <RuleExplanation evaluation={application.ruleEvaluation} highlightProblems />
          )}
          <MaterialsOverview materials={application.materials} />
          <FormAnswers answers={application.formAnswers} />
          <HistoryTimeline history={application.history} materials={application.materials} />
        </div>
        <aside className="aff-detail__aside" aria-label={t('application.facts')}>
          <DeadlineClock
            state={application.state}
            deadline={application.deadline}
            acceptanceDueAt={application.acceptanceDueAt}
          />
          {/* Keyed: a value revealed for one case never shows on another's page. */}
          <ApplicantPanel
            key={application.id}
            applicationId={application.id}
            reference={application.reference}
          />
          <section className="aff-panel" aria-labelledby="aff-extension-title" data-testid="extension">
            <h2 id="aff-extension-title">
              <FieldTimeOutlined aria-hidden /> {t('extension.title')}
            </h2>
            {extension ? (
              <div data-testid="extension-status" data-status={extension.status}>
                <p>
                  <Tag className={`aff-tag aff-tag--extension-${extension.status.toLowerCase()}`}>
                    {t(`extension.status.${extension.status}`)}
                  </Tag>{' '}
                  {t('extension.summary', { count: extension.workingDays })}
                </p>
                <p className="aff-quote">
                  {t('extension.reasonGiven')}
                  {extension.reason}
                </p>
                <p className="aff-muted aff-small">
                  {t('extension.requestedAt', { time: formatDateTime(extension.requestedAt, locale) })}
                  {extension.decidedAt &&
                    ` · ${t('extension.decidedAt', { time: formatDateTime(extension.decidedAt, locale) })}`}
                </p>
                {extension.decisionComment && (
                  <p className="aff-quote">
                    {t('extension.supervisorSaid')}
                    {extension.decisionComment}
                  </p>
                )}
              </div>
            ) : (
              <p className="aff-muted">{t('extension.none')}</p>
            )}
            <div className="aff-actions">
              {canRequestExtension && (
                <Button
                  onClick={() => {
                    runner.clear();
                    setDialog({ kind: 'requestExtension' });
                  }}
                  disabled={busy}
                  data-testid="request-extension"
                >
                  {t('extension.request')}
                </Button>
              )}
              {supervisor && extension?.status === 'REQUESTED' && (
                <Button
                  type="primary"
                  onClick={() => {
                    runner.clear();
                    setDialog({ kind: 'decideExtension' });
                  }}
                  disabled={busy}
                  data-testid="decide-extension"
                >
                  {t('extension.decide')}
                </Button>
              )}
            </div>
            {!supervisor && extension?.status === 'REQUESTED' && (
              <Alert type="info" showIcon title={t('extension.waitingForSupervisor')} />
            )}
          </section>
          <section className="aff-panel" aria-labelledby="aff-terms-title">
            <h2 id="aff-terms-title">{t('application.facts')}</h2>
            <TermsFacts terms={application.terms} reference={application.reference} />
            <dl className="aff-facts aff-facts--compact">
              {application.submittedAt && (
                <div>
                  <dt>{t('application.submitted')}</dt>
                  <dd>{formatDateTime(application.submittedAt, locale)}</dd>
                </div>
              )}
              {application.acceptedAt && (
                <div>
                  <dt>{t('application.accepted')}</dt>
                  <dd>{formatDateTime(application.acceptedAt, locale)}</dd>
                </div>
              )}
              {application.decidedAt && (
                <div>
                  <dt>{t('application.decided')}</dt>
                  <dd>{formatDateTime(application.decidedAt, locale)}</dd>
                </div>
              )}
            </dl>
          </section>
        </aside>
      </div>

      {dialog?.kind === 'action' && (
        <ActionDialog
          action={dialog.action}
          materials={application.materials}
          running={runner.running === `action-${dialog.action.name}`}
          notice={runner.notice}
          onSubmit={(input) => runAction(dialog.action, input)}
          onCancel={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'requestExtension' && (
        <RequestExtensionDialog
          running={runner.running === 'requestExtension'}
          notice={runner.notice}
          onCancel={() => setDialog(null)}
          onSubmit={(workingDays, reason) =>
            void fromDialog(
              'requestExtension',
              () =>
                requestExtension({ variables: { id, expectedVersion: version, workingDays, reason } }).then(
                  (r) => r.data?.requestExtension,
                ),
              t('extension.requested'),
            )
          }
        />
      )}
      {dialog?.kind === 'decideExtension' && (
        <DecideExtensionDialog
          running={runner.running === 'decideExtension'}
          notice={runner.notice}
          onCancel={() => setDialog(null)}
          onSubmit={(approve, comment) =>
            void fromDialog(
              'decideExtension',
              () =>
                decideExtension({ variables: { id, expectedVersion: version, approve, comment } }).then(
                  (r) => r.data?.decideExtension,
                ),
              approve ? t('extension.approved') : t('extension.declined'),
            )
          }
        />
      )}
    </article>
  );
}
