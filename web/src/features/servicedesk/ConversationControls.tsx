// Who has the conversation and how it stands: status, priority, topic, team, assignee, tags.
// Every change is a PATCH with the version read; when someone changed it meanwhile (409) the
// conversation is read again and the message says so.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';
import { ProblemAlert } from '../../ui/Alert';
import { SelectField, TextField } from '../../ui/fields';
import { useAllUsers } from '../identity/api';
import { useAllTeams } from '../teams/api';
import { usePatchConversation } from './api';
import { PRIORITIES, STATUSES, TOPICS, type Conversation, type ConversationPatch } from './types';

/** "a, b ,, c" -> ["a", "b", "c"], each once, in order. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

export function ConversationControls({ conversation: c }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const me = useSession();
  const patch = usePatchConversation(c.id);
  const teams = useAllTeams();
  const users = useAllUsers();
  const [tags, setTags] = useState<string | null>(null);
  const change = (p: Omit<ConversationPatch, 'version'>) => patch.mutate({ ...p, version: c.version });

  const userOptions = (users.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.display_name || u.email }));
  if (c.assignee_user_id && !userOptions.some((o) => o.value === c.assignee_user_id)) {
    userOptions.push({ value: c.assignee_user_id, label: c.assignee_name ?? c.assignee_user_id });
  }
  const tagsText = tags ?? c.tags.join(', ');
  return (
    <section className="card sd-controls" aria-labelledby="sd-controls-title">
      <h2 id="sd-controls-title" className="section-title">
        {t('servicedesk.controls.title')}
      </h2>
      <div className="form-grid">
        <SelectField
          label={t('servicedesk.controls.status')}
          name="status"
          value={c.status}
          disabled={patch.isPending}
          onChange={(e) => change({ status: e.target.value as ConversationPatch['status'] })}
          options={STATUSES.map((s) => ({ value: s, label: t(`servicedesk.status.${s}`) }))}
        />
        <SelectField
          label={t('servicedesk.controls.priority')}
          name="priority"
          value={c.priority}
          disabled={patch.isPending}
          onChange={(e) => change({ priority: e.target.value as ConversationPatch['priority'] })}
          options={PRIORITIES.map((p) => ({ value: p, label: t(`servicedesk.priority.${p}`) }))}
        />
        <SelectField
          label={t('servicedesk.controls.topic')}
          name="topic"
          value={c.topic ?? ''}
          disabled={patch.isPending}
          onChange={(e) => change({ topic: (e.target.value || null) as ConversationPatch['topic'] })}
          options={[
            { value: '', label: t('servicedesk.controls.noTopic') },
            ...TOPICS.map((x) => ({ value: x, label: t(`servicedesk.topic.${x}`) })),
          ]}
        />
        <SelectField
          label={t('servicedesk.controls.team')}
          name="team_id"
          value={c.team_id ?? ''}
          disabled={patch.isPending}
          onChange={(e) => change({ team_id: e.target.value || null })}
          options={[
            { value: '', label: t('servicedesk.controls.noTeam') },
            ...(teams.data ?? []).map((x) => ({ value: x.id, label: x.name })),
          ]}
        />
        <SelectField
          label={t('servicedesk.controls.assignee')}
          name="assignee_user_id"
          value={c.assignee_user_id ?? ''}
          disabled={patch.isPending}
          onChange={(e) => change({ assignee_user_id: e.target.value || null })}
          options={[{ value: '', label: t('servicedesk.unassigned') }, ...userOptions]}
        />
      </div>
      {me.user && c.assignee_user_id !== me.user.id ? (
        <button
          type="button"
          className="button button-small"
          disabled={patch.isPending}
          onClick={() => change({ assignee_user_id: me.user?.id ?? null })}
        >
          {t('servicedesk.controls.assignMe')}
        </button>
      ) : null}
      <form
        className="form-inline sd-tags"
        onSubmit={(e) => {
          e.preventDefault();
          change({ tags: parseTags(tagsText) });
          setTags(null);
        }}
      >
        <TextField
          label={t('servicedesk.controls.tags')}
          name="tags"
          value={tagsText}
          hint={t('servicedesk.controls.tagsHint')}
          onChange={(e) => setTags(e.target.value)}
        />
        <button type="submit" className="button button-small" disabled={patch.isPending || tags === null}>
          {t('servicedesk.controls.saveTags')}
        </button>
      </form>
      {patch.isError ? <ProblemAlert error={patch.error} /> : null}
    </section>
  );
}
