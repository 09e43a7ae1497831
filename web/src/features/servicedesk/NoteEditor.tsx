// Internal notes (seen by colleagues only, never sent), with the minutes spent; and "no reply
// needed" with its reason, which takes the conversation off the unanswered list.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, ProblemAlert } from '../../ui/Alert';
import { TextAreaField, TextField } from '../../ui/fields';
import { useAddNote, useNoReply } from './api';
import { useActiveMinutes } from './useActiveMinutes';

export function NoteEditor({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const add = useAddNote(conversationId);
  const minutes = useActiveMinutes();
  const [text, setText] = useState('');
  const [done, setDone] = useState(false);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    setDone(false);
    add.mutate(
      { text, minutes_spent: minutes.minutes },
      {
        onSuccess: () => {
          setText('');
          minutes.reset();
          setDone(true);
        },
      },
    );
  };
  return (
    <form className="sd-editor sd-note-editor" onSubmit={onSubmit} aria-label={t('servicedesk.note.title')}>
      <TextAreaField
        label={t('servicedesk.note.text')}
        hint={t('servicedesk.note.hint')}
        name="note"
        rows={4}
        value={text}
        onFocus={minutes.touch}
        onChange={(e) => {
          setText(e.target.value);
          minutes.touch();
        }}
      />
      <div className="form-grid sd-editor-options">
        <TextField
          label={t('servicedesk.minutes')}
          name="note_minutes"
          type="number"
          min={0}
          value={minutes.value}
          onChange={(e) => minutes.setTyped(e.target.value)}
        />
      </div>
      {add.isError ? <ProblemAlert error={add.error} /> : null}
      {done ? <Alert tone="success">{t('servicedesk.note.added')}</Alert> : null}
      <div className="form-actions">
        <button type="submit" className="button" disabled={add.isPending || !text.trim()}>
          {t('servicedesk.note.add')}
        </button>
      </div>
    </form>
  );
}

export function NoReplyForm({ conversationId, onDone }: { conversationId: string; onDone?: () => void }) {
  const { t } = useTranslation();
  const noReply = useNoReply(conversationId);
  const [reason, setReason] = useState('');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    noReply.mutate(reason.trim(), { onSuccess: () => onDone?.() });
  };
  return (
    <form className="sd-editor sd-noreply" onSubmit={onSubmit} aria-label={t('servicedesk.noReply.title')}>
      <TextField
        label={t('servicedesk.noReply.reason')}
        hint={t('servicedesk.noReply.hint')}
        name="no_reply_reason"
        required
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      {noReply.isError ? <ProblemAlert error={noReply.error} fields={['reason']} /> : null}
      {noReply.isSuccess ? <Alert tone="success">{t('servicedesk.noReply.done')}</Alert> : null}
      <div className="form-actions">
        <button type="submit" className="button" disabled={noReply.isPending || !reason.trim()}>
          {t('servicedesk.noReply.action')}
        </button>
      </div>
    </form>
  );
}
