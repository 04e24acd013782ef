import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Checkbox, Result, Steps } from 'antd';
import { CheckCircleFilled, ThunderboltFilled } from '@ant-design/icons';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadingBlock, PageHeading, QueryError, useDocumentTitle } from '@bianmin/frontend-kit/react';
import { useAffairsContext, useAffairsPath } from '../../app/affairs-context';
import { FormAnswers } from '../../components/FormAnswers';
import { MaterialsOverview } from '../../components/MaterialsOverview';
import { NotFound } from '../../components/NotFound';
import { OutcomeNotice } from '../../components/OutcomeNotice';
import { RuleExplanation } from '../../components/RuleExplanation';
import { StateTag } from '../../components/StateTag';
import { TermsFacts } from '../../components/TermsFacts';
import { useMutationRunner } from '../../components/useMutationRunner';
import { formatDateTime } from '../../domain/datetime';
import { answerText, fieldLabel, type FormQuestion } from '../../domain/form-questions';
import { missingRequired } from '../../domain/materials';
import { outcomeOf, outcomeOfError, type MutationOutcome } from '../../domain/mutation-result';
import type { ApplicantApplication } from '../../graphql/types';
import { FormQuestions, useFormQuestions } from '../applicant/FormQuestions';
import { MaterialsEditor } from '../applicant/MaterialsEditor';
import { ACT_AS_APPLICANT, APPLICANT_APPLICATION_QUERY, START_APPLICATION } from '../applicant/queries';
import { useItemGuide } from '../applicant/useItemGuide';

interface Started {
  key: string;
  id: string | null;
  outcome: MutationOutcome;
}

/**
 * 在线申请: starts (or resumes) the draft for the item, then the wizard. `startApplication` runs
 * once per item and attempt (StrictMode runs effects twice; two calls could make two drafts).
 */
export function ApplyPage() {
  const { t } = useTranslation();
  const { itemId = '' } = useParams();
  const [start] = useMutation(START_APPLICATION);
  const [attempt, setAttempt] = useState(0);
  const [started, setStarted] = useState<Started | null>(null);
  const launched = useRef<string | null>(null);
  const key = `${itemId}#${attempt}`;
  useDocumentTitle(t('apply.title'));

  useEffect(() => {
    if (launched.current === key) return;
    launched.current = key;
    start({ variables: { itemId } }).then(
      (response) => {
        const result = response.data?.startApplication;
        const outcome = outcomeOf(result);
        setStarted({ key, id: outcome.kind === 'ok' ? (result?.application?.id ?? null) : null, outcome });
      },
      (error: unknown) => setStarted({ key, id: null, outcome: outcomeOfError(error) }),
    );
  }, [key, itemId, start]);

  const current = started?.key === key ? started : null;
  if (!current) {
    return (
      <div className="aff-page">
        <LoadingBlock rows={6} label={t('apply.starting')} />
      </div>
    );
  }
  if (!current.id) {
    const { outcome } = current;
    if (outcome.kind === 'refused' && outcome.code === 'NOT_FOUND') {
      return <NotFound title={t('apply.itemNotFound')} body={outcome.message} />;
    }
    return (
      <div className="aff-page">
        <PageHeading title={t('apply.title')} />
        <StartFailed outcome={outcome} onRetry={() => setAttempt((n) => n + 1)} />
      </div>
    );
  }
  return <ApplyWizard key={current.id} applicationId={current.id} />;
}

function StartFailed({ outcome, onRetry }: { outcome: MutationOutcome; onRetry: () => void }) {
  const { t } = useTranslation();
  const message =
    outcome.kind === 'refused' || outcome.kind === 'stale'
      ? outcome.message
      : outcome.kind === 'session'
        ? t('outcome.session')
        : t('outcome.network');
  return (
    <div role="alert" className="aff-panel" data-testid="start-failed">
      <Result
        status="warning"
        title={<h2 className="aff-result-title">{t('apply.startFailed')}</h2>}
        subTitle={<span data-testid="outcome-message">{message}</span>}
        extra={
          <Button type="primary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        }
      />
    </div>
  );
}

const STEP_KEYS = ['materials', 'review', 'submit'] as const;

function ApplyWizard({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation();
  const { locale } = useAffairsContext();
  const to = useAffairsPath();
  const { data, loading, error, refetch } = useQuery(APPLICANT_APPLICATION_QUERY, {
    variables: { id: applicationId },
  });
  const reload = useCallback(() => refetch(), [refetch]);
  const application = data?.application ?? null;
  const itemCode = application?.terms.itemCode ?? '';
  const guide = useItemGuide(itemCode);
  const { questions } = useFormQuestions(itemCode);
  const [step, setStep] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  const submitted = application !== null && application.state !== 'DRAFT';
  const current = submitted ? 2 : step;

  // Moving between steps puts focus (and a screen reader) at the new step's heading.
  useEffect(() => {
    if (!moved.current) return;
    headingRef.current?.focus();
  }, [current, submitted]);

  const go = (next: number) => {
    moved.current = true;
    setStep(next);
  };

  if (loading && !data) {
    return (
      <div className="aff-page">
        <LoadingBlock rows={8} />
      </div>
    );
  }
  if (error || !data) {
    return (
      <div className="aff-page">
        <QueryError error={error} onRetry={reload} retrying={loading} />
      </div>
    );
  }
  if (!application) return <NotFound title={t('errors.applicationNotFound')} />;

  const itemName = locale === 'en' && guide.nameEn ? guide.nameEn : application.terms.itemName;
  const missing = missingRequired(application.materials);

  let body: ReactNode;
  if (current === 0) {
    body = (
      <>
        <FormQuestions application={application} questions={questions} reload={reload} />
        <section className="aff-panel" aria-labelledby="aff-step-heading">
          <p className="aff-muted aff-small">{t('materials.lead')}</p>
          <MaterialsEditor application={application} guide={guide} reload={reload} />
        </section>
        {missing.length > 0 && (
          <p className="aff-muted" data-testid="missing-count">
            {t('apply.missingCount', { count: missing.length })}
          </p>
        )}
        <div className="aff-wizard__nav">
          <Button type="primary" size="large" onClick={() => go(1)} data-testid="to-review">
            {t('apply.next.review')}
          </Button>
        </div>
      </>
    );
  } else if (current === 1) {
    body = (
      <>
        <ReviewStep application={application} questions={questions} />
        {missing.length > 0 && <MissingMaterials names={missing.map((m) => m.name)} />}
        <div className="aff-wizard__nav">
          <Button size="large" onClick={() => go(0)} data-testid="back-to-materials">
            {t('apply.back')}
          </Button>
          <Button type="primary" size="large" onClick={() => go(2)} data-testid="to-submit">
            {t('apply.next.submit')}
          </Button>
        </div>
      </>
    );
  } else if (!submitted) {
    body = (
      <SubmitStep
        application={application}
        missing={missing.map((m) => m.name)}
        reload={reload}
        onBack={() => go(1)}
        onSubmitted={() => {
          moved.current = true;
        }}
      />
    );
  } else {
    body = <SubmitResult application={application} />;
  }

  return (
    <div className="aff-page aff-wizard" data-testid="apply-wizard">
      <PageHeading
        title={t('apply.titleFor', { name: itemName })}
        crumbs={[{ label: t('nav.mine'), to: to() }, { label: t('apply.title') }]}
        titleTestId="apply-title"
      >
        <p className="aff-heading-meta">
          <StateTag state={application.state} label={application.stateLabel} />
          <span className="aff-muted">
            {t('application.reference')} {application.reference}
          </span>
        </p>
      </PageHeading>
      <TermsFacts terms={application.terms} />
      <Steps
        className="aff-steps"
        current={current}
        size="small"
        items={STEP_KEYS.map((k, i) => ({
          key: k,
          title: t(`apply.steps.${k}`),
          status: submitted ? 'finish' : i < current ? 'finish' : i === current ? 'process' : 'wait',
        }))}
      />
      <h2
        id="aff-step-heading"
        ref={headingRef}
        tabIndex={-1}
        className="aff-step-heading"
        data-testid="step-heading"
      >
        {submitted
          ? application.state === 'APPROVED'
            ? t('apply.instantApproved')
            : t('apply.waiting')
          : t('apply.stepHeading', { n: current + 1, title: t(`apply.steps.${STEP_KEYS[current]}`) })}
      </h2>
      {body}
      {!submitted && (
        <p className="aff-muted aff-small">
          {t('apply.savedAutomatically', { time: formatDateTime(application.createdAt, locale) })}
        </p>
      )}
    </div>
  );
}

function MissingMaterials({ names }: { names: string[] }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      title={t('apply.missingTitle')}
      description={
        <ul className="aff-bullets" lang="zh-CN">
          {names.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ul>
      }
      data-testid="missing-materials"
    />
  );
}

function ReviewStep({
  application,
  questions,
}: {
  application: ApplicantApplication;
  questions: FormQuestion[];
}) {
  const { t } = useTranslation();
  const { locale } = useAffairsContext();
  const answerOf = (field: string) => application.formAnswers.find((a) => a.field === field)?.value;
  // Questions first (with "not answered"), then any other answers the draft holds.
  const others = application.formAnswers.filter((a) => !questions.some((q) => q.field === a.field));
  return (
    <>
      {questions.length > 0 && (
        <section className="aff-panel" aria-labelledby="aff-review-answers" data-testid="review-answers">
          <h3 id="aff-review-answers" className="aff-panel__title">
            {t('form.title')}
          </h3>
          <dl className="aff-facts">
            {questions.map((q) => {
              const value = answerOf(q.field);
              return (
                <div key={q.field}>
                  <dt>{fieldLabel(q.field, q.ruleLabel, locale, t)}</dt>
                  <dd>{value ? answerText(q.field, value, t) : <em>{t('form.unanswered')}</em>}</dd>
                </div>
              );
            })}
          </dl>
        </section>
      )}
      {others.length > 0 && <FormAnswers answers={others} />}
      <MaterialsOverview materials={application.materials} title={t('apply.reviewMaterials')} />
    </>
  );
}

function SubmitStep({
  application,
  missing,
  reload,
  onBack,
  onSubmitted,
}: {
  application: ApplicantApplication;
  missing: string[];
  reload: () => Promise<unknown>;
  onBack: () => void;
  onSubmitted: () => void;
}) {
  const { t } = useTranslation();
  const runner = useMutationRunner(reload);
  const [act] = useMutation(ACT_AS_APPLICANT);
  const [declared, setDeclared] = useState(false);

  function submit() {
    onSubmitted();
    void runner.run(
      'submit',
      () =>
        act({
          variables: { id: application.id, expectedVersion: application.version, action: 'submit' },
        }).then((r) => r.data?.actOnApplication),
      t('apply.submitted'),
    );
  }

  return (
    <section className="aff-panel" data-testid="submit-step">
      {missing.length > 0 && <MissingMaterials names={missing} />}
      <Checkbox checked={declared} onChange={(e) => setDeclared(e.target.checked)} data-testid="declaration">
        {t('apply.declaration')}
      </Checkbox>
      <div className="aff-wizard__nav">
        <Button size="large" onClick={onBack}>
          {t('apply.back')}
        </Button>
        <Button
          type="primary"
          size="large"
          onClick={submit}
          disabled={!declared || missing.length > 0}
          loading={runner.running === 'submit'}
          data-testid="submit-application"
        >
          {t('apply.submit')}
        </Button>
      </div>
      <OutcomeNotice notice={runner.notice} onClose={runner.clear} />
    </section>
  );
}

/** After submission: 秒批通过 with the rules that approved it, or "submitted, waiting to be accepted". */
function SubmitResult({ application }: { application: ApplicantApplication }) {
  const { t } = useTranslation();
  const { locale } = useAffairsContext();
  const to = useAffairsPath();
  const approved = application.state === 'APPROVED';
  const links = [
    <Link
      key="detail"
      to={to(`applications/${encodeURIComponent(application.id)}`)}
      className="aff-button-link"
      data-testid="to-detail"
    >
      {t('apply.viewDetail')}
    </Link>,
    <Link key="mine" to={to()}>
      {t('apply.backToMine')}
    </Link>,
  ];
  return (
    <div className="aff-result" data-testid="submit-result" data-approved={approved ? 'true' : 'false'}>
      {approved ? (
        <Result
          icon={<ThunderboltFilled className="aff-result__instant" aria-hidden />}
          subTitle={<span data-testid="instant-approved">{t('apply.instantApprovedBody')}</span>}
          extra={links}
        />
      ) : (
        <Result
          icon={<CheckCircleFilled className="aff-result__submitted" aria-hidden />}
          subTitle={
            <span data-testid="waiting-acceptance">
              {application.acceptanceDueAt
                ? t('apply.waitingBody', { date: formatDateTime(application.acceptanceDueAt, locale) })
                : t('apply.waitingBodyNoDate')}
            </span>
          }
          extra={links}
        />
      )}
      {application.ruleEvaluation && (
        <RuleExplanation evaluation={application.ruleEvaluation} headingLevel="h3" />
      )}
    </div>
  );
}
