import { Input, InputNumber, Radio } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../components/FormDialog';
import type { Notice } from '../../components/useMutationRunner';
import {
  extensionDecision,
  extensionRequest,
  MAX_COMMENT,
  MAX_EXTENSION_DAYS,
  MAX_EXTENSION_REASON,
  MIN_EXTENSION_DAYS,
} from '../../domain/workflow-actions';

interface DialogProps {
  running: boolean;
  notice: Notice | null;
  onCancel: () => void;
}

/** 申请延期: 1–10 working days and why. */
export function RequestExtensionDialog({
  running,
  notice,
  onCancel,
  onSubmit,
}: DialogProps & { onSubmit: (workingDays: number, reason: string) => void }) {
  const { t } = useTranslation();
  const [days, setDays] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const daysId = useId();
  const reasonId = useId();

  function submit() {
    const checked = extensionRequest(days, reason);
    if (!checked.ok) {
      setProblem(
        t(`extension.problem.${checked.problem}`, {
          min: MIN_EXTENSION_DAYS,
          max: checked.problem === 'days' ? MAX_EXTENSION_DAYS : MAX_EXTENSION_REASON,
        }),
      );
      return;
    }
    setProblem(null);
    onSubmit(checked.workingDays, checked.reason);
  }

  return (
    <FormDialog
      title={t('extension.request')}
      okText={t('extension.requestSubmit')}
      running={running}
      notice={notice}
      problem={problem}
      onSubmit={submit}
      onCancel={onCancel}
      testId="extension-dialog"
    >
      <p className="aff-muted">{t('extension.requestHint')}</p>
      <div className="aff-field">
        <label htmlFor={daysId}>
          {t('extension.days', { min: MIN_EXTENSION_DAYS, max: MAX_EXTENSION_DAYS })}
        </label>
        <InputNumber
          id={daysId}
          min={MIN_EXTENSION_DAYS}
          max={MAX_EXTENSION_DAYS}
          precision={0}
          value={days}
          onChange={(value) => setDays(typeof value === 'number' ? value : null)}
          data-testid="extension-days"
        />
      </div>
      <div className="aff-field">
        <label htmlFor={reasonId}>{t('extension.reason')}</label>
        <Input.TextArea
          id={reasonId}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={MAX_EXTENSION_REASON}
          showCount
          autoSize={{ minRows: 3, maxRows: 8 }}
          data-testid="extension-reason"
        />
      </div>
    </FormDialog>
  );
}

/** A supervisor approves or declines the pending extension (a comment is required to decline). */
export function DecideExtensionDialog({
  running,
  notice,
  onCancel,
  onSubmit,
}: DialogProps & { onSubmit: (approve: boolean, comment: string | undefined) => void }) {
  const { t } = useTranslation();
  const [approve, setApprove] = useState<boolean | null>(null);
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const commentId = useId();

  function submit() {
    if (approve === null) {
      setProblem(t('extension.problem.decision'));
      return;
    }
    const checked = extensionDecision(approve, comment);
    if (!checked.ok) {
      setProblem(t(`extension.problem.${checked.problem}`, { max: MAX_COMMENT }));
      return;
    }
    setProblem(null);
    onSubmit(approve, checked.comment);
  }

  return (
    <FormDialog
      title={t('extension.decide')}
      okText={t('extension.decideSubmit')}
      running={running}
      notice={notice}
      problem={problem}
      onSubmit={submit}
      onCancel={onCancel}
      testId="decide-extension-dialog"
    >
      <fieldset className="aff-field">
        <legend>{t('extension.decision')}</legend>
        <Radio.Group
          value={approve === null ? undefined : approve ? 'approve' : 'decline'}
          onChange={(e) => setApprove(e.target.value === 'approve')}
          options={[
            { value: 'approve', label: t('extension.approve') },
            { value: 'decline', label: t('extension.decline') },
          ]}
          className="aff-radio-group"
        />
      </fieldset>
      <div className="aff-field">
        <label htmlFor={commentId}>
          {approve === false ? t('extension.commentRequired') : t('extension.commentOptional')}
        </label>
        <Input.TextArea
          id={commentId}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          maxLength={MAX_COMMENT}
          showCount
          autoSize={{ minRows: 2, maxRows: 6 }}
        />
      </div>
    </FormDialog>
  );
}
