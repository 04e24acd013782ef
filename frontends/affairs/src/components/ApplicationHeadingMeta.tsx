import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationState } from '../graphql/types';
import { StateTag } from './StateTag';

/** Under an application's title: its state and 办件编号, then what the page adds. */
export function ApplicationHeadingMeta({
  application,
  children,
}: {
  application: { state: ApplicationState; stateLabel: string; reference: string };
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <p className="aff-heading-meta">
      <StateTag state={application.state} label={application.stateLabel} />
      <span className="aff-muted">
        {t('application.reference')} <strong data-testid="reference">{application.reference}</strong>
      </span>
      {children}
    </p>
  );
}
