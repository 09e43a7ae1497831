// The reply editor: the text (with a canned reply to start from), copies, the minutes spent
// (measured while the editor is in use, editable), the status after sending. While the agent
// types it tells the server every 20 s, so others see "Ana is replying…". When someone else
// answered or wrote meanwhile, the server refuses (409 reply-collision): the editor shows what
// came and lets the agent send anyway.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useSession } from '../../auth/session';
import { Alert, ProblemAlert } from '../../ui/Alert';
import { SelectField, TextAreaField, TextField } from '../../ui/fields';
import { conversationKey, fetchCannedText, pingReplying, REPLYING_PING_MS, useCannedReplies, useSendReply } from './api';
import { collisionAuthors, isReplyCollision, lastAnswerable, messagesAfter } from './collision';
import { useActiveMinutes } from './useActiveMinutes';
import type { Conversation, Message, StatusAfter } from './types';

export function ReplyEditor({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const me = useSession();
  const send = useSendReply(conversation.id);
  const canned = useCannedReplies();
  const minutes = useActiveMinutes();
  const [text, setText] = useState('');
  const [cc, setCc] = useState('');
  const [statusAfter, setStatusAfter] = useState<'' | 'pending' | 'resolved'>('pending');
  const [cannedError, setCannedError] = useState<unknown>(null);
  const [sent, setSent] = useState(false);
  // The message the agent was answering when they started, and what came after it (on collision).
  const [answering, setAnswering] = useState<string | null>(null);
  const [meanwhile, setMeanwhile] = useState<Message[] | null>(null);
  const afterId = answering ?? lastAnswerable(conversation.messages)?.id ?? '';

  // "I am replying": at once when the agent starts, then every 20 s while they keep at it.
  const typing = text.trim().length > 0;
  const { lastActivity } = minutes;
  useEffect(() => {
    if (!typing) return;
    const ping = () => {
      const last = lastActivity();
      if (last !== null && Date.now() - last < REPLYING_PING_MS * 2) void pingReplying(conversation.id).catch(() => undefined);
    };
    ping();
    const timer = setInterval(ping, REPLYING_PING_MS);
    return () => clearInterval(timer);
  }, [typing, conversation.id, lastActivity]);

  const submit = (force: boolean) => {
    const ccList = cc
      .split(/[,;\s]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    send.mutate(
      {
        text,
        cc: ccList.length ? ccList : undefined,
        after_message_id: afterId,
        minutes_spent: minutes.minutes,
        status_after: (statusAfter || null) as StatusAfter,
        force: force || undefined,
      },
      {
        onSuccess: () => {
          setText('');
          setCc('');
          setAnswering(null);
          setMeanwhile(null);
          minutes.reset();
          setSent(true);
        },
        onError: async (e) => {
          if (!isReplyCollision(e)) return;
          const fresh = await qc.fetchQuery({
            queryKey: conversationKey(conversation.id),
            queryFn: () => api.get<Conversation>(`/conversations/${encodeURIComponent(conversation.id)}`),
            staleTime: 0,
          });
          setMeanwhile(messagesAfter(fresh.messages, afterId));
        },
      },
    );
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    setSent(false);
    submit(false);
  };

  const pickCanned = async (id: string) => {
    if (!id) return;
    setCannedError(null);
    try {
      const filled = await fetchCannedText(conversation.id, id);
      setText((old) => (old.trim() ? `${old.replace(/\s+$/, '')}\n\n${filled}` : filled));
      if (answering === null) setAnswering(afterId);
      minutes.touch();
    } catch (err) {
      setCannedError(err);
    }
  };

  const others = conversation.replying.filter((o) => o.user_id !== me.user?.id);
  const collision = meanwhile !== null;
  return (
    <form className="sd-editor sd-reply-editor" onSubmit={onSubmit} aria-label={t('servicedesk.reply.title')}>
      {others.length > 0 ? (
        <p className="sd-replying" role="status">
          {t('servicedesk.reply.othersReplying', { count: others.length, names: others.map((o) => o.name).join(', ') })}
        </p>
      ) : null}
      {(canned.data ?? []).length > 0 ? (
        <SelectField
          label={t('servicedesk.reply.canned')}
          name="canned"
          value=""
          onChange={(e) => void pickCanned(e.target.value)}
          options={[
            { value: '', label: t('servicedesk.reply.cannedPick') },
            ...(canned.data ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.language})` })),
          ]}
        />
      ) : null}
      {cannedError ? <ProblemAlert error={cannedError} /> : null}
      <TextAreaField
        label={t('servicedesk.reply.text')}
        name="reply"
        rows={8}
        value={text}
        onFocus={minutes.touch}
        onChange={(e) => {
          setText(e.target.value);
          // What the agent answers is what they saw when they started writing: a message that
          // comes in meanwhile is then reported by the server instead of silently answered.
          if (answering === null && e.target.value.trim()) setAnswering(afterId);
          minutes.touch();
        }}
      />
      <div className="form-grid sd-editor-options">
        <TextField
          label={t('servicedesk.reply.cc')}
          name="cc"
          value={cc}
          hint={t('servicedesk.reply.ccHint')}
          onChange={(e) => setCc(e.target.value)}
        />
        <TextField
          label={t('servicedesk.minutes')}
          name="minutes_spent"
          type="number"
          min={0}
          inputMode="numeric"
          value={minutes.value}
          onChange={(e) => minutes.setTyped(e.target.value)}
        />
        <SelectField
          label={t('servicedesk.reply.statusAfter')}
          name="status_after"
          value={statusAfter}
          onChange={(e) => setStatusAfter(e.target.value as '' | 'pending' | 'resolved')}
          options={[
            { value: 'pending', label: t('servicedesk.reply.after.pending') },
            { value: 'resolved', label: t('servicedesk.reply.after.resolved') },
            { value: '', label: t('servicedesk.reply.after.keep') },
          ]}
        />
      </div>
      {collision ? (
        <Alert tone="warning">
          <p>
            {t('servicedesk.collision.title', {
              names: collisionAuthors(meanwhile).join(', ') || t('servicedesk.collision.someone'),
            })}
          </p>
          {meanwhile.map((m) => (
            <blockquote key={m.id} className="sd-collision-message prewrap">
              <strong>{m.author_name || m.from_name}</strong>: {m.text}
            </blockquote>
          ))}
          <div className="form-actions">
            <button type="button" className="button button-primary" disabled={send.isPending} onClick={() => submit(true)}>
              {t('servicedesk.collision.sendAnyway')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setAnswering(null);
                setMeanwhile(null);
              }}
            >
              {t('servicedesk.collision.review')}
            </button>
          </div>
        </Alert>
      ) : null}
      {send.isError && !isReplyCollision(send.error) ? <ProblemAlert error={send.error} /> : null}
      {sent ? <Alert tone="success">{t('servicedesk.reply.queued')}</Alert> : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={send.isPending || !text.trim() || collision}>
          {t('servicedesk.reply.send')}
        </button>
      </div>
    </form>
  );
}
