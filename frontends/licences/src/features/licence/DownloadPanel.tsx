import { useApolloClient } from '@apollo/client/react';
import { Alert, Button } from 'antd';
import { DownloadOutlined, FileProtectOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SHELL_PATHS } from '../../app/licences-context';
import { credentialFileName, downloadJson } from '../../domain/credential-file';
import type { LicenceDetail } from '../../graphql/types';
import { LICENCE_CREDENTIAL } from './queries';

/**
 * 下载凭证: the signed W3C Verifiable Credential, exactly as issued, saved as
 * `<type>-<number>.json`. It carries the holder's full ID number, so it is fetched only now,
 * with `no-cache`, and goes straight into the file.
 */
export function DownloadPanel({ licence }: { licence: LicenceDetail }) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [running, setRunning] = useState(false);
  const [failed, setFailed] = useState(false);
  const [saved, setSaved] = useState(false);

  const download = async () => {
    setRunning(true);
    setFailed(false);
    setSaved(false);
    try {
      const { data } = await client.query({
        query: LICENCE_CREDENTIAL,
        variables: { id: licence.id },
        fetchPolicy: 'no-cache',
      });
      const credential = data?.licence?.credential;
      if (!credential) throw new Error('no credential');
      downloadJson(credential, credentialFileName(licence.type?.name ?? licence.name, licence.number));
      setSaved(true);
    } catch {
      setFailed(true);
    } finally {
      setRunning(false);
    }
  };

  return (
    <section className="lic-panel" aria-labelledby="lic-download-title" data-testid="download">
      <h2 id="lic-download-title">
        <FileProtectOutlined aria-hidden /> {t('download.title')}
      </h2>
      <p className="lic-muted">{t('download.lead')}</p>
      <p className="lic-muted lic-small">
        {t('download.verifyHint')} <Link to={SHELL_PATHS.verify}>{t('download.verifyLink')}</Link>
      </p>
      <Button
        icon={<DownloadOutlined aria-hidden />}
        onClick={() => void download()}
        loading={running}
        data-testid="download-credential"
      >
        {t('download.action')}
      </Button>
      <div role="status" aria-live="polite" className="lic-notice">
        {saved && (
          <Alert
            type="success"
            showIcon
            role="none"
            title={t('download.saved')}
            data-testid="download-saved"
          />
        )}
        {failed && (
          <Alert
            type="error"
            showIcon
            role="none"
            title={t('download.failed')}
            data-testid="download-failed"
          />
        )}
      </div>
    </section>
  );
}
