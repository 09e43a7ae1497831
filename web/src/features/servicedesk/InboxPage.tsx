// The shared inbox: the views (unanswered first, with their counts) beside the conversations of
// the chosen one, for one team or all; rows show the customer, subject, preview, status,
// priority, SLA state and how long the customer has waited. It refreshes by itself when the
// server announces a change (events.ts).
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { Loading, ProblemAlert } from '../../ui/Alert';
import { SelectField } from '../../ui/fields';
import { PageHeader } from '../../ui/Page';
import { LoadMoreButton } from '../../ui/PagedTable';
import { useAllTeams } from '../teams/api';
import { useConversationList, useCounts } from './api';
import { PriorityChip, SlaBadge, StatusChip, useNow, WaitingAge } from './Chips';
import { useConversationEvents } from './events';
import { COUNTED_VIEWS, VIEWS, type ConversationSummary, type CountedView, type View } from './types';
import './servicedesk.css';

function isView(v: string | null): v is View {
  return !!v && (VIEWS as readonly string[]).includes(v);
}

export function InboxPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [params, setParams] = useSearchParams();
  const view: View = isView(params.get('view')) ? (params.get('view') as View) : 'unanswered';
  const team = params.get('team') ?? '';
  const teams = useAllTeams();
  const counts = useCounts(team);
  const list = useConversationList(view, team);
  const now = useNow();
  useConversationEvents();

  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  return (
    <section className="sd-inbox">
      <PageHeader title={t('servicedesk.inbox.title')} description={t('servicedesk.inbox.subtitle')} />
      <div className="sd-inbox-layout">
        <nav className="sd-views" aria-label={t('servicedesk.inbox.views')}>
          <ul>
            {VIEWS.map((v) => {
              const n = (COUNTED_VIEWS as readonly string[]).includes(v) ? counts.data?.[v as CountedView] : undefined;
              return (
                <li key={v}>
                  <button
                    type="button"
                    className={`sd-view ${v === 'unanswered' ? 'sd-view-main' : ''} ${view === v ? 'is-current' : ''}`}
                    aria-current={view === v ? 'page' : undefined}
                    onClick={() => set({ view: v })}
                  >
                    <span>{t(`servicedesk.views.${v}`)}</span>
                    {n !== undefined ? (
                      <span className={`sd-count ${v === 'unanswered' && n > 0 ? 'sd-count-alert' : ''}`}>
                        {n > 1000 ? `${fmt.number(1000)}+` : fmt.number(n)}
                      </span>
                    ) : null}
                  </button>
                </li>
              );
            })}
          </ul>
          <SelectField
            label={t('servicedesk.inbox.team')}
            name="team"
            value={team}
            onChange={(e) => set({ team: e.target.value })}
            options={[
              { value: '', label: t('servicedesk.inbox.allTeams') },
              ...(teams.data ?? []).map((x) => ({ value: x.id, label: x.name })),
            ]}
          />
        </nav>
        <div className="sd-list" aria-live="polite">
          <h2 className="section-title">{t(`servicedesk.views.${view}`)}</h2>
          {list.isPending ? <Loading /> : null}
          {list.isError ? <ProblemAlert error={list.error} /> : null}
          {list.isSuccess && list.items.length === 0 ? (
            <p className={view === 'unanswered' ? 'sd-empty sd-empty-good' : 'sd-empty muted'}>
              {t(`servicedesk.empty.${view}`)}
            </p>
          ) : null}
          {list.items.length > 0 ? (
            <ul className="sd-rows">
              {list.items.map((c) => (
                <ConversationRow key={c.id} c={c} now={now} />
              ))}
            </ul>
          ) : null}
          <LoadMoreButton list={list} label={t('servicedesk.inbox.more')} />
        </div>
      </div>
    </section>
  );
}

/** Who wrote: the person's name, else their address, else "unknown customer". */
export function customerName(c: Pick<ConversationSummary, 'person'>, unknown: string): string {
  return c.person?.name || c.person?.email || unknown;
}

function ConversationRow({ c, now }: { c: ConversationSummary; now: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <li className={`sd-row ${c.sla_state === 'breached' ? 'is-breached' : ''}`}>
      <Link to={`/inbox/${encodeURIComponent(c.id)}`} className="sd-row-link">
        <span className="sd-row-head">
          <span className="sd-customer">
            {customerName(c, t('servicedesk.unknownCustomer'))}
            {c.company ? <span className="muted"> · {c.company.name}</span> : null}
          </span>
          <span className="sd-row-time muted">{fmt.dateTime(c.last_message_at)}</span>
        </span>
        <span className="sd-subject">
          <span className="muted">#{c.number}</span> {c.subject || t('servicedesk.noSubject')}
        </span>
        <span className="sd-preview muted">{c.preview}</span>
        <span className="sd-row-marks">
          <StatusChip status={c.status} />
          <PriorityChip priority={c.priority} />
          <SlaBadge c={c} />
          <span className="badge badge-quiet">{t(`servicedesk.channels.${channelKey(c.channel)}`, { channel: c.channel })}</span>
          <WaitingAge since={c.awaiting_since} now={now} />
          <span className="sd-assignee muted">{c.assignee_name ?? t('servicedesk.unassigned')}</span>
        </span>
      </Link>
    </li>
  );
}

const KNOWN_CHANNELS = ['email', 'web_form', 'whatsapp', 'api', 'chat'];
/** A channel with its own translation, or "other" (which shows the channel's name as it is). */
export function channelKey(channel: string): string {
  return KNOWN_CHANNELS.includes(channel) ? channel : 'other';
}
