import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Empty, Grid, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { LoadingBlock, PageHeading, QueryError, useDocumentTitle } from '@bianmin/frontend-kit/react';
import { useAffairsContext, useAffairsPath } from '../../app/affairs-context';
import { FormDialog } from '../../components/FormDialog';
import { OutcomeNotice } from '../../components/OutcomeNotice';
import { useMutationRunner } from '../../components/useMutationRunner';
import {
  calendarYears,
  chinaYear,
  sortedDays,
  yearFromSearch,
  type CalendarDayInput,
} from '../../domain/calendar-form';
import type { MutationOutcome } from '../../domain/mutation-result';
import type { CalendarDayFields } from '../../graphql/types';
import { CalendarDayDialog } from './CalendarDayDialog';
import { CalendarDays } from './CalendarDays';
import { REMOVE_CALENDAR_DAY, SET_CALENDAR_DAY, WORKING_CALENDAR } from './queries';

type Dialog =
  | { kind: 'add' }
  | { kind: 'edit'; day: CalendarDayFields }
  | { kind: 'remove'; day: CalendarDayFields }
  | null;

/** 工作日历: one year's holidays and adjusted working days, which every time limit counts by. */
export function CalendarPage() {
  const { t } = useTranslation();
  const { locale, elderly } = useAffairsContext();
  const to = useAffairsPath();
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const thisYear = useMemo(() => chinaYear(new Date()), []);
  const year = yearFromSearch(params.get('year'), thisYear);
  const { data, loading, error, refetch } = useQuery(WORKING_CALENDAR, {
    variables: { year },
    fetchPolicy: 'cache-and-network',
  });
  const reload = useCallback(() => refetch(), [refetch]);
  const runner = useMutationRunner(reload);
  const [setDay] = useMutation(SET_CALENDAR_DAY);
  const [removeDay] = useMutation(REMOVE_CALENDAR_DAY);
  const [dialog, setDialog] = useState<Dialog>(null);
  const yearId = useId();
  useDocumentTitle(t('admin.calendar.title'));

  const calendar = data?.workingCalendar.year === year ? data.workingCalendar : null;
  const days = useMemo(() => sortedDays(calendar?.days ?? []), [calendar]);
  const nameOf = (day: { nameZh: string; nameEn: string }) => (locale === 'en' ? day.nameEn : day.nameZh);

  function chooseYear(next: number) {
    runner.clear();
    setParams(next === thisYear ? {} : { year: String(next) }, { replace: true });
  }

  function open(next: Dialog) {
    runner.clear();
    setDialog(next);
  }

  async function save(input: CalendarDayInput, expectedVersion: number | null): Promise<MutationOutcome> {
    const { outcome } = await runner.run(
      'save',
      () => setDay({ variables: { input, expectedVersion } }).then((r) => r.data?.setCalendarDay),
      t('admin.calendar.form.saved', { date: input.date, name: nameOf(input) }),
      { reloadOnOk: true },
    );
    if (outcome.kind === 'ok') {
      setDialog(null);
      // Show the day where it went, when it belongs to another year.
      const savedYear = Number(input.date.slice(0, 4));
      if (savedYear !== year)
        setParams(savedYear === thisYear ? {} : { year: String(savedYear) }, { replace: true });
    }
    return outcome;
  }

  async function remove(day: CalendarDayFields) {
    const { outcome } = await runner.run(
      'remove',
      () =>
        removeDay({ variables: { date: day.date, expectedVersion: day.version } }).then(
          (r) => r.data?.removeCalendarDay,
        ),
      t('admin.calendar.removed', { date: day.date, name: nameOf(day) }),
      { reloadOnOk: true },
    );
    if (outcome.kind === 'ok' || outcome.kind === 'stale') setDialog(null);
  }

  return (
    <div className="aff-page" data-testid="admin-calendar">
      <PageHeading
        title={t('admin.calendar.title')}
        crumbs={[{ label: t('admin.title'), to: to('admin') }, { label: t('admin.calendar.title') }]}
        lead={t('admin.calendar.lead')}
      />

      <div className="aff-admin-toolbar">
        <div className="aff-field aff-admin-toolbar__year">
          <label htmlFor={yearId}>{t('admin.calendar.year')}</label>
          <Select
            id={yearId}
            showSearch
            value={year}
            onChange={chooseYear}
            options={calendarYears().map((y) => ({ value: y, label: String(y) }))}
            data-testid="calendar-year"
          />
        </div>
        <div className="aff-admin-toolbar__quick" role="group" aria-label={t('admin.calendar.quickYears')}>
          {[thisYear, thisYear + 1].map((y, i) => (
            <Button
              key={y}
              aria-pressed={year === y}
              type={year === y ? 'primary' : 'default'}
              ghost={year === y}
              onClick={() => chooseYear(y)}
              data-testid={i === 0 ? 'calendar-this-year' : 'calendar-next-year'}
            >
              {i === 0
                ? t('admin.calendar.thisYear', { year: y })
                : t('admin.calendar.nextYear', { year: y })}
            </Button>
          ))}
        </div>
        <Button
          type="primary"
          icon={<PlusOutlined aria-hidden />}
          onClick={() => open({ kind: 'add' })}
          disabled={!calendar}
          data-testid="calendar-add"
        >
          {t('admin.calendar.add')}
        </Button>
      </div>

      <OutcomeNotice notice={dialog ? null : runner.notice} onClose={runner.clear} />

      {loading && !calendar ? (
        <LoadingBlock rows={8} />
      ) : error && !calendar ? (
        <QueryError error={error} onRetry={reload} retrying={loading} />
      ) : calendar ? (
        <section className="aff-panel aff-admin-calendar" aria-labelledby="aff-calendar-year-title">
          <h2 id="aff-calendar-year-title" data-testid="calendar-year-title">
            {t('admin.calendar.yearTitle', { year })}
          </h2>
          {calendar.provisional && (
            <Alert
              type="warning"
              showIcon
              title={t('admin.calendar.provisionalTitle', { year })}
              description={t('admin.calendar.provisionalBody')}
              data-testid="calendar-provisional"
            />
          )}
          {days.length === 0 ? (
            <Empty description={t('admin.calendar.empty', { year })} data-testid="calendar-empty" />
          ) : (
            <>
              <p className="aff-muted" data-testid="calendar-count">
                {t('admin.calendar.count', { year, count: days.length })}
              </p>
              <CalendarDays
                days={days}
                asTable={Boolean(screens.md) && !elderly}
                busy={runner.running !== null}
                onEdit={(day) => open({ kind: 'edit', day })}
                onRemove={(day) => open({ kind: 'remove', day })}
              />
            </>
          )}
        </section>
      ) : null}

      {(dialog?.kind === 'add' || dialog?.kind === 'edit') && (
        <CalendarDayDialog
          day={dialog.kind === 'edit' ? dialog.day : null}
          days={days}
          year={year}
          running={runner.running === 'save'}
          notice={runner.notice}
          onSave={save}
          onCancel={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'remove' && (
        <FormDialog
          title={t('admin.calendar.removeTitle', { date: dialog.day.date, name: dialog.day.name })}
          okText={t('admin.calendar.remove')}
          okButtonProps={{ danger: true, ...({ 'data-testid': 'calendar-remove-confirm' } as object) }}
          running={runner.running === 'remove'}
          notice={runner.notice}
          problem={null}
          onSubmit={() => void remove(dialog.day)}
          onCancel={() => setDialog(null)}
          testId="calendar-remove-dialog"
        >
          <p>{t('admin.calendar.removeBody')}</p>
        </FormDialog>
      )}
    </div>
  );
}
