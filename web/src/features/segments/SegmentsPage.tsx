// Every segment of the workspace: name, kind (B2B, B2C, mixed), what it holds, and its
// member count (asked per segment: the list itself carries none).
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { atLeast } from '../../auth/permissions';
import { useSession } from '../../auth/session';
import { useFormat } from '../../i18n/format';
import { FlashAlert } from '../../ui/Alert';
import { Icon } from '../../ui/icons';
import { PageHeader } from '../../ui/Page';
import { PagedTable } from '../../ui/PagedTable';
import { useSegmentCount, useSegmentsList, type Segment } from './api';

function MemberCount({ segment }: { segment: Segment }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const count = useSegmentCount(segment.id);
  if (count.isPending) return <span className="muted">{t('common.loading')}</span>;
  if (count.isError)
    return (
      <span className="muted" title={String(count.error.message)}>
        —
      </span>
    );
  return <span data-count={count.data}>{fmt.number(count.data)}</span>;
}

export function SegmentsPage() {
  const { t } = useTranslation();
  const me = useSession();
  const fmt = useFormat();
  const segments = useSegmentsList();
  const canCreate = atLeast(me.role, 'member');
  return (
    <section>
      <PageHeader
        title={t('segments.title')}
        description={t('segments.description')}
        actions={
          canCreate ? (
            <Link to="/segments/new" className="button button-primary">
              <Icon name="plus" size={18} />
              {t('segments.new')}
            </Link>
          ) : null
        }
      />
      <FlashAlert />
      <PagedTable
        list={segments}
        caption={t('segments.title')}
        columns={[t('segments.name'), t('segments.kind'), t('segments.holds'), t('segments.members'), t('segments.updated')]}
        empty={<p>{t('segments.empty')}</p>}
      >
        {segments.items.map((s) => (
          <tr key={s.id}>
            <th scope="row" data-label={t('segments.name')}>
              <Link to={`/segments/${encodeURIComponent(s.id)}`}>{s.name}</Link>
              {s.description ? <span className="cell-note">{s.description}</span> : null}
            </th>
            <td data-label={t('segments.kind')}>
              <span className="badge badge-quiet">{t(`segments.kinds.${s.kind}`)}</span>
            </td>
            <td data-label={t('segments.holds')}>
              {t(`segments.entities.${s.entity_type}`)} · {t(`segments.types.${s.type}`)}
            </td>
            <td data-label={t('segments.members')}>
              <MemberCount segment={s} />
            </td>
            <td data-label={t('segments.updated')} className="nowrap">
              {fmt.date(s.updated_at)}
            </td>
          </tr>
        ))}
      </PagedTable>
    </section>
  );
}
