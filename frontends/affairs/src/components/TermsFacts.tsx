import { useTranslation } from 'react-i18next';
import type { TermsFields } from '../graphql/types';

/** The item's terms as they were when the application started: department and time limits. */
export function TermsFacts({ terms, reference }: { terms: TermsFields; reference?: string }) {
  const { t } = useTranslation();
  const days = (count: number) => (count === 0 ? t('common.immediate') : t('common.workingDays', { count }));
  return (
    <dl className="aff-facts" data-testid="terms">
      {reference && (
        <div>
          <dt>{t('application.reference')}</dt>
          <dd data-testid="reference">{reference}</dd>
        </div>
      )}
      <div>
        <dt>{t('application.department')}</dt>
        <dd lang="zh-CN">{terms.departmentName}</dd>
      </div>
      <div>
        <dt>{t('application.promisedDays')}</dt>
        <dd>{days(terms.promisedDays)}</dd>
      </div>
      <div>
        <dt>{t('application.legalDays')}</dt>
        <dd>{days(terms.legalDays)}</dd>
      </div>
    </dl>
  );
}
