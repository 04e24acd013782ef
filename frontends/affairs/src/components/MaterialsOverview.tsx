import { Tag } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAffairsContext } from '../app/affairs-context';
import { formatDateTime } from '../domain/datetime';
import { materialProvided } from '../domain/materials';
import type { ApplicationMaterialFields } from '../graphql/types';
import { MaterialFileLink } from './MaterialFileLink';

interface Props {
  materials: ApplicationMaterialFields[];
  title?: string;
}

/** The materials as provided: licence-backed ones (已调取电子证照) and uploaded files with links. */
export function MaterialsOverview({ materials, title }: Props) {
  const { t } = useTranslation();
  const { locale } = useAffairsContext();
  return (
    <section className="aff-panel" aria-labelledby="aff-materials-overview" data-testid="materials-overview">
      <h2 id="aff-materials-overview">{title ?? t('materials.title')}</h2>
      <ol className="aff-materials aff-materials--overview">
        {materials.map((material) => {
          const provided = materialProvided(material);
          const licence = material.source === 'LICENCE' && material.licenceUsed;
          return (
            <li
              key={material.id}
              className="aff-material"
              data-testid="material-overview"
              data-provided={provided ? 'true' : 'false'}
            >
              <div className="aff-material__head">
                <h3 lang="zh-CN">{material.name}</h3>
                <Tag className={material.required ? 'aff-tag aff-tag--required' : 'aff-tag'}>
                  {material.required ? t('materials.required') : t('materials.optional')}
                </Tag>
                {licence && (
                  <Tag
                    className="aff-tag aff-tag--success"
                    icon={<SafetyCertificateOutlined aria-hidden />}
                    data-testid="licence-fetched"
                  >
                    {t('materials.licenceFetched')}
                  </Tag>
                )}
                {!provided && (
                  <Tag className={material.required ? 'aff-tag aff-tag--danger' : 'aff-tag'}>
                    {material.required ? t('materials.missing') : t('materials.notProvided')}
                  </Tag>
                )}
              </div>
              {licence && material.licenceConsentedAt && (
                <p className="aff-muted aff-small">
                  {t('materials.consentedAt', { time: formatDateTime(material.licenceConsentedAt, locale) })}
                </p>
              )}
              {material.correction && (
                <p className="aff-material__reason" data-testid="correction-reason">
                  <strong>{t('materials.correctionReason')}</strong>
                  {t('common.colon')}
                  {material.correction}
                </p>
              )}
              {!licence && material.files.length > 0 && (
                <ul className="aff-files">
                  {material.files.map((file) => (
                    <li key={file.id} className="aff-file" data-testid="material-file">
                      <MaterialFileLink file={file} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
      <p className="aff-muted aff-small">{t('materials.linksExpire')}</p>
    </section>
  );
}
