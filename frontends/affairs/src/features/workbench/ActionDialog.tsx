import { Checkbox, Input } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../components/FormDialog';
import type { Notice } from '../../components/useMutationRunner';
import {
  actionInput,
  actionTone,
  MAX_COMMENT,
  MAX_MATERIAL_REASON,
  type ActionInput,
  type ActionProblem,
} from '../../domain/workflow-actions';
import type { ApplicationMaterialFields, WorkflowActionFields } from '../../graphql/types';

interface Props {
  action: WorkflowActionFields;
  materials: ApplicationMaterialFields[];
  running: boolean;
  /** The last result while the dialog is open (a refusal stays here, next to the form). */
  notice: Notice | null;
  onSubmit: (input: ActionInput | undefined) => void;
  onCancel: () => void;
}

/**
 * One workflow action's dialog: asks for exactly what the action needs — a comment when the
 * workflow requires one (optional otherwise), and for 补正 a checklist of materials, each with its
 * reason (at least one).
 */
export function ActionDialog({ action, materials, running, notice, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const [reasons, setReasons] = useState<Record<string, string | undefined>>({});
  const [problem, setProblem] = useState<ActionProblem | null>(null);
  const commentId = useId();
  const nameOf = (id: string) => materials.find((m) => m.id === id)?.name ?? id;

  function submit() {
    const picked = materials
      .filter((m) => reasons[m.id] !== undefined)
      .map((m) => ({ materialId: m.id, reason: reasons[m.id] ?? '' }));
    const checked = actionInput(action, { comment, reasons: picked });
    if (!checked.ok) {
      setProblem(checked.problem);
      return;
    }
    setProblem(null);
    onSubmit(checked.input);
  }

  const problemText = problem && describeProblem(problem, t, nameOf);

  return (
    <FormDialog
      title={action.label}
      okText={action.label}
      okButtonProps={{
        danger: actionTone(action.name) === 'danger',
        // antd spaces out two-character labels (受 理); tests find the button by id instead.
        ...({ 'data-testid': 'action-confirm' } as object),
      }}
      running={running}
      notice={notice}
      problem={problemText}
      onSubmit={submit}
      onCancel={onCancel}
      maskClosable={!running}
      testId="action-dialog"
      action={action.name}
    >
      {action.materialReasonsRequired && (
        <fieldset className="aff-dialog__reasons">
          <legend>{t('actions.pickMaterials')}</legend>
          <ul className="aff-reason-list">
            {materials.map((material) => {
              const picked = reasons[material.id] !== undefined;
              return (
                <li key={material.id} data-testid="reason-material">
                  <Checkbox
                    checked={picked}
                    onChange={(e) =>
                      setReasons((current) => ({
                        ...current,
                        [material.id]: e.target.checked ? '' : undefined,
                      }))
                    }
                  >
                    <span lang="zh-CN">{material.name}</span>
                  </Checkbox>
                  {picked && (
                    <Input
                      aria-label={t('actions.reasonFor', { name: material.name })}
                      placeholder={t('actions.reasonPlaceholder')}
                      value={reasons[material.id] ?? ''}
                      maxLength={MAX_MATERIAL_REASON}
                      onChange={(e) =>
                        setReasons((current) => ({ ...current, [material.id]: e.target.value }))
                      }
                      data-testid="reason-input"
                    />
                  )}
                </li>
              );
            })}
          </ul>
        </fieldset>
      )}
      <div className="aff-field">
        <label htmlFor={commentId}>
          {action.commentRequired ? t('actions.commentRequired') : t('actions.commentOptional')}
        </label>
        <Input.TextArea
          id={commentId}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          maxLength={MAX_COMMENT}
          showCount
          autoSize={{ minRows: 3, maxRows: 8 }}
          aria-required={action.commentRequired}
          data-testid="action-comment"
        />
      </div>
    </FormDialog>
  );
}

function describeProblem(
  problem: ActionProblem,
  t: ReturnType<typeof useTranslation>['t'],
  nameOf: (id: string) => string,
): string {
  switch (problem.kind) {
    case 'commentRequired':
      return t('actions.problem.commentRequired');
    case 'commentTooLong':
      return t('actions.problem.commentTooLong', { max: MAX_COMMENT });
    case 'reasonsRequired':
      return t('actions.problem.reasonsRequired');
    case 'tooManyReasons':
      return t('actions.problem.tooManyReasons');
    case 'reasonMissing':
      return t('actions.problem.reasonMissing', { name: nameOf(problem.materialId) });
    case 'reasonTooLong':
      return t('actions.problem.reasonTooLong', {
        name: nameOf(problem.materialId),
        max: MAX_MATERIAL_REASON,
      });
  }
}
