// One conversation: its thread, the reply and note editors and "no reply needed" below it; beside
// it the controls (status, priority, topic, team, assignee, tags), the customer panel, and merge
// into another conversation. A message can be split off into a new conversation.
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Loading, ProblemAlert } from '../../ui/Alert';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { TextField } from '../../ui/fields';
import { PageHeader } from '../../ui/Page';
import { useConversation, useMerge, useSplit } from './api';
import { PriorityChip, SlaBadge, StatusChip, useNow, WaitingAge } from './Chips';
import { ConversationControls } from './ConversationControls';
import { CustomerPanel } from './CustomerPanel';
import { useConversationEvents } from './events';
import { customerName } from './InboxPage';
import { MessageView } from './MessageView';
import { NoReplyForm, NoteEditor } from './NoteEditor';
import { ReplyEditor } from './ReplyEditor';
import type { Conversation, Message } from './types';
import './servicedesk.css';

type Pane = 'reply' | 'note' | 'noReply';

export function ConversationPage() {
  const { t } = useTranslation();
  const { conversationId = '' } = useParams();
  const conversation = useConversation(conversationId);
  useConversationEvents();
  if (conversation.isPending) return <Loading />;
  if (conversation.isError) return <ProblemAlert error={conversation.error} />;
  const c = conversation.data;
  return (
    <section className="sd-conversation">
      <p className="breadcrumb">
        <Link to="/inbox">{t('servicedesk.inbox.title')}</Link>
      </p>
      <ConversationView key={c.id} c={c} />
    </section>
  );
}

function ConversationView({ c }: { c: Conversation }) {
  const { t } = useTranslation();
  const now = useNow();
  const navigate = useNavigate();
  const [pane, setPane] = useState<Pane>('reply');
  const split = useSplit(c.id);
  const [splitting, setSplitting] = useState<Message | null>(null);
  return (
    <>
      <PageHeader
        title={`#${c.number} ${c.subject || t('servicedesk.noSubject')}`}
        description={
          <span className="sd-header-marks">
            {customerName(c, t('servicedesk.unknownCustomer'))} <StatusChip status={c.status} />{' '}
            <PriorityChip priority={c.priority} /> <SlaBadge c={c} /> <WaitingAge since={c.awaiting_since} now={now} />
          </span>
        }
      />
      {c.merged_into_id ? (
        <Alert tone="info">
          {t('servicedesk.merge.mergedInto')}{' '}
          <Link to={`/inbox/${encodeURIComponent(c.merged_into_id)}`}>{t('servicedesk.merge.openTarget')}</Link>
        </Alert>
      ) : null}
      <div className="record-layout sd-conversation-layout">
        <div className="record-main">
          <section className="sd-thread" aria-label={t('servicedesk.thread.title')}>
            {c.messages.map((m, i) => (
              <MessageView
                key={m.id}
                conversationId={c.id}
                message={m}
                canSplit={i > 0 && m.kind === 'inbound'}
                onSplit={setSplitting}
              />
            ))}
          </section>
          {split.isError ? <ProblemAlert error={split.error} /> : null}
          <section className="card sd-actions">
            <div className="tabs" role="tablist" aria-label={t('servicedesk.actions')}>
              {(['reply', 'note', 'noReply'] as const).map((p) => (
                <button
                  key={p}
                  type="button"
                  role="tab"
                  aria-selected={pane === p}
                  className={`button button-small ${pane === p ? 'is-active' : ''}`}
                  onClick={() => setPane(p)}
                >
                  {t(`servicedesk.panes.${p}`)}
                </button>
              ))}
            </div>
            {/* Kept mounted, so switching tabs keeps what was typed. */}
            <div hidden={pane !== 'reply'}>
              <ReplyEditor conversation={c} />
            </div>
            <div hidden={pane !== 'note'}>
              <NoteEditor conversationId={c.id} />
            </div>
            <div hidden={pane !== 'noReply'}>
              <NoReplyForm conversationId={c.id} />
            </div>
          </section>
        </div>
        <aside className="record-side sd-side">
          <ConversationControls conversation={c} />
          <CustomerPanel conversation={c} />
          <MergeForm c={c} />
        </aside>
      </div>
      <ConfirmDialog
        open={splitting !== null}
        title={t('servicedesk.split.title')}
        confirmLabel={t('servicedesk.split.confirm')}
        busy={split.isPending}
        onCancel={() => setSplitting(null)}
        onConfirm={() => {
          if (!splitting) return;
          split.mutate(splitting.id, {
            onSuccess: (created) => {
              setSplitting(null);
              void navigate(`/inbox/${encodeURIComponent(created.id)}`);
            },
            onError: () => setSplitting(null),
          });
        }}
      >
        <p>{t('servicedesk.split.body', { from: splitting?.from_name ?? '' })}</p>
      </ConfirmDialog>
    </>
  );
}

function MergeForm({ c }: { c: Conversation }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const merge = useMerge(c.id);
  const [into, setInto] = useState('');
  const [confirming, setConfirming] = useState(false);
  return (
    <section className="card sd-merge" aria-labelledby="sd-merge-title">
      <h2 id="sd-merge-title" className="section-title">
        {t('servicedesk.merge.title')}
      </h2>
      <form
        className="form-inline"
        onSubmit={(e) => {
          e.preventDefault();
          if (into.trim()) setConfirming(true);
        }}
      >
        <TextField
          label={t('servicedesk.merge.into')}
          hint={t('servicedesk.merge.hint')}
          name="into_id"
          value={into}
          onChange={(e) => setInto(e.target.value)}
        />
        <button type="submit" className="button button-small" disabled={!into.trim() || merge.isPending}>
          {t('servicedesk.merge.action')}
        </button>
      </form>
      {merge.isError ? <ProblemAlert error={merge.error} /> : null}
      <ConfirmDialog
        open={confirming}
        title={t('servicedesk.merge.confirmTitle', { number: c.number })}
        confirmLabel={t('servicedesk.merge.action')}
        busy={merge.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          merge.mutate(into.trim().replace(/^#/, ''), {
            onSuccess: (target) => {
              setConfirming(false);
              void navigate(`/inbox/${encodeURIComponent(target.id)}`);
            },
            onError: () => setConfirming(false),
          })
        }
      >
        <p>{t('servicedesk.merge.confirmBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
