import { FileTextOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAffairsContext } from '../app/affairs-context';
import { formatDateTime, formatFileSize } from '../domain/datetime';
import type { MaterialFileFields } from '../graphql/types';

/** An uploaded file as a link that opens it (in a new window), with its size and when it came. */
export function MaterialFileLink({ file }: { file: MaterialFileFields }) {
  const { t } = useTranslation();
  const { locale } = useAffairsContext();
  return (
    <>
      <FileTextOutlined aria-hidden />
      <span className="aff-file__body">
        <a href={file.downloadUrl} target="_blank" rel="noopener noreferrer">
          {file.fileName}
          <span className="aff-visually-hidden">{t('common.opensInNewWindow')}</span>
        </a>
        <span className="aff-muted aff-small aff-block">
          {formatFileSize(file.size)} · {formatDateTime(file.uploadedAt, locale)}
        </span>
      </span>
    </>
  );
}
