import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

export interface Crumb {
  label: string;
  to?: string;
}

interface Props {
  title: ReactNode;
  /** The trail above the title; the last crumb is this page. */
  crumbs?: Crumb[];
  lead?: ReactNode;
  titleTestId?: string;
  children?: ReactNode;
}

/** Breadcrumb, the page's one `<h1>`, and an optional lead paragraph. */
export function PageHeading({ title, crumbs = [], lead, titleTestId, children }: Props) {
  const { t } = useTranslation();
  return (
    <header className="aff-page-heading">
      {crumbs.length > 0 && (
        <nav aria-label={t('app.breadcrumb')} className="aff-breadcrumb">
          <ol>
            {crumbs.map((crumb, i) => (
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
      )}
      <h1 data-testid={titleTestId}>{title}</h1>
      {lead && <p className="aff-lead">{lead}</p>}
      {children}
    </header>
  );
}
