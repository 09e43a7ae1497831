import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';
import { atLeast } from '../../auth/permissions';
import { Alert, Loading, ProblemAlert } from '../../ui/Alert';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { CheckboxField, SelectField, TextField, useFocusFirstInvalid } from '../../ui/fields';
import { fieldError } from '../../ui/errors';
import { PageHeader } from '../../ui/Page';
import { localeFor } from '../../i18n/format';
import { useDeleteCalendar, usePreview, useSaveCalendar, useCalendar, type SlaCalendar } from './api';
import {
  browserTimeZone,
  closingMidnight,
  completeHours,
  officeHours,
  timeZones,
  WEEKDAYS,
  zonedWallTimeToUtc,
  type Interval,
  type Weekday,
  type WeeklyHours,
} from './hours';

const LIST = '/settings/service-levels';
// A remove button beside the fields of a row: as small as the button, level with the inputs.
const INLINE_BUTTON = { alignSelf: 'end', justifySelf: 'start', marginBottom: 'var(--space-3)' } as const;

export function CalendarCreatePage() {
  return <CalendarForm />;
}

export function CalendarEditPage() {
  const { calendarId = '' } = useParams();
  const { t } = useTranslation();
  const calendar = useCalendar(calendarId);
  if (calendar.isPending) return <Loading />;
  if (calendar.isError)
    return (
      <section>
        <PageHeader title={t('serviceLevels.editCalendar')} />
        <ProblemAlert error={calendar.error} />
        <Link to={LIST} className="button">
          {t('serviceLevels.backToList')}
        </Link>
      </section>
    );
  return <CalendarForm key={calendar.data.id} calendar={calendar.data} />;
}

interface HolidayRow {
  date: string;
  name: string;
}

function CalendarForm({ calendar }: { calendar?: SlaCalendar }) {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const save = useSaveCalendar(calendar?.id);
  const remove = useDeleteCalendar(calendar?.id ?? '');
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, save.error);
  const canManage = atLeast(me?.role, 'admin');
  const [name, setName] = useState(calendar?.name ?? '');
  const [timeZone, setTimeZone] = useState(calendar?.time_zone ?? browserTimeZone());
  const [alwaysOpen, setAlwaysOpen] = useState(calendar?.always_open ?? false);
  const [hours, setHours] = useState<WeeklyHours>(calendar ? completeHours(calendar.hours) : officeHours());
  const [holidays, setHolidays] = useState<HolidayRow[]>(
    (calendar?.holidays ?? []).map((h) => ({ date: h.date, name: h.name ?? '' })),
  );
  const [saved, setSaved] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const err = save.error;
  const zones = timeZones(timeZone);
  const touched = () => setSaved(false);

  const setIntervals = (day: Weekday, change: (list: Interval[]) => Interval[]) => {
    touched();
    setHours((h) => ({ ...h, [day]: change(h[day]) }));
  };
  const shownFields = [
    'name',
    'time_zone',
    'always_open',
    'hours',
    ...WEEKDAYS.flatMap((d) => [
      `hours.${d}`,
      ...hours[d].flatMap((_, i) => [`hours.${d}.${i}`, `hours.${d}.${i}.start`, `hours.${d}.${i}.end`]),
    ]),
    'holidays',
    ...holidays.flatMap((_, i) => [`holidays.${i}`, `holidays.${i}.date`, `holidays.${i}.name`]),
  ];

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      {
        name: name.trim(),
        time_zone: timeZone,
        always_open: alwaysOpen,
        hours: closingMidnight(hours),
        holidays: holidays.map((h) => ({ date: h.date, name: h.name.trim() })),
      },
      {
        onSuccess: (c) => {
          if (calendar) setSaved(true);
          else navigate(LIST, { state: { flash: t('serviceLevels.calendarCreatedFlash', { name: c.name }) } });
        },
      },
    );
  };

  return (
    <section>
      <PageHeader
        title={calendar ? t('serviceLevels.editCalendar') : t('serviceLevels.newCalendar')}
        description={calendar ? calendar.name : t('serviceLevels.calendarDescription')}
      />
      {!canManage ? <Alert tone="info">{t('serviceLevels.readOnly')}</Alert> : null}
      <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
        <div aria-live="polite">
          {err ? <ProblemAlert error={err} fields={shownFields} /> : null}
          {remove.isError ? <ProblemAlert error={remove.error} /> : null}
          {saved && !err ? <Alert tone="success">{t('common.saved')}</Alert> : null}
        </div>
        <div className="form-grid">
          <TextField
            label={t('serviceLevels.name')}
            name="name"
            required
            value={name}
            disabled={!canManage}
            error={fieldError(err, 'name')}
            onChange={(e) => {
              touched();
              setName(e.target.value);
            }}
          />
          <SelectField
            label={t('serviceLevels.timeZone')}
            name="time_zone"
            required
            value={timeZone}
            disabled={!canManage}
            error={fieldError(err, 'time_zone')}
            onChange={(e) => {
              touched();
              setTimeZone(e.target.value);
            }}
            options={zones.map((z) => ({ value: z, label: z }))}
          />
        </div>
        <CheckboxField
          label={t('serviceLevels.alwaysOpenLabel')}
          hint={t('serviceLevels.alwaysOpenHint')}
          name="always_open"
          checked={alwaysOpen}
          disabled={!canManage}
          error={fieldError(err, 'always_open')}
          onChange={(e) => {
            touched();
            setAlwaysOpen(e.target.checked);
          }}
        />
        {!alwaysOpen ? (
          <fieldset className="fieldset">
            <legend>{t('serviceLevels.openingHours')}</legend>
            <p className="field-hint">{t('serviceLevels.openingHoursHint')}</p>
            {fieldError(err, 'hours') ? <p className="field-error">{fieldError(err, 'hours')}</p> : null}
            {WEEKDAYS.map((day) => {
              const dayLabel = t(`serviceLevels.days.${day}`);
              const dayError = fieldError(err, `hours.${day}`);
              return (
                <div key={day} className="fieldset" role="group" aria-label={dayLabel}>
                  <p>
                    <strong>{dayLabel}</strong>
                    {hours[day].length === 0 ? <span className="muted"> · {t('serviceLevels.closed')}</span> : null}
                  </p>
                  {dayError ? <p className="field-error">{dayError}</p> : null}
                  {hours[day].map((interval, i) => {
                    const at = `hours.${day}.${i}`;
                    return (
                      <div key={i} className="form-grid">
                        <TextField
                          type="time"
                          label={t('serviceLevels.opensAt', { day: dayLabel, n: i + 1 })}
                          name={`${day}-${i}-start`}
                          value={interval.start}
                          disabled={!canManage}
                          error={fieldError(err, `${at}.start`) ?? fieldError(err, at)}
                          onChange={(e) =>
                            setIntervals(day, (l) => l.map((x, j) => (j === i ? { ...x, start: e.target.value } : x)))
                          }
                        />
                        <TextField
                          type="time"
                          label={t('serviceLevels.closesAt', { day: dayLabel, n: i + 1 })}
                          name={`${day}-${i}-end`}
                          value={interval.end === '24:00' ? '00:00' : interval.end}
                          hint={
                            interval.end === '24:00' || interval.end === '00:00' ? t('serviceLevels.midnightHint') : undefined
                          }
                          disabled={!canManage}
                          error={fieldError(err, `${at}.end`)}
                          onChange={(e) =>
                            setIntervals(day, (l) => l.map((x, j) => (j === i ? { ...x, end: e.target.value } : x)))
                          }
                        />
                        {canManage ? (
                          <button
                            type="button"
                            className="button button-small"
                            style={INLINE_BUTTON}
                            onClick={() => setIntervals(day, (l) => l.filter((_, j) => j !== i))}
                          >
                            {t('serviceLevels.removeInterval')}
                            <span className="visually-hidden">
                              {' '}
                              {dayLabel} {i + 1}
                            </span>
                          </button>
                        ) : null}
                      </div>
                    );
                  })}
                  {canManage ? (
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => setIntervals(day, (l) => [...l, { start: '09:00', end: '18:00' }])}
                    >
                      {t('serviceLevels.addInterval', { day: dayLabel })}
                    </button>
                  ) : null}
                </div>
              );
            })}
          </fieldset>
        ) : null}
        <fieldset className="fieldset">
          <legend>{t('serviceLevels.holidays')}</legend>
          <p className="field-hint">{t('serviceLevels.holidaysHint')}</p>
          {fieldError(err, 'holidays') ? <p className="field-error">{fieldError(err, 'holidays')}</p> : null}
          {holidays.map((h, i) => (
            <div key={i} className="form-grid">
              <TextField
                type="date"
                label={t('serviceLevels.holidayDate', { n: i + 1 })}
                name={`holiday-${i}-date`}
                value={h.date}
                disabled={!canManage}
                error={fieldError(err, `holidays.${i}.date`) ?? fieldError(err, `holidays.${i}`)}
                onChange={(e) => {
                  touched();
                  setHolidays((l) => l.map((x, j) => (j === i ? { ...x, date: e.target.value } : x)));
                }}
              />
              <TextField
                label={t('serviceLevels.holidayName', { n: i + 1 })}
                name={`holiday-${i}-name`}
                value={h.name}
                disabled={!canManage}
                error={fieldError(err, `holidays.${i}.name`)}
                onChange={(e) => {
                  touched();
                  setHolidays((l) => l.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)));
                }}
              />
              {canManage ? (
                <button
                  type="button"
                  className="button button-small"
                  style={INLINE_BUTTON}
                  onClick={() => {
                    touched();
                    setHolidays((l) => l.filter((_, j) => j !== i));
                  }}
                >
                  {t('serviceLevels.removeHoliday')}
                  <span className="visually-hidden"> {h.date}</span>
                </button>
              ) : null}
            </div>
          ))}
          {canManage ? (
            <button
              type="button"
              className="button button-small"
              onClick={() => {
                touched();
                setHolidays((l) => [...l, { date: '', name: '' }]);
              }}
            >
              {t('serviceLevels.addHoliday')}
            </button>
          ) : null}
        </fieldset>
        <div className="form-actions">
          {canManage ? (
            <button type="submit" className="button button-primary" disabled={save.isPending}>
              {save.isPending ? t('common.saving') : calendar ? t('common.save') : t('serviceLevels.createCalendar')}
            </button>
          ) : null}
          <Link to={LIST} className="button">
            {t('serviceLevels.backToList')}
          </Link>
          {calendar && canManage ? (
            <button type="button" className="button button-danger push-right" onClick={() => setConfirmDelete(true)}>
              {t('serviceLevels.deleteCalendar')}
            </button>
          ) : null}
        </div>
      </form>
      {calendar ? <DuePreviewForm calendar={calendar} /> : null}
      {calendar ? (
        <ConfirmDialog
          open={confirmDelete}
          title={t('serviceLevels.deleteCalendarTitle', { name: calendar.name })}
          confirmLabel={t('serviceLevels.deleteCalendar')}
          danger
          busy={remove.isPending}
          onCancel={() => setConfirmDelete(false)}
          onConfirm={() =>
            remove.mutate(undefined, {
              onSuccess: () =>
                navigate(LIST, { state: { flash: t('serviceLevels.calendarDeletedFlash', { name: calendar.name }) } }),
              onSettled: () => setConfirmDelete(false),
            })
          }
        >
          <p>{t('serviceLevels.deleteCalendarBody')}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

/** When a target of N business minutes from a start falls due in this (saved) calendar. */
function DuePreviewForm({ calendar }: { calendar: SlaCalendar }) {
  const { t, i18n } = useTranslation();
  const preview = usePreview();
  const [start, setStart] = useState('');
  const [minutes, setMinutes] = useState('240');
  const [localError, setLocalError] = useState<string | undefined>();
  const dueText = (ms: number) =>
    new Intl.DateTimeFormat(localeFor(i18n.language), {
      timeZone: calendar.time_zone,
      dateStyle: 'full',
      timeStyle: 'short',
    }).format(new Date(ms));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const ms = zonedWallTimeToUtc(start, calendar.time_zone);
    if (ms === null) {
      setLocalError(t('serviceLevels.previewStartRequired'));
      return;
    }
    setLocalError(undefined);
    preview.mutate({ calendar: calendar.id, start: ms, minutes: Number(minutes) || 0 });
  };

  return (
    <form className="form fieldset section-title" onSubmit={onSubmit} noValidate>
      <h2>{t('serviceLevels.previewTitle')}</h2>
      <p className="field-hint">{t('serviceLevels.previewHint', { zone: calendar.time_zone })}</p>
      <div className="form-grid">
        <TextField
          type="datetime-local"
          label={t('serviceLevels.previewStart')}
          name="preview-start"
          value={start}
          error={localError}
          onChange={(e) => setStart(e.target.value)}
        />
        <TextField
          type="number"
          min={0}
          label={t('serviceLevels.previewMinutes')}
          name="preview-minutes"
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={preview.isPending}>
          {t('serviceLevels.previewButton')}
        </button>
      </div>
      <div aria-live="polite">
        {preview.isError ? <ProblemAlert error={preview.error} /> : null}
        {preview.data ? (
          <p className="preview-result">{t('serviceLevels.previewResult', { due: dueText(preview.data.due_at) })}</p>
        ) : null}
      </div>
    </form>
  );
}
