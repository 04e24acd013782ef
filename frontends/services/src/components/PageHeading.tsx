import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useServicesPath } from '../app/services-context';

interface Crumb {
  label: string;
  to?: string;
}

interface Props {
  title: ReactNode;
  lead?: ReactNode;
  /** Set to `zh-CN` when the lead comes from the API (Chinese only) and the UI is in English. */
  leadLang?: string;
  crumbs?: Crumb[];
  titleTestId?: string;
  children?: ReactNode;
}

/** Breadcrumb, the page's one `<h1>`, and an optional lead paragraph. */
export function PageHeading({ title, lead, leadLang, crumbs = [], titleTestId, children }: Props) {
  const { t } = useTranslation();
  const to = useServicesPath();
  const trail: Crumb[] = [{ label: t('app.home'), to: to() }, ...crumbs];
  return (
    <header className="svc-page-heading">
      <nav aria-label={t('app.breadcrumb')} className="svc-breadcrumb">
        <ol>
          {trail.map((crumb, i) => (
            <li key={i}>
              {crumb.to ? (
                <Link to={crumb.to}>{crumb.label}</Link>
              ) : (
                <span aria-current="page">{crumb.label}</span>
              )}
            </li>
          ))}
        </ol>
      </nav>
      <h1 data-testid={titleTestId}>{title}</h1>
      {lead && (
        <p className="svc-lead" lang={leadLang}>
          {lead}
        </p>
      )}
      {children}
    </header>
  );
}
