import { Rate } from 'antd';
import { cloneElement, isValidElement, useId, type ReactElement, type ReactNode } from 'react';

interface Props {
  /** What is being rated, e.g. 办事效率. */
  label: string;
  /** The name of each star, 1 to 5 (非常不满意 … 非常满意). */
  starLabels: readonly string[];
  value: number;
  onChange?: (value: number) => void;
  /** Shown when nothing is chosen yet. */
  emptyText: string;
  disabled?: boolean;
  testId?: string;
}

/**
 * antd's Rate with names: a labelled radiogroup around it, and each star (a role="radio") says
 * which score it is, so a screen reader hears "满意, 4 of 5" rather than five unnamed radios.
 * Arrow keys change the value (antd), and the chosen score's name is also written out.
 */
export function LabelledRate({
  label,
  starLabels,
  value,
  onChange,
  emptyText,
  disabled = false,
  testId,
}: Props) {
  const labelId = useId();
  const valueId = useId();
  return (
    <div className="aff-rate" data-testid={testId}>
      <span id={labelId} className="aff-rate__label">
        {label}
      </span>
      <span
        className="aff-rate__control"
        role="radiogroup"
        aria-labelledby={labelId}
        aria-describedby={valueId}
      >
        <Rate
          count={starLabels.length}
          value={value}
          onChange={onChange}
          disabled={disabled}
          allowClear={false}
          characterRender={(node: ReactElement, { index = 0 }: { index?: number }) =>
            nameStar(node, `${index + 1} · ${starLabels[index] ?? ''}`)
          }
        />
        <span id={valueId} className="aff-rate__value">
          {value > 0 ? starLabels[value - 1] : emptyText}
        </span>
      </span>
    </div>
  );
}

/** The star is `<li><div role="radio">…</div></li>`; the name goes on the radio. */
function nameStar(node: ReactElement, name: string): ReactNode {
  const item = node as ReactElement<{ children?: ReactNode }>;
  const radio = item.props.children;
  if (!isValidElement(radio)) return node;
  return cloneElement(
    item,
    undefined,
    cloneElement(radio as ReactElement<{ 'aria-label'?: string }>, { 'aria-label': name }),
  );
}
