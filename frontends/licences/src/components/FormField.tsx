import { useId, type ReactNode } from 'react';

export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

/**
 * One labelled input with its hint and its problem, tied to it (`aria-describedby`,
 * `aria-invalid`) so a screen reader reads them with the input.
 */
export function FormField({
  label,
  hint,
  problem,
  testId,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  problem?: string | null;
  testId?: string;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const problemId = `${id}-problem`;
  const describedBy = [hint ? hintId : null, problem ? problemId : null].filter(Boolean).join(' ');
  return (
    <div className={problem ? 'lic-field lic-field--invalid' : 'lic-field'} data-testid={testId}>
      <label htmlFor={id} className="lic-field__label">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="lic-field__hint">
          {hint}
        </p>
      )}
      {children({
        id,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(problem ? { 'aria-invalid': true } : {}),
      })}
      {problem && (
        <p id={problemId} className="lic-field__problem" data-testid="field-problem">
          {problem}
        </p>
      )}
    </div>
  );
}
