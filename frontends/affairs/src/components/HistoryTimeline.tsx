import { Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAffairsContext } from '../app/affairs-context';
import { formatDateTime } from '../domain/datetime';
import type { ApplicationMaterialFields, ApplicationStepFields } from '../graphql/types';

interface Props {
  history: ApplicationStepFields[];
  materials: Pick<ApplicationMaterialFields, 'id' | 'name'>[];
}

/** 办理进度: every step, newest first, with its comment and 补正 reasons. */
export function HistoryTimeline({ history, materials }: Props) {
  const { t } = useTranslation();
  const { locale } = useAffairsContext();
  const nameOf = (id: string) => materials.find((m) => m.id === id)?.name ?? id;
  const steps = [...history].reverse();
  return (
    <section className="aff-panel" aria-labelledby="aff-history-title" data-testid="history">
      <h2 id="aff-history-title">{t('history.title')}</h2>
      <Timeline
        className="aff-timeline"
        items={steps.map((step, i) => ({
          key: `${step.at}-${i}`,
          color: i === 0 ? 'blue' : 'gray',
          content: (
            <div className="aff-step" data-testid="history-step">
              <p className="aff-step__head">
                <strong>{step.label}</strong>{' '}
                <span className="aff-muted aff-small">
                  <time dateTime={step.at}>{formatDateTime(step.at, locale)}</time> ·{' '}
                  {step.actor
                    ? t('history.actorNamed', {
                        name: step.actor.name,
                        kind: t(`actor.${step.actorKind}`, { defaultValue: step.actorKind }),
                      })
                    : t(`actor.${step.actorKind}`, { defaultValue: step.actorKind })}
                </span>
              </p>
              {step.assignee && (step.action === 'assign' || step.action === 'claim') && (
                <p className="aff-step__comment" data-testid="history-assignee">
                  {t('history.assignedTo', { name: step.assignee.name })}
                </p>
              )}
              {step.comment && (
                <p className="aff-step__comment">
                  {t('history.comment')}
                  {step.comment}
                </p>
              )}
              {step.materialReasons && step.materialReasons.length > 0 && (
                <ul className="aff-step__reasons" aria-label={t('history.reasons')}>
                  {step.materialReasons.map((reason) => (
                    <li key={reason.materialId}>
                      <strong>{nameOf(reason.materialId)}</strong>
                      {t('common.colon')}
                      {reason.reason}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ),
        }))}
      />
    </section>
  );
}
