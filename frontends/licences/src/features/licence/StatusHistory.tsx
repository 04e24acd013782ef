import { HistoryOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useLicencesContext } from '../../app/licences-context';
import { formatDateTime } from '../../domain/datetime';
import type { LicenceStatusStep } from '../../graphql/types';

/** 状态记录: issued, suspended, reinstated, revoked — who did it, when and why, oldest first. */
export function StatusHistory({ history }: { history: LicenceStatusStep[] }) {
  const { t } = useTranslation();
  const { locale } = useLicencesContext();
  return (
    <section className="lic-panel" aria-labelledby="lic-history-title" data-testid="status-history">
      <h2 id="lic-history-title">
        <HistoryOutlined aria-hidden /> {t('history.title')}
      </h2>
      {history.length === 0 ? (
        <p className="lic-muted">{t('history.empty')}</p>
      ) : (
        <ol className="lic-timeline">
          {history.map((step, index) => (
            <li key={`${step.at}-${index}`} className="lic-timeline__step" data-testid="history-step">
              <p className="lic-timeline__what">
                <strong>{t(`history.action.${step.action}`, { defaultValue: step.action })}</strong>
                {step.fromStatus && (
                  <span className="lic-muted">
                    {' '}
                    {t('history.change', {
                      from: t(`status.${step.fromStatus}`, { defaultValue: step.fromStatus }),
                      to: t(`status.${step.toStatus}`, { defaultValue: step.toStatus }),
                    })}
                  </span>
                )}
              </p>
              <p className="lic-muted lic-small">
                <time dateTime={step.at}>{formatDateTime(step.at, locale)}</time> ·{' '}
                {t(`history.actor.${step.actorKind}`, { defaultValue: step.actorKind })}
              </p>
              {step.reason && <p className="lic-quote">{step.reason}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
