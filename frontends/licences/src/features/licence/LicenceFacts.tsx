import { IdcardOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLicencesContext } from '../../app/licences-context';
import { formatCivilDate, formatDateTime } from '../../domain/datetime';
import { readField, shownFields } from '../../domain/licence-fields';
import type { LicenceDetail } from '../../graphql/types';

/**
 * 证照信息: the GB/T 36903 common metadata (名称, 编号, 持证主体, 颁证单位, 颁证日期, 有效期) and the
 * type's own fields with the labels of its field specs. Personal data (ID number, addresses,
 * other people's names) arrives masked; the full values are in the downloaded credential.
 */
export function LicenceFacts({ licence }: { licence: LicenceDetail }) {
  const { t } = useTranslation();
  const { locale } = useLicencesContext();
  const fields = shownFields(licence.type?.fields, licence.fields);
  const idType = t(`idType.${licence.holderIdType}`, { defaultValue: licence.holderIdType });
  const validity = licence.validUntil
    ? t('licence.period', {
        from: formatCivilDate(licence.validFrom, locale),
        until: formatCivilDate(licence.validUntil, locale),
      })
    : t('licence.periodPermanent', { from: formatCivilDate(licence.validFrom, locale) });

  return (
    <section className="lic-panel" aria-labelledby="lic-facts-title" data-testid="licence-facts">
      <h2 id="lic-facts-title">
        <IdcardOutlined aria-hidden /> {t('facts.title')}
      </h2>
      <dl className="lic-facts">
        <Fact label={t('facts.name')} testId="fact-name" zh>
          {licence.name}
        </Fact>
        <Fact label={t('licence.numberLabel')} testId="fact-number">
          <span className="lic-mono">{licence.number}</span>
        </Fact>
        <Fact label={t('facts.holder')} testId="fact-holder" zh>
          {licence.holderName}
        </Fact>
        <Fact label={t('facts.holderId')} testId="fact-holder-id">
          {idType} <span className="lic-mono">{licence.holderIdNumber}</span>
        </Fact>
        <Fact label={t('facts.issuer')} testId="fact-issuer" zh>
          {licence.issuerName}
        </Fact>
        <Fact label={t('facts.issueDate')}>{formatCivilDate(licence.issueDate, locale)}</Fact>
        <Fact label={t('facts.validity')} testId="fact-validity">
          {validity}
        </Fact>
        {licence.type && <Fact label={t('facts.validityRule')}>{licence.type.validity.description}</Fact>}
        {fields.map((field) => {
          const reading = readField(field.kind, field.value);
          return (
            <Fact key={field.name} label={field.label} testId="fact-field">
              {reading.kind === 'date'
                ? formatCivilDate(reading.day, locale)
                : reading.kind === 'boolean'
                  ? t(reading.value ? 'common.yes' : 'common.no')
                  : reading.text}
              {field.masked && <span className="lic-visually-hidden"> {t('facts.maskedNote')}</span>}
            </Fact>
          );
        })}
        <Fact label={t('facts.source')}>
          {t(`source.${licence.source}`, { defaultValue: licence.source })}
        </Fact>
        <Fact label={t('facts.issuedAt')}>{formatDateTime(licence.issuedAt, locale)}</Fact>
      </dl>
      <p className="lic-muted lic-small">{t('facts.maskedBody')}</p>
    </section>
  );
}

function Fact({
  label,
  testId,
  zh,
  children,
}: {
  label: string;
  testId?: string;
  /** The value is Chinese text from the licence itself, whatever the UI language. */
  zh?: boolean;
  children: ReactNode;
}) {
  return (
    <div data-testid={testId}>
      <dt>{label}</dt>
      <dd lang={zh ? 'zh-CN' : undefined}>{children}</dd>
    </div>
  );
}
