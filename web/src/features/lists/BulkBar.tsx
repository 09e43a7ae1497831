// The bar over a list when rows are selected: how many, "select all matching", and the bulk
// actions (tag, owner, team, static segment, export, delete), each confirmed in a dialog that
// names the count. A delete offers Undo for as long as the server keeps its snapshots.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { Alert, ProblemAlert } from '../../ui/Alert';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useDirectory } from '../customers/lookups';
import type { Entity } from '../customers/types';
import { useAddMembers, useSegmentsList } from '../segments/api';
import { EXPORT_MAX_IDS, exportUrl, runBulk, useRefreshRecords, type BulkOutcome, type Selection } from './api';

const ACTIONS = ['add_tag', 'remove_tag', 'set_owner', 'set_team', 'add_to_segment', 'export', 'delete'] as const;
type Action = (typeof ACTIONS)[number];

export function BulkBar({
  entity,
  selection,
  count,
  matching,
  canWrite,
  onSelectAllMatching,
  onClear,
}: {
  entity: Entity;
  selection: Selection;
  /** How many are selected. */
  count: number;
  /** How many the filter and quick search select (null while counting). */
  matching: number | null;
  canWrite: boolean;
  onSelectAllMatching: () => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const id = useId();
  const directory = useDirectory();
  const refresh = useRefreshRecords(entity);
  const [action, setAction] = useState<Action | null>(null);
  const [tag, setTag] = useState('');
  const [who, setWho] = useState('');
  const [segmentId, setSegmentId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [report, setReport] = useState<{ action: Action | 'restore'; outcome: BulkOutcome } | null>(null);
  const segments = useSegmentsList();
  const staticSegments = segments.items.filter((s) => s.type === 'static' && s.entity_type === entity);
  const addMembers = useAddMembers(segmentId);

  const open = (a: Action) => {
    setAction(a);
    setError(null);
    setReport(null);
  };
  const close = () => {
    setAction(null);
    setBusy(false);
  };

  const confirm = async () => {
    if (!action) return;
    setBusy(true);
    setError(null);
    try {
      let outcome: BulkOutcome;
      if (action === 'add_to_segment') {
        if (selection.kind !== 'ids' || !segmentId) return;
        await addMembers.mutateAsync(selection.ids);
        outcome = { changed: selection.ids.length, unchanged: 0, skipped: 0, forbidden: 0, notFound: 0, undoId: null };
      } else if (action === 'export') {
        window.location.assign(exportUrl(entity, selection));
        close();
        return;
      } else {
        const params =
          action === 'add_tag' || action === 'remove_tag'
            ? { tag: tag.trim() }
            : action === 'set_owner'
              ? { owner_user_id: who || null }
              : action === 'set_team'
                ? { team_id: who || null }
                : {};
        outcome = await runBulk(entity, action, selection, params);
      }
      setReport({ action, outcome });
      await refresh();
      if (action === 'delete') onClear();
      close();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  const undo = async (undoId: string) => {
    setBusy(true);
    setError(null);
    try {
      const outcome = await runBulk(entity, 'restore', selection, { undo_id: undoId });
      setReport({ action: 'restore', outcome });
      await refresh();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const exportBlocked = action === 'export' && selection.kind === 'ids' && selection.ids.length > EXPORT_MAX_IDS;
  const segmentBlocked = action === 'add_to_segment' && (selection.kind !== 'ids' || !segmentId);
  const disabled = busy || exportBlocked || segmentBlocked || ((action === 'add_tag' || action === 'remove_tag') && !tag.trim());

  const reportText = (r: { action: Action | 'restore'; outcome: BulkOutcome }) => {
    const o = r.outcome;
    const main =
      r.action === 'delete'
        ? t('lists.deleted', fmt.count(o.changed))
        : r.action === 'restore'
          ? t('lists.restored', fmt.count(o.changed))
          : r.action === 'add_to_segment'
            ? t('lists.addedToSegment', fmt.count(o.changed))
            : t('lists.changed', fmt.count(o.changed));
    const parts = [main];
    if (o.unchanged) parts.push(t('lists.unchanged', fmt.count(o.unchanged)));
    if (o.forbidden) parts.push(t('lists.forbidden', fmt.count(o.forbidden)));
    if (o.notFound) parts.push(t('lists.notFound', fmt.count(o.notFound)));
    return parts.join(' ');
  };

  return (
    <>
      {count > 0 ? (
        <div className="bulk-bar" role="region" aria-label={t('lists.bulkActions')}>
          <strong>{t('lists.selected', fmt.count(count))}</strong>
          {selection.kind === 'ids' && matching !== null && matching > count ? (
            <button type="button" className="button button-small" onClick={onSelectAllMatching}>
              {t('lists.selectAllMatching', fmt.count(matching))}
            </button>
          ) : null}
          {selection.kind === 'all' ? <span>{t('lists.allMatchingSelected', fmt.count(count))}</span> : null}
          <button type="button" className="button button-small" onClick={onClear}>
            {t('lists.clearSelection')}
          </button>
          {ACTIONS.filter((a) => canWrite || a === 'export')
            .filter((a) => a !== 'add_to_segment' || selection.kind === 'ids')
            .map((a) => (
              <button
                key={a}
                type="button"
                className={`button button-small ${a === 'delete' ? 'button-danger' : ''}`}
                onClick={() => open(a)}
              >
                {t(`lists.action.${a}`)}
              </button>
            ))}
        </div>
      ) : null}
      {report ? (
        <Alert tone="success">
          <span role="status">{reportText(report)}</span>{' '}
          {report.action === 'delete' && report.outcome.undoId && report.outcome.changed > 0 ? (
            <button
              type="button"
              className="button button-small"
              disabled={busy}
              onClick={() => void undo(report.outcome.undoId ?? '')}
            >
              {t('lists.undo')}
            </button>
          ) : null}
        </Alert>
      ) : null}
      {error && !action ? <ProblemAlert error={error} /> : null}
      <ConfirmDialog
        open={action !== null}
        title={action ? t(`lists.confirm.${action}`, fmt.count(count)) : ''}
        confirmLabel={
          action === 'delete' ? t('lists.action.delete') : action === 'export' ? t('lists.download') : t('lists.apply')
        }
        danger={action === 'delete'}
        busy={busy}
        confirmDisabled={disabled}
        onConfirm={() => void confirm()}
        onCancel={close}
      >
        {action === 'add_tag' || action === 'remove_tag' ? (
          <div className="field">
            <label className="field-label" htmlFor={`${id}-tag`}>
              {t('lists.tag')}
            </label>
            <input id={`${id}-tag`} className="input" value={tag} maxLength={60} onChange={(e) => setTag(e.target.value)} />
          </div>
        ) : null}
        {action === 'set_owner' || action === 'set_team' ? (
          <div className="field">
            <label className="field-label" htmlFor={`${id}-who`}>
              {action === 'set_owner' ? t('lists.owner') : t('lists.team')}
            </label>
            <select id={`${id}-who`} className="input" value={who} onChange={(e) => setWho(e.target.value)}>
              <option value="">{t('lists.nobody')}</option>
              {action === 'set_owner'
                ? directory.users.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.display_name}
                    </option>
                  ))
                : directory.teams.map((x) => (
                    <option key={x.id} value={x.id}>
                      {x.name}
                    </option>
                  ))}
            </select>
          </div>
        ) : null}
        {action === 'add_to_segment' ? (
          staticSegments.length ? (
            <div className="field">
              <label className="field-label" htmlFor={`${id}-segment`}>
                {t('lists.segment')}
              </label>
              <select id={`${id}-segment`} className="input" value={segmentId} onChange={(e) => setSegmentId(e.target.value)}>
                <option value="" />
                {staticSegments.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <p>{t('lists.noStaticSegments')}</p>
          )
        ) : null}
        {action === 'delete' ? <p>{t('lists.deleteHint')}</p> : null}
        {action === 'export' ? (
          <p>{exportBlocked ? t('lists.exportTooMany', { max: fmt.number(EXPORT_MAX_IDS) }) : t('lists.exportHint')}</p>
        ) : null}
        {error && action ? <ProblemAlert error={error} /> : null}
      </ConfirmDialog>
    </>
  );
}
