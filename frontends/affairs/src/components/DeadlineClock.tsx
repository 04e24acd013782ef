import { Tag } from 'antd';
import { ClockCircleOutlined, PauseCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAffairsContext } from '../app/affairs-context';
import { isDecided } from '../domain/application-state';
import { formatCivilDate, formatDateTime } from '../domain/datetime';
import { describeDeadline } from '../domain/deadline';
import type { ApplicationState, DeadlineFields } from '../graphql/types';

interface Props {
  state: ApplicationState;
  deadline: DeadlineFields | null;
  /** 受理时限, shown while the application waits to be accepted (no clock yet). */
  acceptanceDueAt?: string | null;
  /** One line for lists; the full clock (with paused and extended days) for detail pages. */
  compact?: boolean;
}

/**
 * 办结时限: the last day, working days left (or over), 即将到期 / 已超期, 计时暂停. Before
 * acceptance, the date by which the department must accept the application.
 */
export function DeadlineClock({ state, deadline, acceptanceDueAt, compact = false }: Props) {
  const { t } = useTranslation();
  const { locale } = useAffairsContext();

  if (!deadline) {
    if (!acceptanceDueAt) return null;
    const text = t('deadline.acceptBy', { date: formatDateTime(acceptanceDueAt, locale) });
    if (compact) {
      return (
        <p className="aff-clock aff-clock--ok" data-testid="deadline-clock" data-tone="acceptance">
          <ClockCircleOutlined aria-hidden />
          <span>{text}</span>
        </p>
      );
    }
    return (
      <section
        className="aff-panel aff-clock-panel aff-clock--ok"
        aria-labelledby="aff-deadline-title"
        data-testid="deadline-clock"
        data-tone="acceptance"
      >
        <h2 id="aff-deadline-title">{t('deadline.title')}</h2>
        <p className="aff-clock-panel__date">
          <ClockCircleOutlined aria-hidden /> <span>{text}</span>
        </p>
      </section>
    );
  }

  const view = describeDeadline(deadline, isDecided(state));
  const date = formatCivilDate(deadline.date, locale);
  const icon =
    view.tone === 'paused' ? <PauseCircleOutlined aria-hidden /> : <ClockCircleOutlined aria-hidden />;
  const badges = view.badges.map((badge) => (
    <Tag key={badge} className={`aff-tag aff-tag--clock-${badge}`} data-testid={`deadline-${badge}`}>
      {t(`deadline.badge.${badge}`)}
    </Tag>
  ));

  if (compact) {
    return (
      <p className={`aff-clock aff-clock--${view.tone}`} data-testid="deadline-clock" data-tone={view.tone}>
        {icon}
        <span>{t('deadline.dueShort', { date })}</span>
        <span className="aff-clock__days">{t(`deadline.${view.daysKey}`, { count: view.count })}</span>
        {badges}
      </p>
    );
  }

  return (
    <section
      className={`aff-panel aff-clock-panel aff-clock--${view.tone}`}
      aria-labelledby="aff-deadline-title"
      data-testid="deadline-clock"
      data-tone={view.tone}
    >
      <h2 id="aff-deadline-title">{t('deadline.title')}</h2>
      <p className="aff-clock-panel__date">
        {icon} <strong>{t('deadline.due', { date })}</strong> {badges}
      </p>
      <p className="aff-clock-panel__days" data-testid="deadline-days">
        {t(`deadline.${view.daysKey}`, { count: view.count })}
      </p>
      <ul className="aff-clock-panel__notes">
        {deadline.extensionWorkingDays > 0 && (
          <li>{t('deadline.extended', { count: deadline.extensionWorkingDays })}</li>
        )}
        {deadline.suspendedWorkingDays > 0 && (
          <li>{t('deadline.suspendedDays', { count: deadline.suspendedWorkingDays })}</li>
        )}
        {deadline.provisional && <li>{t('deadline.provisionalNote')}</li>}
      </ul>
    </section>
  );
}
