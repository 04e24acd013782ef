import { useMutation } from '@apollo/client/react';
import { Alert, Button } from 'antd';
import { QrcodeOutlined, ReloadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLicencesContext } from '../../app/licences-context';
import { OutcomeNotice, type Notice } from '../../components/OutcomeNotice';
import { useNow } from '../../components/useNow';
import {
  countdownPhase,
  formatCountdown,
  presentationDeadline,
  secondsLeft,
  spokenMinutesLeft,
} from '../../domain/countdown';
import { formatTime } from '../../domain/datetime';
import { isUsable } from '../../domain/licence-status';
import { outcomeOf, outcomeOfError } from '../../domain/mutation-result';
import type { LicenceDetail, Presentation } from '../../graphql/types';
import { PRESENT_LICENCE } from './queries';

/**
 * 亮证 — show the licence as a QR code. Each code is a fresh presentation that verifies for five
 * minutes: the countdown says how long is left, the code dims in its last minute and is covered
 * once it has expired, with a button for a new one. So a screenshot of it goes stale.
 */
export function PresentPanel({ licence }: { licence: LicenceDetail }) {
  const { t } = useTranslation();
  const { locale } = useLicencesContext();
  const [present] = useMutation(PRESENT_LICENCE);
  // The code and when it stops working on this device's clock (see presentationDeadline).
  const [shown, setShown] = useState<{ presentation: Presentation; deadline: number } | null>(null);
  const presentation = shown?.presentation ?? null;
  const [notice, setNotice] = useState<Notice | null>(null);
  const [running, setRunning] = useState(false);
  const now = useNow(presentation ? 1000 : null);
  const left = shown ? secondsLeft(shown.deadline, now) : 0;
  const until = shown ? formatTime(new Date(shown.deadline).toISOString(), locale) : '';
  const phase = countdownPhase(left);

  const show = async () => {
    setRunning(true);
    setNotice(null);
    try {
      const { data } = await present({ variables: { id: licence.id } });
      const outcome = outcomeOf(data?.presentLicence);
      const fresh = data?.presentLicence.presentation;
      if (outcome.kind === 'ok' && fresh) {
        const receivedAt = Date.now();
        setShown({ presentation: fresh, deadline: presentationDeadline(fresh.expiresAt, receivedAt) });
      } else {
        setNotice({ outcome, success: '' });
      }
    } catch (error) {
      setNotice({ outcome: outcomeOfError(error), success: '' });
    } finally {
      setRunning(false);
    }
  };

  return (
    <section className="lic-panel lic-present" aria-labelledby="lic-present-title" data-testid="present">
      <h2 id="lic-present-title">
        <QrcodeOutlined aria-hidden /> {t('present.title')}
      </h2>
      <p className="lic-muted">{t('present.lead')}</p>
      {!isUsable(licence.status) && (
        <Alert
          type="warning"
          showIcon
          title={t('present.notInForce', { status: t(`status.${licence.status}`) })}
          data-testid="present-not-in-force"
        />
      )}
      {presentation ? (
        <div className={`lic-qr lic-qr--${phase}`} data-testid="qr" data-phase={phase}>
          <div className="lic-qr__frame">
            <img
              className="lic-qr__image"
              src={presentation.qrCodeDataUrl}
              alt={t('present.qrAlt', { name: licence.type?.name ?? licence.name })}
              width={280}
              height={280}
              data-testid="qr-image"
            />
            {phase === 'expired' && (
              <p className="lic-qr__expired" data-testid="qr-expired">
                {t('present.expired')}
              </p>
            )}
          </div>
          <p className="lic-qr__countdown" data-testid="qr-countdown" aria-hidden>
            {phase === 'expired' ? (
              t('present.expiredAt', { time: until })
            ) : (
              <>
                {t('present.timeLeft')}{' '}
                <strong className="lic-mono" data-testid="qr-time-left">
                  {formatCountdown(left)}
                </strong>{' '}
                <span className="lic-muted lic-small">{t('present.validUntil', { time: until })}</span>
              </>
            )}
          </p>
          {/* What a screen reader hears: once a minute, not once a second. */}
          <p className="lic-visually-hidden" role="status" aria-live="polite">
            {phase === 'expired'
              ? t('present.expiredSpoken')
              : t('present.minutesLeft', { count: spokenMinutesLeft(left) })}
          </p>
          {phase === 'expired' ? (
            <p className="lic-muted">{t('present.expiredBody')}</p>
          ) : (
            <p className="lic-qr__link">
              {t('present.linkLabel')}{' '}
              <a href={presentation.url} target="_blank" rel="noopener noreferrer" data-testid="qr-link">
                {presentation.url}
                <span className="lic-visually-hidden">{t('common.opensInNewWindow')}</span>
              </a>
            </p>
          )}
          <Button
            type={phase === 'expired' ? 'primary' : 'default'}
            size="large"
            icon={<ReloadOutlined aria-hidden />}
            onClick={() => void show()}
            loading={running}
            data-testid="qr-refresh"
          >
            {t('present.refresh')}
          </Button>
        </div>
      ) : (
        <Button
          type="primary"
          size="large"
          icon={<QrcodeOutlined aria-hidden />}
          onClick={() => void show()}
          loading={running}
          data-testid="present-licence"
        >
          {t('present.show')}
        </Button>
      )}
      <OutcomeNotice notice={notice} />
    </section>
  );
}
