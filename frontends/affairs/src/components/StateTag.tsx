import { Tag } from 'antd';
import { stateTone } from '../domain/application-state';
import type { ApplicationState } from '../graphql/types';

/** The application's state as a coloured tag; the label comes from the server in the UI language. */
export function StateTag({ state, label }: { state: ApplicationState; label: string }) {
  return (
    <Tag className={`aff-tag aff-tag--${stateTone(state)}`} data-testid="state-tag" data-state={state}>
      {label}
    </Tag>
  );
}
