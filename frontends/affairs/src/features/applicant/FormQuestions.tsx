import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Input, Radio } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAffairsContext } from '../../app/affairs-context';
import { OutcomeNotice } from '../../components/OutcomeNotice';
import { useMutationRunner } from '../../components/useMutationRunner';
import {
  answerText,
  fieldLabel,
  formQuestionsFromRules,
  NO,
  YES,
  type FormQuestion,
} from '../../domain/form-questions';
import type { ApplicantApplication } from '../../graphql/types';
import { INSTANT_APPROVAL_RULES, SAVE_DRAFT } from './queries';

/** The questions an item's rules read, for the wizard; none when the item has no such rules. */
export function useFormQuestions(itemCode: string): { questions: FormQuestion[]; loading: boolean } {
  const { data, loading } = useQuery(INSTANT_APPROVAL_RULES, {
    variables: { itemCode },
    errorPolicy: 'all',
    skip: !itemCode,
  });
  return { questions: formQuestionsFromRules(data?.instantApprovalRules?.rules), loading: loading && !data };
}

interface Props {
  application: ApplicantApplication;
  questions: FormQuestion[];
  reload: () => Promise<unknown>;
}

/** 申请信息: each answer is saved as soon as it is given. */
export function FormQuestions({ application, questions, reload }: Props) {
  const { t } = useTranslation();
  const runner = useMutationRunner(reload);
  const [saveDraft] = useMutation(SAVE_DRAFT);

  if (questions.length === 0) return null;
  const answerOf = (field: string) => application.formAnswers.find((a) => a.field === field)?.value ?? '';

  function save(field: string, value: string) {
    void runner.run(
      `answer-${field}`,
      () =>
        saveDraft({
          variables: {
            id: application.id,
            expectedVersion: application.version,
            input: { formAnswers: [{ field, value }] },
          },
        }).then((r) => r.data?.saveApplicationDraft),
      t('form.saved'),
    );
  }

  return (
    <section className="aff-panel" aria-labelledby="aff-form-title" data-testid="form-questions">
      <h2 id="aff-form-title">{t('form.title')}</h2>
      <p className="aff-muted aff-small">{t('form.hint')}</p>
      <div className="aff-questions">
        {questions.map((question) => (
          <Question
            key={question.field}
            question={question}
            value={answerOf(question.field)}
            busy={runner.running !== null}
            onSave={(value) => save(question.field, value)}
          />
        ))}
      </div>
      <OutcomeNotice notice={runner.notice} onClose={runner.clear} />
    </section>
  );
}

function Question({
  question,
  value,
  busy,
  onSave,
}: {
  question: FormQuestion;
  value: string;
  busy: boolean;
  onSave: (value: string) => void;
}) {
  const { t } = useTranslation();
  const { locale } = useAffairsContext();
  const label = fieldLabel(question.field, question.ruleLabel, locale, t);
  const inputId = useId();
  const [text, setText] = useState(value);

  if (question.kind === 'text') {
    return (
      <div className="aff-field" data-testid="form-question" data-field={question.field}>
        <label htmlFor={inputId}>{label}</label>
        <div className="aff-field__row">
          <Input id={inputId} value={text} maxLength={500} onChange={(e) => setText(e.target.value)} />
          <Button onClick={() => onSave(text.trim())} disabled={busy || text.trim() === value}>
            {t('common.save')}
          </Button>
        </div>
      </div>
    );
  }
  const options =
    question.kind === 'boolean'
      ? [
          { value: YES, label: t('form.yes') },
          { value: NO, label: t('form.no') },
        ]
      : question.options.map((option) => ({ value: option, label: answerText(question.field, option, t) }));
  return (
    <fieldset className="aff-field" data-testid="form-question" data-field={question.field}>
      <legend>{label}</legend>
      <Radio.Group
        value={value || undefined}
        onChange={(e) => onSave(String(e.target.value))}
        disabled={busy}
        options={options}
        className="aff-radio-group"
      />
    </fieldset>
  );
}
