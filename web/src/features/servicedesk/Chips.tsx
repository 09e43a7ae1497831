// The small marks of a conversation, in the inbox rows and on its page: status, priority, the
// SLA state (warning or breached only) and how long the customer has been waiting.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { formatAge } from './age';
import type { ConversationSummary } from './types';

export function StatusChip({ status }: { status: ConversationSummary['status'] }) {
  const { t } = useTranslation();
  return <span className={`badge sd-status sd-status-${status}`}>{t(`servicedesk.status.${status}`)}</span>;
}

export function PriorityChip({ priority }: { priority: ConversationSummary['priority'] }) {
  const { t } = useTranslation();
  if (priority === 'normal') return null;
  return <span className={`badge sd-priority sd-priority-${priority}`}>{t(`servicedesk.priority.${priority}`)}</span>;
}

export function SlaBadge({ c }: { c: Pick<ConversationSummary, 'sla_state' | 'sla_due_at'> }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (c.sla_state !== 'warning' && c.sla_state !== 'breached') return null;
  const due = c.sla_due_at === null ? '' : fmt.dateTime(c.sla_due_at);
  return (
    <span className={`badge ${c.sla_state === 'breached' ? 'badge-off' : 'badge-flag'} sd-sla`} title={due}>
      {t(`servicedesk.sla.${c.sla_state}`)}
    </span>
  );
}

/** The current time, moved on every minute (for ages in words). */
export function useNow(everyMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

export function WaitingAge({ since, now }: { since: number | null; now: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (since === null) return null;
  return (
    <span className="sd-waiting" title={fmt.dateTime(since)}>
      {t('servicedesk.waitingFor', { age: formatAge(since, now, fmt.language, t('servicedesk.justNow')) })}
    </span>
  );
}
