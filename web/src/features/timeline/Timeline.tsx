// The timeline of a person or a company (a company's includes its contacts'): notes, calls,
// meetings, emails and tasks, newest first, with quick actions to log one. Each records the
// channel, the direction, the relationship type (Business Model Canvas) and the minutes spent,
// so the cost and the kind of each relationship can be measured. Tasks can be completed.
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useSession } from '../../auth/session';
import { useFormat } from '../../i18n/format';
import { Alert, Loading, ProblemAlert } from '../../ui/Alert';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { fieldError } from '../../ui/errors';
import { SelectField, TextAreaField, TextField, useFocusFirstInvalid } from '../../ui/fields';
import { Icon, type IconName } from '../../ui/icons';
import { LoadMoreButton } from '../../ui/PagedTable';
import { canLogInteractions } from '../customers/access';
import { recordsKey } from '../customers/api';
import type { Directory } from '../customers/lookups';
import { recordName } from '../customers/schema';
import type { CustomerRecord, Entity } from '../customers/types';
import { useDeleteInteraction, useLogInteraction, useTimeline, useUpdateInteraction } from './api';
import {
  CHANNELS,
  DIRECTIONS,
  INTERACTION_KINDS,
  RELATIONSHIP_TYPES,
  type Channel,
  type Direction,
  type Interaction,
  type InteractionKind,
  type InteractionWrite,
  type RelationshipType,
} from './types';

export const KIND_ICONS: Record<InteractionKind, IconName> = {
  note: 'note',
  call: 'phone',
  meeting: 'calendar',
  email: 'mail',
  task: 'task',
};

/** What a new entry of each kind starts with. */
export const KIND_DEFAULTS: Record<InteractionKind, { channel: Channel | ''; direction: Direction | '' }> = {
  note: { channel: '', direction: '' },
  call: { channel: 'phone', direction: 'outbound' },
  meeting: { channel: 'in_person', direction: '' },
  email: { channel: 'email', direction: 'outbound' },
  task: { channel: '', direction: '' },
};

/** "2025-03-04T09:30" in local time, for <input type="datetime-local">. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function fromLocalInput(value: string): number | null {
  if (!value) return null;
  const ms = new Date(value).getTime();
  return Number.isFinite(ms) ? ms : null;
}

interface DraftState {
  subject: string;
  body: string;
  channel: Channel | '';
  direction: Direction | '';
  relationship_type: RelationshipType | '';
  minutes: string;
  occurred: string;
  due: string;
  assignee: string;
}

/** The POST body for a new entry about a person or a company. */
export function interactionBody(kind: InteractionKind, about: { entity: Entity; id: string }, d: DraftState): InteractionWrite {
  const body: InteractionWrite = { kind };
  if (about.entity === 'person') body.person_id = about.id;
  else body.company_id = about.id;
  if (d.subject.trim()) body.subject = d.subject.trim();
  if (d.body.trim()) body.body = d.body;
  if (d.channel) body.channel = d.channel;
  if (d.direction) body.direction = d.direction;
  if (d.relationship_type) body.relationship_type = d.relationship_type;
  const minutes = d.minutes.trim();
  if (minutes) {
    // A number that is not whole is sent as typed: the server's message then says what it needs.
    body.minutes_spent = /^\d+$/.test(minutes) ? Number(minutes) : (minutes as unknown as number);
  }
  if (kind === 'task') {
    const due = fromLocalInput(d.due);
    if (due !== null) body.due_at = due;
    if (d.assignee) body.assignee_user_id = d.assignee;
  } else {
    const occurred = fromLocalInput(d.occurred);
    if (occurred !== null) body.occurred_at = occurred;
  }
  return body;
}

export function Timeline({ entity, record, directory }: { entity: Entity; record: CustomerRecord; directory: Directory }) {
  const { t } = useTranslation();
  const me = useSession();
  const timeline = useTimeline(entity, record.id);
  const [kind, setKind] = useState<InteractionKind | null>(null);
  const [logged, setLogged] = useState('');
  const [toDelete, setToDelete] = useState<Interaction | null>(null);
  const remove = useDeleteInteraction();
  const canLog = canLogInteractions(me);
  const buttonRefs = useRef<Partial<Record<InteractionKind, HTMLButtonElement | null>>>({});

  // A company's timeline shows its contacts' entries too: name them.
  const personIds =
    entity === 'company' ? [...new Set(timeline.items.map((i) => i.person_id).filter((p): p is string => !!p))] : [];
  const people = useQueries({
    queries: personIds.map((pid) => ({
      queryKey: [...recordsKey('person'), 'one', pid],
      queryFn: ({ signal }: { signal: AbortSignal }) => api.get<CustomerRecord>(`/people/${encodeURIComponent(pid)}`, { signal }),
      staleTime: 5 * 60_000,
    })),
  });
  const personName = (pid: string) => {
    const i = personIds.indexOf(pid);
    const p = i >= 0 ? people[i]?.data : undefined;
    return p ? recordName(p) : t('timeline.aContact');
  };

  return (
    <section className="card timeline-card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('timeline.title')}</h2>
      {canLog ? (
        <div className="quick-actions" role="group" aria-label={t('timeline.quickActions')}>
          {INTERACTION_KINDS.map((k) => (
            <button
              key={k}
              ref={(el) => {
                buttonRefs.current[k] = el;
              }}
              type="button"
              className={`button button-small ${kind === k ? 'is-active' : ''}`}
              aria-expanded={kind === k}
              aria-controls="interaction-form"
              onClick={() => {
                setLogged('');
                setKind((cur) => (cur === k ? null : k));
              }}
            >
              <Icon name={KIND_ICONS[k]} size={16} />
              {t(`timeline.quick.${k}`)}
            </button>
          ))}
        </div>
      ) : (
        <p className="muted small">{t('timeline.readOnly')}</p>
      )}
      <div aria-live="polite">{logged ? <Alert tone="success">{logged}</Alert> : null}</div>
      {kind ? (
        <InteractionForm
          key={kind}
          kind={kind}
          about={{ entity, id: record.id }}
          directory={directory}
          onDone={(message) => {
            const k = kind;
            setKind(null);
            if (message) setLogged(message);
            requestAnimationFrame(() => buttonRefs.current[k]?.focus());
          }}
        />
      ) : null}
      {timeline.isPending ? <Loading /> : null}
      {timeline.isError && !timeline.isFetchNextPageError ? <ProblemAlert error={timeline.error} /> : null}
      {timeline.isSuccess && timeline.items.length === 0 ? <p className="muted">{t('timeline.empty')}</p> : null}
      {timeline.items.length > 0 ? (
        <ol className="timeline" aria-label={t('timeline.entries')}>
          {timeline.items.map((i) => (
            <TimelineItem
              key={i.id}
              item={i}
              directory={directory}
              canEdit={canLog}
              onDelete={(item) => {
                remove.reset();
                setToDelete(item);
              }}
              about={
                entity === 'company' && i.person_id ? (
                  <Link to={`/people/${encodeURIComponent(i.person_id)}`}>{personName(i.person_id)}</Link>
                ) : null
              }
            />
          ))}
        </ol>
      ) : null}
      {remove.isError ? <ProblemAlert error={remove.error} /> : null}
      {timeline.isFetchNextPageError ? <ProblemAlert error={timeline.error} /> : null}
      <LoadMoreButton list={timeline} label={t('timeline.older')} />
      <ConfirmDialog
        open={!!toDelete}
        title={t('timeline.deleteTitle', { title: toDelete ? toDelete.subject || t(`timeline.kinds.${toDelete.kind}`) : '' })}
        confirmLabel={t('timeline.delete')}
        danger
        busy={remove.isPending}
        onCancel={() => setToDelete(null)}
        onConfirm={() => toDelete && remove.mutate(toDelete.id, { onSettled: () => setToDelete(null) })}
      >
        <p>{t('timeline.deleteBody')}</p>
      </ConfirmDialog>
    </section>
  );
}

function InteractionForm({
  kind,
  about,
  directory,
  onDone,
}: {
  kind: InteractionKind;
  about: { entity: Entity; id: string };
  directory: Directory;
  onDone: (message?: string) => void;
}) {
  const { t } = useTranslation();
  const me = useSession();
  const log = useLogInteraction();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, log.error);
  const [d, setD] = useState<DraftState>(() => ({
    subject: '',
    body: '',
    channel: KIND_DEFAULTS[kind].channel,
    direction: KIND_DEFAULTS[kind].direction,
    relationship_type: '',
    minutes: '',
    occurred: toLocalInput(Date.now()),
    due: '',
    assignee: kind === 'task' ? (me.user?.id ?? '') : '',
  }));
  const err = log.error;
  const set = <K extends keyof DraftState>(k: K, v: DraftState[K]) => setD((s) => ({ ...s, [k]: v }));
  const shown = [
    'subject',
    'body',
    'channel',
    'direction',
    'relationship_type',
    'minutes_spent',
    'occurred_at',
    'due_at',
    'assignee_user_id',
  ];

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    log.mutate(interactionBody(kind, about, d), {
      onSuccess: () => onDone(t(`timeline.logged.${kind}`)),
    });
  };

  return (
    <form
      id="interaction-form"
      ref={formRef}
      className="interaction-form"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="interaction-form-title"
    >
      <h3 id="interaction-form-title">{t(`timeline.logTitle.${kind}`)}</h3>
      {err ? <ProblemAlert error={err} fields={shown} /> : null}
      <TextField
        label={kind === 'task' ? t('timeline.taskSubject') : t('timeline.subject')}
        name="subject"
        value={d.subject}
        error={fieldError(err, 'subject')}
        onChange={(e) => set('subject', e.target.value)}
      />
      <TextAreaField
        label={kind === 'note' ? t('timeline.note') : t('timeline.body')}
        name="body"
        rows={3}
        value={d.body}
        error={fieldError(err, 'body')}
        onChange={(e) => set('body', e.target.value)}
      />
      <div className="form-grid">
        <SelectField
          label={t('timeline.channel')}
          name="channel"
          value={d.channel}
          error={fieldError(err, 'channel')}
          onChange={(e) => set('channel', e.target.value as Channel | '')}
          options={[
            { value: '', label: t('customers.notSet') },
            ...CHANNELS.map((c) => ({ value: c, label: t(`timeline.channels.${c}`) })),
          ]}
        />
        <SelectField
          label={t('timeline.direction')}
          name="direction"
          value={d.direction}
          error={fieldError(err, 'direction')}
          onChange={(e) => set('direction', e.target.value as Direction | '')}
          options={[
            { value: '', label: t('customers.notSet') },
            ...DIRECTIONS.map((c) => ({ value: c, label: t(`timeline.directions.${c}`) })),
          ]}
        />
        <SelectField
          label={t('timeline.relationshipType')}
          name="relationship_type"
          value={d.relationship_type}
          hint={d.relationship_type ? t(`timeline.relationshipDescribe.${d.relationship_type}`) : t('timeline.relationshipHint')}
          error={fieldError(err, 'relationship_type')}
          onChange={(e) => set('relationship_type', e.target.value as RelationshipType | '')}
          options={[
            { value: '', label: t('customers.notSet') },
            ...RELATIONSHIP_TYPES.map((c) => ({ value: c, label: t(`timeline.relationships.${c}`) })),
          ]}
        />
        <TextField
          label={t('timeline.minutes')}
          name="minutes_spent"
          inputMode="numeric"
          value={d.minutes}
          hint={t('timeline.minutesHint')}
          error={fieldError(err, 'minutes_spent')}
          onChange={(e) => set('minutes', e.target.value)}
        />
        <WhenFields isTask={kind === 'task'} d={d} set={set} err={err} directory={directory} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={log.isPending}>
          {log.isPending ? t('common.saving') : t(`timeline.save.${kind}`)}
        </button>
        <button type="button" className="button" onClick={() => onDone()}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * When an entry happens: a task's due time and assignee (active users, and the one it has),
 * any other entry's time. Shared by the log form and the edit form.
 */
function WhenFields({
  isTask,
  d,
  set,
  err,
  directory,
  keepAssignee,
}: {
  isTask: boolean;
  d: { due: string; assignee: string; occurred: string };
  set: (k: 'due' | 'assignee' | 'occurred', v: string) => void;
  err: unknown;
  directory: Directory;
  keepAssignee?: string | null;
}) {
  const { t } = useTranslation();
  return isTask ? (
    <>
      <TextField
        label={t('timeline.due')}
        name="due_at"
        type="datetime-local"
        value={d.due}
        error={fieldError(err, 'due_at')}
        onChange={(e) => set('due', e.target.value)}
      />
      <SelectField
        label={t('timeline.assignee')}
        name="assignee_user_id"
        value={d.assignee}
        error={fieldError(err, 'assignee_user_id')}
        onChange={(e) => set('assignee', e.target.value)}
        options={[
          { value: '', label: t('timeline.nobody') },
          ...directory.users
            .filter((u) => u.active || u.id === keepAssignee)
            .sort((a, b) => a.display_name.localeCompare(b.display_name))
            .map((u) => ({ value: u.id, label: u.display_name })),
        ]}
      />
    </>
  ) : (
    <TextField
      label={t('timeline.when')}
      name="occurred_at"
      type="datetime-local"
      value={d.occurred}
      error={fieldError(err, 'occurred_at')}
      onChange={(e) => set('occurred', e.target.value)}
    />
  );
}

function TimelineItem({
  item,
  directory,
  canEdit,
  about,
  onDelete,
}: {
  item: Interaction;
  directory: Directory;
  canEdit: boolean;
  about: ReactNode;
  onDelete: (item: Interaction) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const update = useUpdateInteraction();
  const [editing, setEditing] = useState(false);
  // Ticked at once; the server's answer (and the refreshed timeline) then confirms it.
  const [ticked, setTicked] = useState<boolean | null>(null);
  const done = ticked ?? !!item.completed_at;
  const overdue = item.kind === 'task' && !done && item.due_at !== null && item.due_at < Date.now();
  const title = item.subject || t(`timeline.kinds.${item.kind}`);
  const checkId = `done-${item.id}`;
  return (
    <li className={`timeline-item kind-${item.kind} ${done ? 'is-done' : ''}`}>
      <span className="timeline-icon" aria-hidden="true">
        <Icon name={KIND_ICONS[item.kind]} size={18} />
      </span>
      <article className="timeline-body" aria-labelledby={`ti-${item.id}`}>
        <header className="timeline-head">
          <h3 id={`ti-${item.id}`} className="timeline-title">
            <span className="timeline-kind">{t(`timeline.kinds.${item.kind}`)}</span>
            {item.subject ? <span>{item.subject}</span> : null}
          </h3>
          <p className="timeline-meta muted small">
            <time dateTime={new Date(item.occurred_at).toISOString()} title={fmt.relative(item.occurred_at)}>
              {fmt.dateTime(item.occurred_at)}
            </time>
            {item.created_by_user_id ? <> · {t('timeline.by', { name: directory.userName(item.created_by_user_id) })}</> : null}
            {about ? (
              <>
                {' · '}
                {t('timeline.about')} {about}
              </>
            ) : null}
          </p>
        </header>
        {item.body ? <p className="prewrap timeline-text">{item.body}</p> : null}
        <ul className="chip-list timeline-facts" aria-label={t('timeline.details')}>
          {item.channel ? (
            <li className="chip">
              <span className="visually-hidden">{t('timeline.channel')}: </span>
              {t(`timeline.channels.${item.channel}`)}
            </li>
          ) : null}
          {item.direction ? (
            <li className="chip">
              <span className="visually-hidden">{t('timeline.direction')}: </span>
              {t(`timeline.directions.${item.direction}`)}
            </li>
          ) : null}
          {item.relationship_type ? (
            <li className="chip chip-relationship">
              <span className="visually-hidden">{t('timeline.relationshipType')}: </span>
              {t(`timeline.relationships.${item.relationship_type}`)}
            </li>
          ) : null}
          {item.minutes_spent > 0 ? (
            <li className="chip">
              <span className="visually-hidden">{t('timeline.minutes')}: </span>
              {fmt.minutes(item.minutes_spent)}
            </li>
          ) : null}
        </ul>
        {item.kind === 'task' ? (
          <div className="task-line">
            {item.due_at !== null ? (
              <span className={overdue ? 'badge badge-off' : 'badge badge-quiet'}>
                {overdue
                  ? t('timeline.overdue', { date: fmt.dateTime(item.due_at) })
                  : t('timeline.dueOn', { date: fmt.dateTime(item.due_at) })}
              </span>
            ) : null}
            {item.assignee_user_id ? (
              <span className="small muted">{t('timeline.assignedTo', { name: directory.userName(item.assignee_user_id) })}</span>
            ) : null}
            <span className="task-done">
              <input
                id={checkId}
                type="checkbox"
                checked={done}
                disabled={!canEdit || update.isPending}
                onChange={(e) => {
                  const completed = e.target.checked;
                  setTicked(completed);
                  update.mutate(
                    { id: item.id, changes: { completed } },
                    { onError: () => setTicked(null), onSuccess: () => setTicked(null) },
                  );
                }}
              />
              <label htmlFor={checkId}>
                {t('timeline.done')}
                <span className="visually-hidden">: {title}</span>
              </label>
              {done && item.completed_at ? (
                <span className="small muted">{t('timeline.completedOn', { date: fmt.dateTime(item.completed_at) })}</span>
              ) : null}
            </span>
          </div>
        ) : null}
        {update.isError ? <ProblemAlert error={update.error} /> : null}
        {editing ? <EditInteractionForm item={item} directory={directory} onDone={() => setEditing(false)} /> : null}
        {canEdit && !editing ? (
          <div className="timeline-actions">
            <button type="button" className="button button-small button-quiet" onClick={() => setEditing(true)}>
              <Icon name="edit" size={16} />
              {t('timeline.edit')}
              <span className="visually-hidden">: {title}</span>
            </button>
            <button type="button" className="button button-small button-quiet" onClick={() => onDelete(item)}>
              <Icon name="trash" size={16} />
              {t('timeline.delete')}
              <span className="visually-hidden">: {title}</span>
            </button>
          </div>
        ) : null}
      </article>
    </li>
  );
}

/** The PATCH body of an edit: only what changed (the server audits each change). */
export function editChanges(
  item: Interaction,
  d: Pick<DraftState, 'subject' | 'body' | 'occurred' | 'due' | 'assignee'>,
): InteractionWrite {
  const changes: InteractionWrite = {};
  if (d.subject.trim() !== item.subject) changes.subject = d.subject.trim();
  if (d.body !== item.body) changes.body = d.body;
  if (item.kind === 'task') {
    const due = fromLocalInput(d.due);
    if (due !== (item.due_at === null ? null : fromLocalInput(toLocalInput(item.due_at)))) changes.due_at = due;
    const assignee = d.assignee || null;
    if (assignee !== item.assignee_user_id) changes.assignee_user_id = assignee;
  } else {
    const occurred = fromLocalInput(d.occurred);
    if (occurred !== null && occurred !== fromLocalInput(toLocalInput(item.occurred_at))) changes.occurred_at = occurred;
  }
  return changes;
}

function EditInteractionForm({ item, directory, onDone }: { item: Interaction; directory: Directory; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateInteraction();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, update.error);
  const [d, setD] = useState(() => ({
    subject: item.subject,
    body: item.body,
    occurred: toLocalInput(item.occurred_at),
    due: item.due_at === null ? '' : toLocalInput(item.due_at),
    assignee: item.assignee_user_id ?? '',
  }));
  const set = (k: keyof typeof d, v: string) => setD((s) => ({ ...s, [k]: v }));
  const err = update.error;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const changes = editChanges(item, d);
    if (Object.keys(changes).length === 0) return onDone();
    update.mutate({ id: item.id, changes }, { onSuccess: onDone });
  };
  return (
    <form
      ref={formRef}
      className="interaction-form task-edit-form"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('timeline.editTitle')}
    >
      {err ? <ProblemAlert error={err} fields={['subject', 'body', 'occurred_at', 'due_at', 'assignee_user_id']} /> : null}
      <TextField
        label={item.kind === 'task' ? t('timeline.taskSubject') : t('timeline.subject')}
        name="subject"
        value={d.subject}
        error={fieldError(err, 'subject')}
        onChange={(e) => set('subject', e.target.value)}
      />
      <TextAreaField
        label={item.kind === 'note' ? t('timeline.note') : t('timeline.body')}
        name="body"
        rows={3}
        value={d.body}
        error={fieldError(err, 'body')}
        onChange={(e) => set('body', e.target.value)}
      />
      <div className="form-grid">
        <WhenFields
          isTask={item.kind === 'task'}
          d={d}
          set={set}
          err={err}
          directory={directory}
          keepAssignee={item.assignee_user_id}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={update.isPending}>
          {update.isPending ? t('common.saving') : t('timeline.saveEdit')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
