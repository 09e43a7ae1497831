// The number of unanswered conversations beside the Inbox entry of the navigation (nothing
// when there are none).
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { useCounts } from './api';

export function InboxNavBadge() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const counts = useCounts('', true);
  const n = counts.data?.unanswered ?? 0;
  if (!n) return null;
  return (
    <span className="nav-badge" aria-label={t('servicedesk.unansweredCount', fmt.count(n))}>
      {n >= 100 ? '99+' : n}
    </span>
  );
}
