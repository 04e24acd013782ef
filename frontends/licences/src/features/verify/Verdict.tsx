import { Button } from 'antd';
import {
  CheckCircleFilled,
  CheckOutlined,
  ClockCircleFilled,
  CloseCircleFilled,
  CloseOutlined,
  PauseCircleFilled,
  QuestionCircleFilled,
  ReloadOutlined,
  StopFilled,
} from '@ant-design/icons';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useLicencesContext } from '../../app/licences-context';
import { formatDateTime, formatTime } from '../../domain/datetime';
import { isKnownCheck, verdictView, type VerdictIcon } from '../../domain/verification';
import type { VerificationResult } from '../../graphql/types';
import { VerifiedLicenceFacts } from './VerifiedLicenceFacts';

const ICONS: Record<VerdictIcon, typeof CheckCircleFilled> = {
  check: CheckCircleFilled,
  cross: CloseCircleFilled,
  stop: StopFilled,
  pause: PauseCircleFilled,
  clock: ClockCircleFilled,
  question: QuestionCircleFilled,
};

interface Props {
  result: VerificationResult;
  /** When the verdict was given (the page's clock), shown with it. */
  checkedAt: string;
  onRecheck: () => void;
  /** The verdict's heading, focused when a verdict arrives after the reader asked for it. */
  headingRef?: Ref<HTMLHeadingElement>;
}

/**
 * The verdict: one big answer — icon, colour and words, never colour alone — the server's
 * explanation, what to do about it, the licence's visible fields when it is valid, and each check
 * that was made, passed or failed, with what was found.
 */
export function Verdict({ result, checkedAt, onRecheck, headingRef }: Props) {
  const { t } = useTranslation();
  const { locale } = useLicencesContext();
  const view = verdictView(result.status);
  const Icon = ICONS[view.icon];
  return (
    <section
      className={`lic-verdict lic-verdict--${view.tone}`}
      aria-labelledby="lic-verdict-title"
      data-testid="verdict"
      data-status={result.status}
    >
      <div className="lic-verdict__head">
        <Icon className="lic-verdict__icon" aria-hidden />
        <div className="lic-verdict__words">
          <p className="lic-verdict__kicker">{t('verify.resultKicker')}</p>
          <h2
            id="lic-verdict-title"
            className="lic-verdict__title"
            tabIndex={-1}
            ref={headingRef}
            data-testid="verdict-title"
          >
            {t(view.labelKey)}
          </h2>
          <p className="lic-verdict__message" data-testid="verdict-message">
            {result.message}
          </p>
          <p className="lic-verdict__advice">{t(view.adviceKey)}</p>
        </div>
      </div>
      {result.licence && view.trustworthy && <VerifiedLicenceFacts licence={result.licence} />}
      {result.expiresAt && result.status !== 'EXPIRED_PRESENTATION' && (
        <p className="lic-muted lic-small" data-testid="verdict-presentation-expiry">
          {t('verify.presentationUntil', { time: formatTime(result.expiresAt, locale) })}
        </p>
      )}
      <section className="lic-checks" aria-labelledby="lic-checks-title">
        <h3 id="lic-checks-title" className="lic-checks__title">
          {t('verify.checksTitle')}
        </h3>
        <ol className="lic-checks__list" data-testid="checks">
          {result.checks.map((check) => (
            <li
              key={check.check}
              className={check.passed ? 'lic-check lic-check--passed' : 'lic-check lic-check--failed'}
              data-testid="check"
              data-check={check.check}
              data-passed={String(check.passed)}
            >
              {check.passed ? (
                <CheckOutlined className="lic-check__icon" aria-hidden />
              ) : (
                <CloseOutlined className="lic-check__icon" aria-hidden />
              )}
              <span className="lic-check__name">
                {isKnownCheck(check.check) ? t(`checks.${check.check}`) : check.check}
              </span>
              <span className="lic-check__result">{t(check.passed ? 'verify.passed' : 'verify.failed')}</span>
              {/* What the verifier found, in its own (technical) words. */}
              <span className="lic-check__detail" lang="en">
                {check.detail}
              </span>
            </li>
          ))}
        </ol>
        {result.issuer && (
          <p className="lic-muted lic-small lic-break">
            {t('verify.issuer')} <span className="lic-mono">{result.issuer}</span>
          </p>
        )}
      </section>
      <div className="lic-actions">
        <span className="lic-muted lic-small">
          {t('verify.checkedAt', { time: formatDateTime(checkedAt, locale) })}
        </span>
        <Button icon={<ReloadOutlined aria-hidden />} onClick={onRecheck} data-testid="recheck">
          {t('verify.recheck')}
        </Button>
      </div>
    </section>
  );
}
