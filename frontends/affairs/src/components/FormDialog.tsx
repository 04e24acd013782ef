import { Alert, Modal, type ButtonProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OutcomeNotice } from './OutcomeNotice';
import type { Notice } from './useMutationRunner';

interface Props {
  title: ReactNode;
  okText: string;
  /** More for the OK button, e.g. `danger` (its `loading` follows `running`). */
  okButtonProps?: ButtonProps;
  running: boolean;
  /** The last result while the dialog is open (a refusal stays here, next to the form). */
  notice: Notice | null;
  /** What is wrong with the form as filled in, checked before anything is sent. */
  problem: string | null;
  /** Called by the OK button and by Enter in the form. */
  onSubmit: () => void;
  onCancel: () => void;
  maskClosable?: boolean;
  /** The form's `data-testid`. */
  testId: string;
  /** The form's `data-action`, for a workflow action's dialog. */
  action?: string;
  children: ReactNode;
}

/**
 * A dialog around one form: OK submits it (so does Enter), the form's own problem is announced as
 * an alert, and the server's answer shows below it until the dialog closes.
 */
export function FormDialog({
  title,
  okText,
  okButtonProps,
  running,
  notice,
  problem,
  onSubmit,
  onCancel,
  maskClosable,
  testId,
  action,
  children,
}: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={title}
      okText={okText}
      okButtonProps={{ ...okButtonProps, loading: running }}
      cancelText={t('common.cancel')}
      onOk={onSubmit}
      onCancel={onCancel}
      destroyOnHidden
      maskClosable={maskClosable}
    >
      <form
        className="aff-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
        data-testid={testId}
        data-action={action}
      >
        {children}
        <div role="alert">{problem && <Alert type="error" showIcon title={problem} />}</div>
        <OutcomeNotice notice={notice} />
      </form>
    </Modal>
  );
}
