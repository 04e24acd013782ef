import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useRemoteUi } from './remote-ui';

export interface Crumb {
  label: string;
  /** Absent for the page itself (the last crumb). */
  to?: string;
}

export interface PageHeadingProps {
  title: ReactNode;
  /** The trail above the title; the last crumb is this page. No breadcrumb when empty. */
  crumbs?: Crumb[];
  lead?: ReactNode;
  /** Set to `zh-CN` when the lead comes from the API (Chinese only) and the UI is in English. */
  leadLang?: string;
  titleTestId?: string;
  children?: ReactNode;
}

/** Breadcrumb, the page's one `<h1>`, an optional lead paragraph, then anything else. */
export function PageHeading({ title, crumbs = [], lead, leadLang, titleTestId, children }: PageHeadingProps) {
  const { labels, cls } = useRemoteUi();
  return (
    <header className={cls('page-heading')}>
      {crumbs.length > 0 && (
        <nav aria-label={labels.breadcrumb} className={cls('breadcrumb')}>
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
      {lead && (
        <p className={cls('lead')} lang={leadLang}>
          {lead}
        </p>
      )}
      {children}
    </header>
  );
}
