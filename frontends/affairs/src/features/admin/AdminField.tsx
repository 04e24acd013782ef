import type { ReactNode } from 'react';

/**
 * What is wrong with one input, right under it. The input points here with `aria-describedby`
 * and says `aria-invalid`, so a screen reader reads the message when the input gets focus.
 */
export function FieldError({
  id,
  message,
  field,
}: {
  id: string;
  message: string | null | undefined;
  field?: string;
}) {
  if (!message) return null;
  return (
    <p id={id} className="aff-admin-field-error" data-testid="field-error" data-field={field}>
      {message}
    </p>
  );
}

/** Props that tie an input to its hint and FieldError (and antd's red outline). */
export function invalidProps(errorId: string, message: string | null | undefined, hintId?: string) {
  const describedBy = [message ? errorId : null, hintId ?? null].filter(Boolean).join(' ');
  return {
    'aria-invalid': message ? true : undefined,
    'aria-describedby': describedBy || undefined,
    status: message ? ('error' as const) : undefined,
  };
}

export type ControlProps = { id: string } & ReturnType<typeof invalidProps>;

/** A labelled input with its hint and its problem; `children` renders the input with `props`. */
export function AdminField({
  id,
  label,
  hint,
  error,
  field,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  /** The problem's `data-field`, e.g. the server's `rules.2.params.years`. */
  field?: string;
  className?: string;
  children: (props: ControlProps) => ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = `${id}-error`;
  return (
    <div className={className ? `aff-field ${className}` : 'aff-field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={hintId} className="aff-muted aff-small">
          {hint}
        </span>
      )}
      {children({ id, ...invalidProps(errorId, error, hintId) })}
      <FieldError id={errorId} message={error} field={field} />
    </div>
  );
}

/** Focus the element with this id, or the first input inside it (radio groups, selects). */
export function focusInput(id: string | null | undefined): void {
  const target = id ? document.getElementById(id) : null;
  if (!target) return;
  (target.matches('input, textarea, button')
    ? target
    : target.querySelector<HTMLElement>('input, textarea')
  )?.focus();
}
