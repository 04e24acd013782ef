import { useMutation } from '@apollo/client/react';
import { Alert, Button, Input } from 'antd';
import { StarOutlined } from '@ant-design/icons';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAffairsContext } from '../../app/affairs-context';
import { LabelledRate } from '../../components/LabelledRate';
import { OutcomeNotice } from '../../components/OutcomeNotice';
import { useMutationRunner } from '../../components/useMutationRunner';
import { formatDateTime } from '../../domain/datetime';
import {
  commentSuggested,
  EMPTY_RATING,
  MAX_RATING_COMMENT,
  RATING_INDICATORS,
  ratingInput,
  SCORES,
  scoreLabelKey,
  type RatingDraft,
  type RatingProblem,
} from '../../domain/rating';
import type { ApplicantApplication, RatingFields } from '../../graphql/types';
import { RATE_APPLICATION } from '../applicant/queries';

/** 好差评: the form while the application can be rated, the rating (and any response) once given. */
export function RatingSection({
  application,
  reload,
}: {
  application: ApplicantApplication;
  reload: () => Promise<unknown>;
}) {
  if (application.rating) return <RatingView rating={application.rating} />;
  if (application.canRate) return <RatingForm application={application} reload={reload} />;
  return null;
}

function RatingForm({
  application,
  reload,
}: {
  application: ApplicantApplication;
  reload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const runner = useMutationRunner(reload);
  const [rate] = useMutation(RATE_APPLICATION);
  const [draft, setDraft] = useState<RatingDraft>(EMPTY_RATING);
  const [problem, setProblem] = useState<RatingProblem | null>(null);
  const commentId = useId();
  const hintId = useId();
  const starLabels = SCORES.map((s) => t(scoreLabelKey(s)));
  const suggest = commentSuggested(draft.score);

  function set<K extends keyof RatingDraft>(key: K, value: RatingDraft[K]) {
    setDraft((current) => ({ ...current, [key]: value }));
    setProblem(null);
  }

  function submit() {
    const checked = ratingInput(draft);
    if (!checked.ok) {
      setProblem(checked.problem);
      return;
    }
    void runner.run(
      'rate',
      () =>
        rate({ variables: { id: application.id, input: checked.input } }).then(
          (r) => r.data?.rateApplication,
        ),
      t('rating.thanks'),
      { reloadOnOk: true },
    );
  }

  return (
    <section className="aff-panel aff-rating" aria-labelledby="aff-rating-title" data-testid="rating-form">
      <h2 id="aff-rating-title">
        <StarOutlined aria-hidden /> {t('rating.title')}
      </h2>
      <p className="aff-muted">{t('rating.lead')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        noValidate
      >
        <div className="aff-rating__overall">
          <LabelledRate
            label={t('rating.overall')}
            starLabels={starLabels}
            value={draft.score}
            onChange={(v) => set('score', v)}
            emptyText={t('rating.notRated')}
            testId="rating-score"
          />
        </div>
        <div className="aff-rating__indicators">
          {RATING_INDICATORS.map((indicator) => (
            <LabelledRate
              key={indicator}
              label={t(`rating.indicators.${indicator}`)}
              starLabels={starLabels}
              value={draft[indicator]}
              onChange={(v) => set(indicator, v)}
              emptyText={t('rating.notRated')}
              testId={`rating-${indicator}`}
            />
          ))}
        </div>
        <div className="aff-field">
          <label htmlFor={commentId}>{suggest ? t('rating.commentSuggested') : t('rating.comment')}</label>
          <Input.TextArea
            id={commentId}
            value={draft.comment}
            onChange={(e) => set('comment', e.target.value)}
            maxLength={MAX_RATING_COMMENT}
            showCount
            autoSize={{ minRows: suggest ? 4 : 2, maxRows: 8 }}
            aria-describedby={hintId}
            data-testid="rating-comment"
          />
          <p id={hintId} className="aff-muted aff-small">
            {suggest ? t('rating.commentSuggestedHint') : t('rating.commentHint')}
          </p>
        </div>
        <div role="alert">
          {problem && (
            <Alert
              type="error"
              showIcon
              title={
                problem === 'comment'
                  ? t('rating.problem.comment', { max: MAX_RATING_COMMENT })
                  : t('rating.problem.missing', {
                      what: problem === 'score' ? t('rating.overall') : t(`rating.indicators.${problem}`),
                    })
              }
              data-testid="rating-problem"
            />
          )}
        </div>
        <Button
          type="primary"
          size="large"
          htmlType="submit"
          loading={runner.running === 'rate'}
          data-testid="rating-submit"
        >
          {t('rating.submit')}
        </Button>
      </form>
      <OutcomeNotice notice={runner.notice} onClose={runner.clear} />
    </section>
  );
}

function RatingView({ rating }: { rating: RatingFields }) {
  const { t } = useTranslation();
  const { locale } = useAffairsContext();
  const starLabels = SCORES.map((s) => t(scoreLabelKey(s)));
  const task = rating.rectification;
  return (
    <section className="aff-panel aff-rating" aria-labelledby="aff-rating-title" data-testid="rating-view">
      <h2 id="aff-rating-title">
        <StarOutlined aria-hidden /> {t('rating.yours')}
      </h2>
      <p className="aff-rating__score" data-testid="rating-given">
        <span aria-hidden className="aff-rating__stars">
          {'★'.repeat(rating.score)}
          {'☆'.repeat(5 - rating.score)}
        </span>{' '}
        <strong>{t('rating.scoreText', { score: rating.score, label: rating.scoreLabel })}</strong>
      </p>
      <dl className="aff-facts aff-facts--compact">
        {RATING_INDICATORS.map((indicator) => (
          <div key={indicator}>
            <dt>{t(`rating.indicators.${indicator}`)}</dt>
            <dd>
              {t('rating.scoreText', {
                score: rating[indicator],
                label: starLabels[rating[indicator] - 1] ?? '',
              })}
            </dd>
          </div>
        ))}
      </dl>
      {rating.comment && (
        <p className="aff-quote">
          {t('rating.yourComment')}
          {rating.comment}
        </p>
      )}
      <p className="aff-muted aff-small">
        {t('rating.ratedAt', { time: formatDateTime(rating.ratedAt, locale) })}
      </p>
      {commentSuggested(rating.score) && (
        <div className="aff-rectification" data-testid="rectification-response">
          <h3>{t('rating.rectificationTitle')}</h3>
          {task?.response ? (
            <>
              <p className="aff-quote">{task.response}</p>
              {task.closedAt && (
                <p className="aff-muted aff-small">
                  {t('rating.respondedAt', { time: formatDateTime(task.closedAt, locale) })}
                </p>
              )}
            </>
          ) : (
            <p className="aff-muted">{t('rating.rectificationPending')}</p>
          )}
        </div>
      )}
    </section>
  );
}
