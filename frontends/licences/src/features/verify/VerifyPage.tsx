import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { LoadingBlock, PageHeading, QueryError, useDocumentTitle } from '@bianmin/frontend-kit/react';
import { presentationTokenFrom } from '../../domain/verification';
import { PasteForm } from './PasteForm';
import { useVerification, type Subject } from './useVerification';
import { Verdict } from './Verdict';

/**
 * 证照核验 — public, no sign-in. A scanned QR code opens `/verify?p=<token>` and the verdict shows
 * at once; anyone can also paste a credential (or the link) and verify it.
 */
export function VerifyPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('verify.title'));
  const { search, pathname } = useLocation();
  const navigate = useNavigate();
  const token = presentationTokenFrom(search);
  const { state, verify } = useVerification();

  // The address carries the token: verify it on arrival and whenever it changes.
  useEffect(() => {
    if (token) void verify({ kind: 'presentation', token });
  }, [token, verify]);

  // A verdict the reader asked for (paste, recheck) takes them — and their screen reader — to it;
  // one on arrival from a QR code is at the top of the page anyway.
  const heading = useRef<HTMLHeadingElement>(null);
  const focusWhenDone = useRef(false);
  useEffect(() => {
    if (state.phase !== 'done' || !focusWhenDone.current) return;
    focusWhenDone.current = false;
    heading.current?.focus();
    heading.current?.scrollIntoView?.({ block: 'start' });
  }, [state]);

  const run = (subject: Subject) => {
    focusWhenDone.current = true;
    void verify(subject);
  };
  const subject = state.phase === 'idle' ? null : state.subject;

  return (
    <div className="lic-page lic-verify" data-testid="verify-page">
      <PageHeading title={t('verify.title')} lead={t('verify.lead')} />
      {state.phase !== 'idle' && (
        <div className="lic-verify__result">
          {state.phase === 'checking' ? (
            <LoadingBlock rows={4} label={t('verify.checking')} />
          ) : state.phase === 'failed' ? (
            <QueryError error={state.error} onRetry={() => run(state.subject)} />
          ) : (
            <Verdict
              result={state.result}
              checkedAt={state.checkedAt}
              onRecheck={() => run(state.subject)}
              headingRef={heading}
            />
          )}
        </div>
      )}
      <section className="lic-panel" aria-labelledby="lic-paste-title">
        <h2 id="lic-paste-title">{subject ? t('paste.titleAnother') : t('paste.title')}</h2>
        <PasteForm
          checking={state.phase === 'checking' && state.subject.kind === 'credential'}
          onSubmit={(input) => {
            if (input.kind === 'credential') return run({ kind: 'credential', text: input.text });
            // A pasted QR link: verify it as that presentation, and put it in the address.
            if (input.token === token) return run({ kind: 'presentation', token: input.token });
            focusWhenDone.current = true;
            void navigate(`${pathname}?p=${encodeURIComponent(input.token)}`);
          }}
        />
      </section>
      <section className="lic-panel lic-verify__how" aria-labelledby="lic-how-title">
        <h2 id="lic-how-title">
          <SafetyCertificateOutlined aria-hidden /> {t('verify.howTitle')}
        </h2>
        <ol className="lic-bullets">
          <li>{t('verify.howScan')}</li>
          <li>{t('verify.howPaste')}</li>
          <li>{t('verify.howChecks')}</li>
          <li>{t('verify.howPrivacy')}</li>
        </ol>
      </section>
    </div>
  );
}
