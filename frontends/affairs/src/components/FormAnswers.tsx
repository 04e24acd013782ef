import { useTranslation } from 'react-i18next';
import { useAffairsContext } from '../app/affairs-context';
import { answerText, fieldLabel } from '../domain/form-questions';

/** The answers on the application form, in words. */
export function FormAnswers({ answers }: { answers: { field: string; value: string }[] }) {
  const { t } = useTranslation();
  const { locale } = useAffairsContext();
  return (
    <section className="aff-panel" aria-labelledby="aff-answers-title" data-testid="form-answers">
      <h2 id="aff-answers-title">{t('form.title')}</h2>
      {answers.length === 0 ? (
        <p className="aff-muted">{t('form.none')}</p>
      ) : (
        <dl className="aff-facts">
          {answers.map((answer) => (
            <div key={answer.field}>
              <dt>{fieldLabel(answer.field, null, locale, t)}</dt>
              <dd>{answerText(answer.field, answer.value, t)}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
