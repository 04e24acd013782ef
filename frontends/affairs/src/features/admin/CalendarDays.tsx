import { Button, Table, Tag } from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useAffairsContext } from '../../app/affairs-context';
import { weekdayName } from '../../domain/calendar-form';
import type { CalendarDayFields } from '../../graphql/types';

interface Props {
  days: CalendarDayFields[];
  /** A table where there is room; a list of cards on phones and in 长者模式. */
  asTable: boolean;
  busy: boolean;
  onEdit: (day: CalendarDayFields) => void;
  onRemove: (day: CalendarDayFields) => void;
}

/** The year's exception days in date order: date and weekday, 放假 / 调休上班, name, note. */
export function CalendarDays({ days, asTable, busy, onEdit, onRemove }: Props) {
  const { t } = useTranslation();
  const actions = (day: CalendarDayFields) => (
    <span className="aff-admin-row-actions">
      <Button
        icon={<EditOutlined aria-hidden />}
        onClick={() => onEdit(day)}
        disabled={busy}
        aria-label={t('admin.calendar.editLabel', { date: day.date })}
        data-testid="calendar-edit"
      >
        {t('admin.calendar.edit')}
      </Button>
      <Button
        danger
        icon={<DeleteOutlined aria-hidden />}
        onClick={() => onRemove(day)}
        disabled={busy}
        aria-label={t('admin.calendar.removeLabel', { date: day.date })}
        data-testid="calendar-remove"
      >
        {t('admin.calendar.remove')}
      </Button>
    </span>
  );

  if (!asTable) {
    return (
      <ul className="aff-list" data-testid="calendar-days">
        {days.map((day) => (
          <li
            key={day.date}
            className="aff-card aff-admin-day"
            data-testid="calendar-day"
            data-date={day.date}
          >
            <h3 className="aff-admin-day__date">
              <DayDate day={day} />
            </h3>
            <p className="aff-admin-day__name">
              <KindTag day={day} /> <DayName day={day} />
            </p>
            {day.note && <p className="aff-muted aff-small">{day.note}</p>}
            {actions(day)}
          </li>
        ))}
      </ul>
    );
  }

  return (
    <Table<CalendarDayFields>
      rowKey="date"
      dataSource={days}
      pagination={false}
      size="middle"
      data-testid="calendar-days"
      onRow={(day) =>
        ({ 'data-testid': 'calendar-day', 'data-date': day.date }) as HTMLAttributes<HTMLElement>
      }
      columns={[
        { key: 'date', title: t('admin.calendar.columns.date'), render: (_, day) => <DayDate day={day} /> },
        { key: 'kind', title: t('admin.calendar.columns.kind'), render: (_, day) => <KindTag day={day} /> },
        { key: 'name', title: t('admin.calendar.columns.name'), render: (_, day) => <DayName day={day} /> },
        {
          key: 'note',
          title: t('admin.calendar.columns.note'),
          render: (_, day) => (day.note ? <span className="aff-small">{day.note}</span> : null),
        },
        { key: 'actions', title: t('admin.calendar.columns.actions'), render: (_, day) => actions(day) },
      ]}
    />
  );
}

function DayDate({ day }: { day: CalendarDayFields }) {
  const { locale } = useAffairsContext();
  return (
    <span className="aff-admin-date">
      <time dateTime={day.date}>{day.date}</time>{' '}
      <span className="aff-muted">{weekdayName(day.date, locale)}</span>
    </span>
  );
}

function KindTag({ day }: { day: CalendarDayFields }) {
  const { t } = useTranslation();
  return (
    <Tag
      className={`aff-tag ${day.kind === 'HOLIDAY' ? 'aff-tag--success' : 'aff-tag--action'}`}
      data-testid="calendar-kind"
      data-kind={day.kind}
    >
      {t(`admin.calendar.kind.${day.kind}`)}
    </Tag>
  );
}

/** The name in the UI language, and the other language's under it (administrators edit both). */
function DayName({ day }: { day: CalendarDayFields }) {
  const { locale } = useAffairsContext();
  const other = locale === 'en' ? day.nameZh : day.nameEn;
  return (
    <span data-testid="calendar-name">
      {day.name}
      {other && other !== day.name && (
        <span className="aff-muted aff-small aff-block" lang={locale === 'en' ? 'zh-CN' : 'en'}>
          {other}
        </span>
      )}
    </span>
  );
}
