import { RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLicencesContext, useLicencesPath } from '../../app/licences-context';
import { LicenceStatusTag } from '../../components/LicenceStatusTag';
import { formatCivilDate } from '../../domain/datetime';
import { isUsable } from '../../domain/licence-status';
import { maskLicenceNumber } from '../../domain/masking';
import type { LicenceCardFields } from '../../graphql/types';

/**
 * One licence in the wallet: its type and authority (in the UI language), the number partly
 * masked, the status in words and colour, and how long it is valid. The whole card opens the
 * licence's page.
 */
export function LicenceCard({ licence }: { licence: LicenceCardFields }) {
  const { t } = useTranslation();
  const { locale } = useLicencesContext();
  const to = useLicencesPath();
  // The licence's own name and issuer are the Chinese ones printed on it; the type gives them in
  // the UI language.
  const name = licence.type?.name ?? licence.name;
  const authority = licence.type?.authority.name ?? licence.issuerName;
  const fromType = Boolean(licence.type);
  return (
    <li
      className={`lic-card lic-licence-card lic-licence-card--${licence.issuerCode.toLowerCase()}`}
      data-testid="licence-card"
      data-status={licence.status}
      data-type={licence.typeCode}
    >
      <h3 className="lic-licence-card__title">
        <Link
          to={to(encodeURIComponent(licence.id))}
          className="lic-licence-card__link"
          lang={fromType ? undefined : 'zh-CN'}
          data-testid="licence-link"
        >
          {name}
        </Link>
      </h3>
      <p className="lic-licence-card__issuer" lang={fromType ? undefined : 'zh-CN'}>
        {authority}
      </p>
      <p className="lic-licence-card__number">
        <span className="lic-muted">{t('licence.numberLabel')}</span>{' '}
        <span className="lic-mono" data-testid="card-number">
          {maskLicenceNumber(licence.number)}
        </span>
        <span className="lic-visually-hidden">{t('wallet.numberMasked')}</span>
      </p>
      <div className="lic-licence-card__foot">
        <LicenceStatusTag status={licence.status} />
        <span className="lic-muted lic-small" data-testid="card-valid-until">
          {licence.validUntil
            ? t('licence.validUntil', { date: formatCivilDate(licence.validUntil, locale) })
            : t('licence.permanent')}
        </span>
      </div>
      {!isUsable(licence.status) && licence.statusReason && (
        <p className="lic-muted lic-small lic-licence-card__reason">
          {t('licence.statusReason', { reason: licence.statusReason })}
        </p>
      )}
      <RightOutlined className="lic-licence-card__chevron" aria-hidden />
    </li>
  );
}
