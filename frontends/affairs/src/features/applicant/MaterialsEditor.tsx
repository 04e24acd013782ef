import { useMutation } from '@apollo/client/react';
import { Alert, Button, Checkbox, Tag } from 'antd';
import {
  CheckCircleFilled,
  DeleteOutlined,
  SafetyCertificateOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAffairsContext } from '../../app/affairs-context';
import { formatDateTime } from '../../domain/datetime';
import {
  ACCEPT_ATTRIBUTE,
  checkMaterialFile,
  contentTypeOf,
  MAX_FILES_PER_MATERIAL,
  uploadFileName,
} from '../../domain/material-file';
import { licenceChoice, materialProvided } from '../../domain/materials';
import { refusedListIndex } from '../../domain/mutation-result';
import type { ApplicantApplication, ApplicationMaterialFields, UserError } from '../../graphql/types';
import { MaterialFileLink } from '../../components/MaterialFileLink';
import { OutcomeNotice } from '../../components/OutcomeNotice';
import { useMutationRunner } from '../../components/useMutationRunner';
import { REMOVE_MATERIAL_FILE, REQUEST_MATERIAL_UPLOAD, SAVE_DRAFT } from './queries';
import type { ItemGuide } from './useItemGuide';

interface Props {
  application: ApplicantApplication;
  guide: ItemGuide;
  reload: () => Promise<unknown>;
}

/**
 * 材料清单 for a draft or a correction (补正): for each material, use the electronic licence (with
 * explicit consent) or upload files; uploaded files can be opened and removed.
 */
export function MaterialsEditor({ application, guide, reload }: Props) {
  const { t } = useTranslation();
  return (
    <ol className="aff-materials" aria-label={t('materials.title')} data-testid="materials-editor">
      {application.materials.map((material) => (
        <MaterialRow
          key={material.id}
          application={application}
          material={material}
          guide={guide}
          reload={reload}
        />
      ))}
    </ol>
  );
}

interface RowProps extends Props {
  material: ApplicationMaterialFields;
}

function MaterialRow({ application, material, guide, reload }: RowProps) {
  const { t } = useTranslation();
  const runner = useMutationRunner(reload);
  const [saveDraft] = useMutation(SAVE_DRAFT);
  const [consent, setConsent] = useState(false);
  const [switchingToLicence, setSwitchingToLicence] = useState(false);
  const [licenceRefusal, setLicenceRefusal] = useState<string | null>(null);
  const choice = licenceChoice(material);
  const licence = guide.licenceNameOf(material);
  const description = guide.descriptionOf(material);
  const provided = materialProvided(material);
  const headingId = useId();
  const busy = runner.running !== null;

  async function applyLicence() {
    setLicenceRefusal(null);
    const { outcome } = await runner.run(
      'licence',
      () =>
        saveDraft({
          variables: {
            id: application.id,
            expectedVersion: application.version,
            input: { useLicenceFor: [material.id] },
          },
        }).then((r) => r.data?.saveApplicationDraft),
      t('materials.licenceUsedNotice', { licence }),
    );
    if (outcome.kind === 'refused' && refusedListIndex(outcome, 'useLicenceFor') !== null) {
      // No valid licence: say so next to the choice, and offer the upload instead.
      setLicenceRefusal(outcome.message);
      runner.clear();
    } else if (outcome.kind === 'ok') {
      setSwitchingToLicence(false);
    }
  }

  async function uploadInstead() {
    const { outcome } = await runner.run(
      'upload-instead',
      () =>
        saveDraft({
          variables: {
            id: application.id,
            expectedVersion: application.version,
            input: { uploadInsteadFor: [material.id] },
          },
        }).then((r) => r.data?.saveApplicationDraft),
      t('materials.uploadInsteadNotice'),
    );
    if (outcome.kind === 'ok') {
      setLicenceRefusal(null);
      setConsent(false);
    }
  }

  const showConsent = choice === 'consent' || (choice === 'upload' && switchingToLicence);
  const showUpload = choice === null || choice === 'upload';

  return (
    <li
      className={`aff-material${material.correction ? ' aff-material--correction' : ''}`}
      aria-labelledby={headingId}
      data-testid="material"
      data-material-id={material.id}
      data-provided={provided ? 'true' : 'false'}
    >
      <div className="aff-material__head">
        <h3 id={headingId} lang="zh-CN">
          {material.name}
        </h3>
        <Tag className={material.required ? 'aff-tag aff-tag--required' : 'aff-tag'}>
          {material.required ? t('materials.required') : t('materials.optional')}
        </Tag>
        {provided && (
          <Tag className="aff-tag aff-tag--success" icon={<CheckCircleFilled aria-hidden />}>
            {t('materials.provided')}
          </Tag>
        )}
      </div>
      {description && (
        <p className="aff-muted aff-small aff-material__desc" lang="zh-CN">
          {description}
        </p>
      )}
      {material.correction && (
        <Alert
          type="warning"
          showIcon
          className="aff-material__correction"
          title={t('materials.correctionReason')}
          description={<span data-testid="correction-reason">{material.correction}</span>}
        />
      )}

      {choice === 'licence' && (
        <div className="aff-licence aff-licence--used" data-testid="licence-used">
          <p>
            <SafetyCertificateOutlined aria-hidden />{' '}
            <strong>{t('materials.licenceInUse', { licence })}</strong>
          </p>
          {material.licenceConsentedAt && <ConsentTime at={material.licenceConsentedAt} />}
          <Button
            type="link"
            onClick={() => void uploadInstead()}
            disabled={busy}
            className="aff-link-button"
          >
            {t('materials.switchToUpload')}
          </Button>
        </div>
      )}

      {showConsent && (
        <fieldset className="aff-licence" data-testid="licence-consent">
          <legend>
            <SafetyCertificateOutlined aria-hidden /> {t('materials.useLicence')}
          </legend>
          <Checkbox
            checked={consent}
            onChange={(e) => setConsent(e.target.checked)}
            data-testid="licence-consent-checkbox"
          >
            {t('materials.consent', { licence })}
          </Checkbox>
          <p className="aff-muted aff-small">{t('materials.consentHint')}</p>
          <div className="aff-actions">
            <Button
              type="primary"
              onClick={() => void applyLicence()}
              disabled={!consent || busy}
              loading={runner.running === 'licence'}
              data-testid="use-licence"
            >
              {t('materials.useLicenceAction')}
            </Button>
            {choice === 'consent' ? (
              <Button onClick={() => void uploadInstead()} disabled={busy} data-testid="upload-instead">
                {t('materials.uploadInstead')}
              </Button>
            ) : (
              <Button onClick={() => setSwitchingToLicence(false)} disabled={busy}>
                {t('common.cancel')}
              </Button>
            )}
          </div>
          {licenceRefusal && (
            <div role="alert">
              <Alert
                type="warning"
                showIcon
                title={<span data-testid="licence-refusal">{licenceRefusal}</span>}
                description={t('materials.noLicenceHint')}
                action={
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => void uploadInstead()}
                    loading={runner.running === 'upload-instead'}
                  >
                    {t('materials.uploadInstead')}
                  </Button>
                }
              />
            </div>
          )}
        </fieldset>
      )}

      {showUpload && <MaterialUploads application={application} material={material} runner={runner} />}
      {choice === 'upload' && !switchingToLicence && (
        <Button
          type="link"
          className="aff-link-button"
          onClick={() => setSwitchingToLicence(true)}
          disabled={busy}
        >
          {t('materials.switchToLicence', { licence })}
        </Button>
      )}
      <OutcomeNotice notice={runner.notice} onClose={runner.clear} />
    </li>
  );
}

function ConsentTime({ at }: { at: string }) {
  const { t } = useTranslation();
  const { locale } = useAffairsContext();
  return (
    <p className="aff-muted aff-small">{t('materials.consentedAt', { time: formatDateTime(at, locale) })}</p>
  );
}

interface UploadsProps {
  application: ApplicantApplication;
  material: ApplicationMaterialFields;
  runner: ReturnType<typeof useMutationRunner>;
}

/** The files of one material: open, remove, add (JPEG/PNG/PDF, ≤ 10 MB, at most 5). */
function MaterialUploads({ application, material, runner }: UploadsProps) {
  const { t } = useTranslation();
  const [requestUpload] = useMutation(REQUEST_MATERIAL_UPLOAD);
  const [removeFile] = useMutation(REMOVE_MATERIAL_FILE);
  const [problem, setProblem] = useState<string | null>(null);
  const inputId = useId();
  const hintId = useId();
  const busy = runner.running !== null;
  const full = material.files.length >= MAX_FILES_PER_MATERIAL;

  async function upload(file: File) {
    const fileProblem = checkMaterialFile(file, material.files.length);
    if (fileProblem) {
      setProblem(t(`upload.problem.${fileProblem}`, { name: file.name, max: MAX_FILES_PER_MATERIAL }));
      return;
    }
    setProblem(null);
    const contentType = contentTypeOf(file)!;
    await runner.run(
      'upload',
      async (): Promise<{ ok: boolean; error: UserError | null }> => {
        const asked = await requestUpload({
          variables: {
            id: application.id,
            materialId: material.id,
            fileName: uploadFileName(file.name),
            contentType,
            size: file.size,
          },
        });
        const grant = asked.data?.requestMaterialUpload;
        if (!grant?.ok || !grant.uploadUrl) return grant ?? { ok: false, error: null };
        const response = await fetch(grant.uploadUrl, {
          method: 'PUT',
          body: file,
          headers: { 'content-type': contentType },
        });
        if (response.ok) return { ok: true, error: null };
        return { ok: false, error: await uploadRefusal(response, t('upload.refused')) };
      },
      t('upload.done', { name: file.name }),
      { reloadOnOk: true },
    );
  }

  function onPick(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    // Clear it, so choosing the same file again (after fixing it) still fires a change.
    event.target.value = '';
    if (file) void upload(file);
  }

  function remove(fileId: string, name: string) {
    void runner.run(
      `remove-${fileId}`,
      () =>
        removeFile({
          variables: { id: application.id, expectedVersion: application.version, fileId },
        }).then((r) => r.data?.removeMaterialFile),
      t('upload.removed', { name }),
    );
  }

  return (
    <div className="aff-upload" data-testid="material-upload">
      {material.files.length > 0 && (
        <ul className="aff-files" aria-label={t('upload.files', { name: material.name })}>
          {material.files.map((file) => (
            <li key={file.id} className="aff-file" data-testid="material-file">
              <MaterialFileLink file={file} />
              <Button
                type="text"
                danger
                icon={<DeleteOutlined aria-hidden />}
                onClick={() => remove(file.id, file.fileName)}
                loading={runner.running === `remove-${file.id}`}
                disabled={busy}
                aria-label={t('upload.removeNamed', { name: file.fileName })}
                data-testid="remove-file"
              >
                {t('upload.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {full ? (
        <p className="aff-muted aff-small">{t('upload.full', { max: MAX_FILES_PER_MATERIAL })}</p>
      ) : (
        <div className="aff-file-picker">
          <input
            id={inputId}
            type="file"
            accept={ACCEPT_ATTRIBUTE}
            className="aff-file-picker__input"
            onChange={onPick}
            disabled={busy}
            aria-describedby={hintId}
            data-testid="file-input"
          />
          <label htmlFor={inputId} className="aff-file-picker__label" aria-disabled={busy}>
            <UploadOutlined aria-hidden />{' '}
            {runner.running === 'upload'
              ? t('upload.uploading')
              : material.files.length > 0
                ? t('upload.addAnother')
                : t('upload.choose')}
            <span className="aff-visually-hidden">
              {t('common.colon')}
              {material.name}
            </span>
          </label>
          <p id={hintId} className="aff-muted aff-small aff-file-picker__hint">
            {t('upload.hint', { max: MAX_FILES_PER_MATERIAL })}
          </p>
        </div>
      )}
      <div role="alert">
        {problem && <Alert type="error" showIcon title={problem} data-testid="file-problem" />}
      </div>
    </div>
  );
}

/** The upload endpoint's refusal (wrong content, too large, expired link) in the server's words if it gave any. */
async function uploadRefusal(response: Response, fallback: string): Promise<UserError> {
  let message = fallback;
  try {
    const body: unknown = await response.json();
    if (body && typeof body === 'object') {
      const record = body as { message?: unknown; error?: { message?: unknown } };
      const text = record.error?.message ?? record.message;
      if (typeof text === 'string' && text) message = text;
    }
  } catch {
    // Not JSON: keep the general message.
  }
  return { code: 'BAD_USER_INPUT', message, field: null };
}
