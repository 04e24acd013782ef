import { useMutation } from '@apollo/client/react';
import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_MY_DATA } from '../identity/operations';
import { failureMessage } from '../identity/failure';
import { downloadJson, exportFileName } from './pipl';

/**
 * 下载我的数据: `exportMyData` saved as `bianmin-my-data-YYYY-MM-DD.json`. The export holds the
 * resident's full ID number and phone, so it never enters the Apollo cache (`no-cache`) and lives
 * only in the Blob handed to the browser.
 */
export function DownloadMyDataSection({ onExported }: { onExported?: () => void }) {
  const { t } = useTranslation();
  const [exportData, { loading }] = useMutation(EXPORT_MY_DATA, { fetchPolicy: 'no-cache' });
  const [problem, setProblem] = useState<string | null>(null);
  const [savedAs, setSavedAs] = useState<string | null>(null);
  // Domains that could not be asked this time: the file says so too; try again for a full copy.
  const [missing, setMissing] = useState<string[]>([]);

  async function download() {
    setProblem(null);
    setSavedAs(null);
    setMissing([]);
    try {
      const result = (await exportData()).data?.exportMyData;
      if (result?.ok && result.json) {
        const name = exportFileName(new Date());
        downloadJson(result.json, name);
        setSavedAs(name);
        setMissing(result.unavailableSections);
        onExported?.();
      } else setProblem(result?.error?.message ?? t('auth.genericError'));
    } catch (error) {
      setProblem(failureMessage(error, t));
    }
  }

  return (
    <section className="shell-panel" aria-labelledby="export-title" data-testid="export-section">
      <h2 id="export-title">{t('exportData.title')}</h2>
      <p className="shell-panel__lead">{t('exportData.lead')}</p>
      <Button type="primary" onClick={() => void download()} loading={loading} data-testid="download-my-data">
        {t('exportData.download')}
      </Button>
      <div aria-live="polite">
        {savedAs && (
          <p className="shell-muted" data-testid="download-my-data-done">
            {t('exportData.saved', { file: savedAs })}
          </p>
        )}
        {missing.length > 0 && (
          <Alert
            type="warning"
            showIcon
            className="shell-form-alert"
            data-testid="download-my-data-incomplete"
            title={t('exportData.incomplete', {
              sources: missing
                .map((s) => t(`exportData.source.${s}`, { defaultValue: s }))
                .join(t('exportData.separator')),
            })}
          />
        )}
      </div>
      {problem && <Alert type="error" showIcon className="shell-form-alert" title={problem} role="alert" />}
    </section>
  );
}
