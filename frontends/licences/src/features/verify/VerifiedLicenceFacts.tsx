import { useTranslation } from 'react-i18next';
import { useLicencesContext } from '../../app/licences-context';
import { formatCivilDate } from '../../domain/datetime';
import { readField } from '../../domain/licence-fields';
import type { VerifiedField, VerifiedLicence } from '../../graphql/types';

/**
 * What a valid licence says, for the verifier to compare with the person or the paper in front of
 * them. From a QR code the ID number and personal fields come masked; a partial disclosure has
 * only its claims (e.g. 已年满60周岁).
 */
export function VerifiedLicenceFacts({ licence }: { licence: VerifiedLicence }) {
  const { t } = useTranslation();
  const { locale } = useLicencesContext();
  const idType = licence.holderIdType
    ? t(`idType.${licence.holderIdType}`, { defaultValue: licence.holderIdType })
    : null;
  const period =
    licence.validFrom &&
    (licence.validUntil
      ? t('licence.period', {
          from: formatCivilDate(licence.validFrom, locale),
          until: formatCivilDate(licence.validUntil, locale),
        })
      : t('licence.periodPermanent', { from: formatCivilDate(licence.validFrom, locale) }));
  const rows: { key: string; label: string; value: string | null; zh?: boolean }[] = [
    { key: 'name', label: t('facts.name'), value: licence.name, zh: true },
    { key: 'number', label: t('licence.numberLabel'), value: licence.number },
    { key: 'holder', label: t('facts.holder'), value: licence.holderName, zh: true },
    {
      key: 'holderId',
      label: t('facts.holderId'),
      value: licence.holderIdNumber ? `${idType ?? ''} ${licence.holderIdNumber}`.trim() : null,
    },
    {
      key: 'dateOfBirth',
      label: t('facts.dateOfBirth'),
      value: licence.holderDateOfBirth ? formatCivilDate(licence.holderDateOfBirth, locale) : null,
    },
    { key: 'issuer', label: t('facts.issuer'), value: licence.issuerName, zh: true },
    {
      key: 'issueDate',
      label: t('facts.issueDate'),
      value: licence.issueDate ? formatCivilDate(licence.issueDate, locale) : null,
    },
    { key: 'validity', label: t('facts.validity'), value: period || null },
  ];
  const value = (field: VerifiedField) => {
    const reading = readField(/^\d{4}-\d{2}-\d{2}$/.test(field.value) ? 'DATE' : 'BOOLEAN', field.value);
    if (reading.kind === 'date') return formatCivilDate(reading.day, locale);
    if (reading.kind === 'boolean') return t(reading.value ? 'common.yes' : 'common.no');
    return reading.text;
  };
  return (
    <section className="lic-verified" aria-labelledby="lic-verified-title" data-testid="verified-licence">
      <h3 id="lic-verified-title" className="lic-verified__title">
        {t('verify.licenceTitle')}
      </h3>
      <dl className="lic-facts">
        {rows
          .filter((row) => row.value)
          .map((row) => (
            <div key={row.key} data-testid={`verified-${row.key}`}>
              <dt>{row.label}</dt>
              <dd lang={row.zh ? 'zh-CN' : undefined}>{row.value}</dd>
            </div>
          ))}
        {[...licence.fields, ...licence.claims].map((field) => (
          <div key={field.name} data-testid="verified-field">
            <dt>{field.label}</dt>
            <dd>{value(field)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
