import { useTranslation } from 'react-i18next';
import { useAffairsContext } from '../app/affairs-context';
import { formatDateTime } from '../domain/datetime';
import type { RuleEvaluationFields, RuleOutcome } from '../graphql/types';

const MARKS: Record<RuleOutcome, string> = { PASS: '✓', FAIL: '✗', UNKNOWN: '?' };

interface Props {
  evaluation: RuleEvaluationFields;
  /** Staff see failed and unchecked rules highlighted: that is what they have to look at. */
  highlightProblems?: boolean;
  headingLevel?: 'h2' | 'h3';
}

/** 秒批 explained: each rule with ✓ / ✗ / ? and the server's explanation. */
export function RuleExplanation({ evaluation, highlightProblems = false, headingLevel = 'h2' }: Props) {
  const { t } = useTranslation();
  const { locale } = useAffairsContext();
  const Heading = headingLevel;
  const approved = evaluation.decision === 'APPROVE';
  return (
    <section className="aff-panel aff-rules" aria-labelledby="aff-rules-title" data-testid="rule-explanation">
      <Heading id="aff-rules-title">{t('rules.title')}</Heading>
      <p className={approved ? 'aff-rules__decision aff-rules__decision--approve' : 'aff-rules__decision'}>
        {approved ? t('rules.approved') : t('rules.review')}
      </p>
      <ul className="aff-rules__list">
        {evaluation.results.map((result) => (
          <li
            key={result.ruleId}
            className={[
              'aff-rule',
              `aff-rule--${result.outcome.toLowerCase()}`,
              highlightProblems && result.outcome !== 'PASS' ? 'aff-rule--highlight' : '',
            ].join(' ')}
            data-testid="rule-result"
            data-outcome={result.outcome}
          >
            <span aria-hidden className="aff-rule__mark">
              {MARKS[result.outcome]}
            </span>
            <span className="aff-visually-hidden">{t(`rules.outcome.${result.outcome}`)}</span>
            <span className="aff-rule__text">{result.explanation}</span>
          </li>
        ))}
      </ul>
      <p className="aff-muted aff-small">
        {t('rules.meta', {
          version: evaluation.ruleSetVersion,
          time: formatDateTime(evaluation.evaluatedAt, locale),
        })}
      </p>
    </section>
  );
}
