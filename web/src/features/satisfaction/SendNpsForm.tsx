// Sends an NPS survey to a segment of people (managers and above; the server answers others
// with a problem shown here): the segment, an optional question, and how many it went to.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { ProblemAlert } from '../../ui/Alert';
import { SelectField, TextField } from '../../ui/fields';
import { useSegmentsList } from '../segments/api';
import { useSendNps } from './api';

export function SendNpsForm() {
  const { t } = useTranslation();
  const f = useFormat();
  const segments = useSegmentsList();
  const send = useSendNps();
  const people = segments.items.filter((s) => s.entity_type === 'person');
  const [segmentId, setSegmentId] = useState('');
  const [question, setQuestion] = useState('');
  const chosen = segmentId || people[0]?.id || '';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return;
    send.mutate({ segment_id: chosen, question: question.trim() || undefined });
  };
  if (people.length === 0) return null;
  return (
    <form className="form-grid" onSubmit={submit} aria-label={t('satisfaction.nps.send')}>
      <SelectField
        label={t('satisfaction.nps.segment')}
        name="segment_id"
        value={chosen}
        onChange={(e) => setSegmentId(e.target.value)}
        options={people.map((s) => ({ value: s.id, label: s.name }))}
      />
      <TextField
        label={t('satisfaction.nps.question')}
        name="question"
        value={question}
        maxLength={300}
        placeholder={t('satisfaction.nps.questionHint')}
        onChange={(e) => setQuestion(e.target.value)}
      />
      <div>
        <button type="submit" className="button" disabled={send.isPending}>
          {t('satisfaction.nps.send')}
        </button>
      </div>
      <ProblemAlert error={send.error} />
      {send.data ? (
        <p role="status">
          {t('satisfaction.nps.sent', {
            count: send.data.recipients,
            n: f.number(send.data.recipients),
          })}
        </p>
      ) : null}
    </form>
  );
}
