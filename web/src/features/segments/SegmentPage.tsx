// One segment: what it is, its live member count, the daily membership figures, exports, and
// its members (the virtualised table of the lists). Static segments add members by searching
// and remove them row by row.
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { atLeast } from '../../auth/permissions';
import { useSession } from '../../auth/session';
import { useFormat } from '../../i18n/format';
import { FlashAlert, Loading, ProblemAlert } from '../../ui/Alert';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Icon } from '../../ui/icons';
import { PageHeader } from '../../ui/Page';
import { LoadMoreButton } from '../../ui/PagedTable';
import { LoadSegment } from './LoadSegment';
import { TextField } from '../../ui/fields';
import { useDirectory } from '../customers/lookups';
import { ColumnChooser } from '../customers/ColumnChooser';
import { RecordTable, listName, useRecordColumns } from '../customers/RecordTable';
import { useDebounced } from '../filters/api';
import { useSearch } from '../search/api';
import {
  exportUrl,
  useAddMembers,
  useDeleteSegment,
  useRemoveMember,
  useSegmentHistory,
  useSegmentMembers,
  useTakeSnapshot,
  type Segment,
} from './api';

export function SegmentPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  return (
    <LoadSegment id={id} title={t('segments.oneTitle')}>
      {(segment) => <SegmentView segment={segment} />}
    </LoadSegment>
  );
}

function SegmentView({ segment }: { segment: Segment }) {
  const { t } = useTranslation();
  const me = useSession();
  const fmt = useFormat();
  const navigate = useNavigate();
  const directory = useDirectory();
  const entity = segment.entity_type;
  const members = useSegmentMembers(segment.id);
  const view = useRecordColumns(entity);
  const remove = useDeleteSegment(segment.id);
  const removeMember = useRemoveMember(segment.id);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [note, setNote] = useState('');
  const isOwner = !!me.user && segment.owner_user_id === me.user.id;
  const canManage = atLeast(me.role, 'manager') || (isOwner && atLeast(me.role, 'member'));
  const isStatic = segment.type === 'static';

  return (
    <section>
      <nav className="breadcrumb" aria-label={t('customers.breadcrumb')}>
        <Link to="/segments">{t('segments.title')}</Link>
      </nav>
      <PageHeader
        title={segment.name}
        description={segment.description || undefined}
        actions={
          <>
            <a className="button" href={exportUrl(segment.id, 'csv')} download>
              <Icon name="download" size={18} />
              {t('segments.exportCsv')}
            </a>
            <a className="button" href={exportUrl(segment.id, 'json')} download>
              <Icon name="download" size={18} />
              {t('segments.exportJson')}
            </a>
            {canManage ? (
              <Link to={`/segments/${encodeURIComponent(segment.id)}/edit`} className="button button-primary">
                <Icon name="edit" size={18} />
                {t('common.edit')}
              </Link>
            ) : null}
          </>
        }
      />
      <FlashAlert />
      <dl className="facts segment-facts">
        <div className="fact-row">
          <dt>{t('segments.members')}</dt>
          <dd>
            <strong className="segment-count" data-count={segment.member_count ?? ''}>
              {fmt.number(segment.member_count ?? 0)}
            </strong>
          </dd>
        </div>
        <div className="fact-row">
          <dt>{t('segments.kind')}</dt>
          <dd>{t(`segments.kinds.${segment.kind}`)}</dd>
        </div>
        <div className="fact-row">
          <dt>{t('segments.holds')}</dt>
          <dd>
            {t(`segments.entities.${entity}`)} · {t(`segments.types.${segment.type}`)}
          </dd>
        </div>
        <div className="fact-row">
          <dt>{t('segments.owner')}</dt>
          <dd>{directory.userName(segment.owner_user_id) || t('customers.noOwner')}</dd>
        </div>
      </dl>
      <History segment={segment} />
      {isStatic && canManage ? <AddMembers segment={segment} onAdded={setNote} /> : null}
      <div className="card-header segment-members-header">
        <h2 className="section-title">{t('segments.membersTitle')}</h2>
        <ColumnChooser
          available={view.available}
          columns={view.columns}
          labelOf={view.labelOf}
          onChange={view.setColumns}
          onReset={view.reset}
        />
      </div>
      <div className="list-status muted small" role="status" aria-live="polite">
        {note ||
          (members.isSuccess
            ? members.hasNextPage
              ? t('customers.loadedMore', { n: fmt.number(members.items.length) })
              : t('customers.loadedAll', { n: fmt.number(members.items.length) })
            : '')}
      </div>
      {removeMember.isError ? <ProblemAlert error={removeMember.error} /> : null}
      {members.isPending ? <Loading /> : null}
      {members.isError && !members.isFetchNextPageError ? <ProblemAlert error={members.error} /> : null}
      {members.isSuccess && members.items.length === 0 ? <p>{t('segments.noMembers')}</p> : null}
      {members.items.length > 0 ? (
        <RecordTable
          entity={entity}
          list={members}
          view={view}
          title={t('segments.membersTitle')}
          actionsLabel={t('common.actions')}
          rowActions={
            isStatic && canManage
              ? (record) => (
                  <button
                    type="button"
                    className="button button-small"
                    disabled={removeMember.isPending}
                    onClick={() =>
                      removeMember.mutate(record.id, {
                        onSuccess: () => setNote(t('segments.memberRemoved', { name: listName(record) })),
                      })
                    }
                  >
                    {t('segments.removeMember')}
                    <span className="visually-hidden"> {listName(record)}</span>
                  </button>
                )
              : undefined
          }
        />
      ) : null}
      {members.isFetchNextPageError ? <ProblemAlert error={members.error} /> : null}
      <LoadMoreButton list={members} />
      {canManage ? (
        <div className="form-actions danger-zone">
          <button type="button" className="button button-danger" onClick={() => setConfirmDelete(true)}>
            {t('segments.delete')}
          </button>
          {remove.isError ? <ProblemAlert error={remove.error} /> : null}
        </div>
      ) : null}
      <ConfirmDialog
        open={confirmDelete}
        title={t('segments.deleteTitle', { name: segment.name })}
        confirmLabel={t('segments.delete')}
        danger
        busy={remove.isPending}
        onCancel={() => setConfirmDelete(false)}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => navigate('/segments', { state: { flash: t('segments.deletedFlash', { name: segment.name }) } }),
            onSettled: () => setConfirmDelete(false),
          })
        }
      >
        <p>{t('segments.deleteBody')}</p>
      </ConfirmDialog>
    </section>
  );
}

/** The daily snapshots (membership over time), as bars and as a table for screen readers. */
function History({ segment }: { segment: Segment }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const history = useSegmentHistory(segment.id);
  const snapshot = useTakeSnapshot(segment.id);
  const items = history.data ?? [];
  const recent = items.slice(-30);
  const max = Math.max(1, ...recent.map((s) => s.member_count));
  return (
    <section className="card segment-history" aria-labelledby="segment-history-title">
      <div className="card-header">
        <h2 id="segment-history-title">{t('segments.historyTitle')}</h2>
        <button type="button" className="button button-small" disabled={snapshot.isPending} onClick={() => snapshot.mutate()}>
          {t('segments.takeSnapshot')}
        </button>
      </div>
      <p className="muted small">{t('segments.historyHint')}</p>
      {snapshot.isError ? <ProblemAlert error={snapshot.error} /> : null}
      {history.isPending ? <Loading /> : null}
      {history.isError ? <ProblemAlert error={history.error} /> : null}
      {history.isSuccess && items.length === 0 ? <p>{t('segments.noHistory')}</p> : null}
      {recent.length > 0 ? (
        <>
          <div className="history-bars" aria-hidden="true">
            {recent.map((s) => (
              <span
                key={s.day}
                className="history-bar"
                style={{ height: `${Math.max(4, (s.member_count / max) * 100)}%` }}
                title={`${s.day}: ${fmt.number(s.member_count)}`}
              />
            ))}
          </div>
          <details className="disclosure">
            <summary>{t('segments.historyTable', { n: fmt.number(items.length) })}</summary>
            <table className="table">
              <caption className="visually-hidden">{t('segments.historyTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('segments.day')}</th>
                  <th scope="col">{t('segments.members')}</th>
                </tr>
              </thead>
              <tbody>
                {[...items].reverse().map((s) => (
                  <tr key={s.day}>
                    <th scope="row">{fmt.isoDate(s.day)}</th>
                    <td>{fmt.number(s.member_count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      ) : null}
    </section>
  );
}

/** Static segments: find records by name, email… and add them. */
function AddMembers({ segment, onAdded }: { segment: Segment; onAdded: (note: string) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const query = useDebounced(q, 250);
  const search = useSearch(query, 20);
  const add = useAddMembers(segment.id);
  const want = segment.entity_type === 'company' ? 'companies' : 'people';
  const hits = search.data?.groups[want] ?? [];
  return (
    <section className="card add-members" aria-labelledby="add-members-title">
      <h2 id="add-members-title" className="section-title">
        {t('segments.addMembers')}
      </h2>
      <TextField
        label={t(segment.entity_type === 'company' ? 'segments.findCompanies' : 'segments.findPeople')}
        type="search"
        name="member-search"
        value={q}
        autoComplete="off"
        onChange={(e) => setQ(e.target.value)}
      />
      {add.isError ? <ProblemAlert error={add.error} /> : null}
      {search.isError ? <ProblemAlert error={search.error} /> : null}
      {query.trim() && search.isSuccess && hits.length === 0 ? <p className="muted">{t('search.nothing')}</p> : null}
      {hits.length > 0 ? (
        <ul className="link-list add-members-list">
          {hits.map((h) => (
            <li key={h.id}>
              <span>
                {h.title}
                {h.detail ? <span className="muted small"> · {h.detail}</span> : null}
              </span>
              <button
                type="button"
                className="button button-small"
                disabled={add.isPending}
                onClick={() =>
                  add.mutate([h.id], {
                    onSuccess: (r) =>
                      onAdded(
                        r.added > 0
                          ? t('segments.memberAdded', { name: h.title })
                          : t('segments.alreadyMember', { name: h.title }),
                      ),
                  })
                }
              >
                {t('segments.addMember')}
                <span className="visually-hidden"> {h.title}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
