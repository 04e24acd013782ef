import { useMutation } from '@apollo/client/react';
import { Alert, Button, Modal } from 'antd';
import { EditOutlined, RollbackOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading, useDocumentTitle } from '@bianmin/frontend-kit/react';
import { useAffairsContext, useAffairsPath } from '../../app/affairs-context';
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
import { missingRequired } from '../../domain/materials';
import type { ApplicantApplication } from '../../graphql/types';
import { MaterialsEditor } from '../applicant/MaterialsEditor';
import { ACT_AS_APPLICANT, APPLICANT_APPLICATION_QUERY } from '../applicant/queries';
import { useItemGuide } from '../applicant/useItemGuide';
import { RatingSection } from './RatingSection';

/** 办件详情 for the applicant: where it stands, the clock, what happened, and what they can do. */
export function ApplicationPage() {
  const { t } = useTranslation();
  const { application, reload, status } = useRouteApplication(APPLICANT_APPLICATION_QUERY);
  useDocumentTitle(application ? application.terms.itemName : t('application.title'));

  if (!application) {
    return (
      <ApplicationLoadState {...status} reload={reload} notFoundBody={t('errors.applicationNotFoundBody')} />
    );
  }
  return <ApplicationDetail application={application} reload={reload} />;
}

function ApplicationDetail({
  application,
  reload,
}: {
  application: ApplicantApplication;
  reload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const { locale } = useAffairsContext();
  const to = useAffairsPath();
  const guide = useItemGuide(application.terms.itemCode);
  const runner = useMutationRunner(reload);
  const [act] = useMutation(ACT_AS_APPLICANT);
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);
  const can = (name: string) => application.availableActions.some((a) => a.name === name);
  const itemName = locale === 'en' && guide.nameEn ? guide.nameEn : application.terms.itemName;
  const returned = application.state === 'RETURNED';
  const decided = isDecided(application.state);

  function perform(action: 'withdraw' | 'resubmit', success: string) {
    return runner.run(
      action,
      () =>
        act({
          variables: { id: application.id, expectedVersion: application.version, action },
        }).then((r) => r.data?.actOnApplication),
      success,
    );
  }

  return (
    <article className="aff-page aff-detail" data-testid="application-detail">
      <PageHeading
        title={itemName}
        titleTestId="application-title"
        crumbs={[{ label: t('nav.mine'), to: to() }, { label: application.reference }]}
      >
        <ApplicationHeadingMeta application={application}>
          {application.submittedAt && (
            <span className="aff-muted">
              {t('application.submittedAt', { time: formatDateTime(application.submittedAt, locale) })}
            </span>
          )}
        </ApplicationHeadingMeta>
      </PageHeading>

      <div className="aff-actions" aria-label={t('application.actions')} role="group">
        {application.state === 'DRAFT' && (
          <Link
            to={to(`apply/${encodeURIComponent(application.serviceItem.id)}`)}
            className="aff-button-link"
            data-testid="continue-draft"
          >
            <EditOutlined aria-hidden /> {t('marker.continue')}
          </Link>
        )}
        {can('withdraw') && (
          <Button
            danger
            icon={<RollbackOutlined aria-hidden />}
            onClick={() => setConfirmWithdraw(true)}
            disabled={runner.running !== null}
            data-testid="withdraw"
          >
            {t('application.withdraw')}
          </Button>
        )}
      </div>
      <OutcomeNotice notice={runner.notice} onClose={runner.clear} />

      <Modal
        open={confirmWithdraw}
        title={t('application.withdrawConfirmTitle')}
        okText={t('application.withdraw')}
        okButtonProps={{ danger: true, loading: runner.running === 'withdraw' }}
        cancelText={t('common.cancel')}
        onOk={async () => {
          await perform('withdraw', t('application.withdrawn'));
          setConfirmWithdraw(false);
        }}
        onCancel={() => setConfirmWithdraw(false)}
        destroyOnHidden
      >
        <p>{t('application.withdrawConfirmBody')}</p>
      </Modal>

      {returned && (
        <CorrectionPanel
          application={application}
          reload={reload}
          onResubmit={() => perform('resubmit', t('application.resubmitted'))}
          resubmitting={runner.running === 'resubmit'}
          canResubmit={can('resubmit')}
          guide={guide}
        />
      )}

      <div className="aff-detail__layout">
        <div className="aff-detail__main">
          {decided && <DecisionPanel application={application} />}
          <RatingSection application={application} reload={reload} />
          <HistoryTimeline history={application.history} materials={application.materials} />
          {application.ruleEvaluation && <RuleExplanation evaluation={application.ruleEvaluation} />}
          {!returned && <MaterialsOverview materials={application.materials} />}
          {application.formAnswers.length > 0 && <FormAnswers answers={application.formAnswers} />}
        </div>
        <aside className="aff-detail__aside" aria-label={t('application.facts')}>
          <DeadlineClock
            state={application.state}
            deadline={application.deadline}
            acceptanceDueAt={application.acceptanceDueAt}
          />
          <section className="aff-panel" aria-labelledby="aff-terms-title">
            <h2 id="aff-terms-title">{t('application.facts')}</h2>
            <TermsFacts terms={application.terms} reference={application.reference} />
          </section>
        </aside>
      </div>
    </article>
  );
}

/** 办理结果: the decision, when, and what the department said. */
function DecisionPanel({ application }: { application: ApplicantApplication }) {
  const { t } = useTranslation();
  const { locale } = useAffairsContext();
  const last = [...application.history].reverse().find((step) => step.toState === application.state);
  const good = application.state === 'APPROVED' || application.state === 'COMPLETED';
  return (
    <section
      className={`aff-panel aff-decision aff-decision--${good ? 'good' : 'bad'}`}
      aria-labelledby="aff-decision-title"
      data-testid="decision"
    >
      <h2 id="aff-decision-title">{t('application.outcome')}</h2>
      <p className="aff-decision__state">
        <strong>{application.stateLabel}</strong>
        {application.decidedAt && (
          <span className="aff-muted"> · {formatDateTime(application.decidedAt, locale)}</span>
        )}
      </p>
      {last?.comment && (
        <p className="aff-quote">
          {t('application.departmentSaid')}
          {last.comment}
        </p>
      )}
    </section>
  );
}

/** 补正: why it came back, each material's reason, fix them here, then resubmit. */
function CorrectionPanel({
  application,
  reload,
  onResubmit,
  resubmitting,
  canResubmit,
  guide,
}: {
  application: ApplicantApplication;
  reload: () => Promise<unknown>;
  onResubmit: () => void;
  resubmitting: boolean;
  canResubmit: boolean;
  guide: ReturnType<typeof useItemGuide>;
}) {
  const { t } = useTranslation();
  const request = [...application.history].reverse().find((step) => step.toState === 'RETURNED');
  const missing = missingRequired(application.materials);
  return (
    <section
      className="aff-panel aff-correction"
      aria-labelledby="aff-correction-title"
      data-testid="correction"
    >
      <h2 id="aff-correction-title">{t('correction.title')}</h2>
      <Alert
        type="warning"
        showIcon
        title={t('correction.lead')}
        description={request?.comment ? <span>{request.comment}</span> : undefined}
      />
      <MaterialsEditor application={application} guide={guide} reload={reload} />
      {missing.length > 0 && (
        <p className="aff-muted">
          {t('correction.missing', { names: missing.map((m) => m.name).join(t('common.listSeparator')) })}
        </p>
      )}
      {canResubmit && (
        <Button
          type="primary"
          size="large"
          onClick={onResubmit}
          loading={resubmitting}
          disabled={missing.length > 0}
          data-testid="resubmit"
        >
          {t('correction.resubmit')}
        </Button>
      )}
    </section>
  );
}
