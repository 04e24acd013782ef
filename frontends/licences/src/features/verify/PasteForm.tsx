import { Button, Input } from 'antd';
import { ClearOutlined, FileSearchOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../components/FormField';
import { classifyPastedInput, MAX_CREDENTIAL_CHARS, type PastedInput } from '../../domain/verification';

type Submitted = Exclude<PastedInput, { kind: 'empty' } | { kind: 'tooLong' }>;

/**
 * Paste a credential (the JSON a holder downloaded or sent), or open its file, or paste the link
 * from a QR code — then 核验. The text stays in this box; nothing is stored anywhere.
 */
export function PasteForm({
  checking,
  onSubmit,
}: {
  checking: boolean;
  onSubmit: (input: Submitted) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const submit = () => {
    const input = classifyPastedInput(text);
    if (input.kind === 'empty') return setProblem(t('paste.empty'));
    if (input.kind === 'tooLong') return setProblem(t('paste.tooLong', { max: MAX_CREDENTIAL_CHARS }));
    setProblem(null);
    onSubmit(input);
  };

  const openFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_CREDENTIAL_CHARS * 4) {
      setProblem(t('paste.tooLong', { max: MAX_CREDENTIAL_CHARS }));
      return;
    }
    try {
      setText(await file.text());
      setProblem(null);
    } catch {
      setProblem(t('paste.unreadable'));
    }
  };

  return (
    <form
      className="lic-form"
      data-testid="paste-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <FormField label={t('paste.label')} hint={t('paste.hint')} problem={problem}>
        {(control) => (
          <Input.TextArea
            {...control}
            className="lic-code"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setProblem(null);
            }}
            autoSize={{ minRows: 6, maxRows: 16 }}
            spellCheck={false}
            autoCorrect="off"
            autoCapitalize="off"
            data-testid="paste-input"
          />
        )}
      </FormField>
      <div className="lic-actions">
        <Button
          type="primary"
          size="large"
          htmlType="submit"
          icon={<FileSearchOutlined aria-hidden />}
          loading={checking}
          data-testid="paste-submit"
        >
          {t('paste.submit')}
        </Button>
        <Button
          icon={<FolderOpenOutlined aria-hidden />}
          onClick={() => fileInput.current?.click()}
          data-testid="paste-open-file"
        >
          {t('paste.openFile')}
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,.jsonld,application/json,application/ld+json"
          className="lic-visually-hidden"
          tabIndex={-1}
          aria-hidden
          onChange={(e) => {
            void openFile(e.target.files?.[0]);
            e.target.value = '';
          }}
          data-testid="paste-file"
        />
        {text && (
          <Button
            type="text"
            icon={<ClearOutlined aria-hidden />}
            onClick={() => {
              setText('');
              setProblem(null);
            }}
            data-testid="paste-clear"
          >
            {t('paste.clear')}
          </Button>
        )}
      </div>
    </form>
  );
}
