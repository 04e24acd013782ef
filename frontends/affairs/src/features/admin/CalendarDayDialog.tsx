import { Input, Radio } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../components/FormDialog';
import type { Notice } from '../../components/useMutationRunner';
import {
  CALENDAR_DAY_KINDS,
  CALENDAR_FIELDS,
  CALENDAR_FIRST_YEAR,
  CALENDAR_LAST_YEAR,
  calendarFieldOf,
  checkCalendarDay,
  emptyDayForm,
  formFromDay,
  NAME_EN_MAX,
  NAME_ZH_MAX,
  NOTE_MAX,
  type CalendarDayForm,
  type CalendarDayInput,
  type CalendarField,
  type CalendarProblem,
} from '../../domain/calendar-form';
import type { MutationOutcome } from '../../domain/mutation-result';
import type { CalendarDayFields } from '../../graphql/types';
import { AdminField, FieldError, focusInput } from './AdminField';

interface Props {
  /** The day to edit; null to add one. */
  day: CalendarDayFields | null;
  /** The year's days as last fetched (for "already listed" and the version after a reload). */
  days: CalendarDayFields[];
  year: number;
  running: boolean;
  notice: Notice | null;
  onSave: (input: CalendarDayInput, expectedVersion: number | null) => Promise<MutationOutcome>;
  onCancel: () => void;
}

const MAX: Record<'nameZh' | 'nameEn' | 'note', number> = {
  nameZh: NAME_ZH_MAX,
  nameEn: NAME_EN_MAX,
  note: NOTE_MAX,
};

/**
 * Add or change one day. Problems show under their input, the form's and the server's alike;
 * nothing typed is lost on a refusal. After "someone changed it" the year is fetched again and
 * the next save starts from what is there now.
 */
export function CalendarDayDialog({ day, days, year, running, notice, onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const [form, setForm] = useState<CalendarDayForm>(() => (day ? formFromDay(day) : emptyDayForm()));
  const [problems, setProblems] = useState<Partial<Record<CalendarField, string>>>({});
  const [rebased, setRebased] = useState(false);
  const baseId = useId();
  const idOf = (field: CalendarField) => `${baseId}-${field}`;

  const latest = days.find((d) => d.date === form.date.trim()) ?? null;
  const editing = day !== null || (rebased && latest !== null);
  const expectedVersion = rebased ? (latest?.version ?? null) : (day?.version ?? null);

  const message = (field: CalendarField, problem: CalendarProblem) =>
    t(`admin.calendar.form.problem.${problem}`, {
      max: field === 'nameZh' || field === 'nameEn' || field === 'note' ? MAX[field] : 0,
      first: CALENDAR_FIRST_YEAR,
      last: CALENDAR_LAST_YEAR,
    });

  function change<K extends keyof CalendarDayForm>(field: K, value: CalendarDayForm[K]) {
    setForm((f) => ({ ...f, [field]: value }));
    setProblems((p) => ({ ...p, [field]: undefined }));
  }

  function focusFirst(fields: CalendarField[]) {
    const first = CALENDAR_FIELDS.find((f) => fields.includes(f));
    if (first) focusInput(idOf(first));
  }

  async function submit() {
    if (running) return;
    const checked = checkCalendarDay(form, {
      adding: !editing,
      taken: (date) => days.some((d) => d.date === date),
    });
    if (!checked.ok) {
      const found = Object.entries(checked.problems) as [CalendarField, CalendarProblem][];
      setProblems(Object.fromEntries(found.map(([field, problem]) => [field, message(field, problem)])));
      focusFirst(found.map(([field]) => field));
      return;
    }
    setProblems({});
    const outcome = await onSave(checked.input, expectedVersion);
    if (outcome.kind === 'stale') setRebased(true);
    if (outcome.kind === 'refused') {
      const field = calendarFieldOf(outcome.field);
      if (field) {
        setProblems({ [field]: outcome.message });
        focusFirst([field]);
      }
    }
  }

  const text = (field: 'nameZh' | 'nameEn' | 'note', testId: string, hint?: string) => (
    <AdminField
      id={idOf(field)}
      label={t(`admin.calendar.form.${field}`)}
      hint={hint}
      error={problems[field]}
      field={field}
    >
      {({ status, ...props }) =>
        field === 'note' ? (
          <Input.TextArea
            {...props}
            status={status}
            value={form.note}
            onChange={(e) => change('note', e.target.value)}
            maxLength={MAX.note}
            showCount
            autoSize={{ minRows: 2, maxRows: 5 }}
            data-testid={testId}
          />
        ) : (
          <Input
            {...props}
            status={status}
            value={form[field]}
            onChange={(e) => change(field, e.target.value)}
            maxLength={MAX[field]}
            showCount
            data-testid={testId}
          />
        )
      }
    </AdminField>
  );

  const editedDate = day?.date ?? latest?.date;
  return (
    <FormDialog
      title={
        editing && editedDate
          ? t('admin.calendar.form.editTitle', { date: editedDate })
          : t('admin.calendar.form.addTitle')
      }
      okText={t('admin.calendar.form.save')}
      okButtonProps={{ ...({ 'data-testid': 'calendar-day-save' } as object) }}
      running={running}
      notice={notice}
      problem={Object.values(problems).some(Boolean) ? t('admin.fixMarked') : null}
      onSubmit={() => void submit()}
      onCancel={onCancel}
      maskClosable={false}
      testId="calendar-day-form"
    >
      <AdminField
        id={idOf('date')}
        label={t('admin.calendar.form.date')}
        hint={day ? t('admin.calendar.form.dateLocked') : t('admin.calendar.form.dateHint', { year })}
        error={problems.date}
        field="date"
      >
        {(props) => (
          <Input
            {...props}
            type="date"
            min={`${CALENDAR_FIRST_YEAR}-01-01`}
            max={`${CALENDAR_LAST_YEAR}-12-31`}
            value={form.date}
            disabled={day !== null}
            onChange={(e) => change('date', e.target.value)}
            data-testid="calendar-date"
          />
        )}
      </AdminField>
      <fieldset className="aff-field">
        <legend>{t('admin.calendar.form.kind')}</legend>
        <Radio.Group
          id={idOf('kind')}
          value={form.kind ?? undefined}
          onChange={(e) => change('kind', e.target.value as CalendarDayForm['kind'])}
          options={CALENDAR_DAY_KINDS.map((kind) => ({
            value: kind,
            label: t(`admin.calendar.kind.${kind}`),
          }))}
          className="aff-radio-group"
          data-testid="calendar-kind-input"
          aria-describedby={problems.kind ? `${idOf('kind')}-error` : undefined}
        />
        <FieldError id={`${idOf('kind')}-error`} message={problems.kind} field="kind" />
      </fieldset>
      {text('nameZh', 'calendar-name-zh')}
      {text('nameEn', 'calendar-name-en')}
      {text('note', 'calendar-note', t('admin.calendar.form.noteHint'))}
    </FormDialog>
  );
}
