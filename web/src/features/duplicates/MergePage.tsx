// Merging a pair side by side: choose which record is kept, then for every field that
// differs which value survives (radio buttons, the kept record's value by default, gaps filled
// from the other), or clear a field, then merge. The records are named by name (with the day
// each was added when the names are the same), never by id. The email and phone not kept stay
// as other emails and phones. The other record's timeline, affiliations, tags and history
// move to the kept one, and its address keeps leading there.
import { useMemo, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Loading, ProblemAlert } from '../../ui/Alert';
import { PageHeader, usePageTitle } from '../../ui/Page';
import { useCustomFields, useRecord } from '../customers/api';
import { useFormat } from '../../i18n/format';
import { fieldLabel, valueText } from '../customers/display';
import { useDirectory } from '../customers/lookups';
import { builtInFields, ENTITIES, recordName } from '../customers/schema';
import type { CustomerRecord, Entity, FieldValue } from '../customers/types';
import { forgetMergedPair, useCandidate, useMerge } from './api';
import { reasonText } from './DuplicatesPage';
import { defaultPicks, mergeRequest, mergeRows, type MergeRow, type Pick } from './mergeModel';

const EMPTY = '—';

export function MergePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  usePageTitle(t('duplicates.mergeTitle'));
  // Once merged, the pair and one of its records are gone: nothing here may fetch them again
  // (the queries are disabled, and forgetMergedPair drops them) while the survivor's page opens.
  const [merged, setMerged] = useState(false);
  const candidate = useCandidate(merged ? undefined : id);
  const entity: Entity = candidate.data?.entity_type ?? 'person';
  const left = useRecord(entity, merged ? undefined : candidate.data?.records[0].id);
  const right = useRecord(entity, merged ? undefined : candidate.data?.records[1].id);
  if (merged) return <Loading />;
  if (candidate.isError) return <ProblemAlert error={candidate.error} />;
  if (left.isError) return <ProblemAlert error={left.error} />;
  if (right.isError) return <ProblemAlert error={right.error} />;
  if (!candidate.data || !left.data || !right.data) return <Loading />;
  if (candidate.data.status !== 'open')
    return (
      <section>
        <PageHeader title={t('duplicates.mergeTitle')} />
        <Alert tone="info">{t('duplicates.notOpen', { status: t(`duplicates.statuses.${candidate.data.status}`) })}</Alert>
        <Link to="/duplicates">{t('duplicates.back')}</Link>
      </section>
    );
  return (
    <MergeForm
      entity={entity}
      candidateId={id}
      left={left.data}
      right={right.data}
      reasons={candidate.data.reasons.map((r) => reasonText(r, t))}
      score={candidate.data.score}
      onMerged={() => setMerged(true)}
    />
  );
}

function MergeForm({
  entity,
  candidateId,
  left,
  right,
  reasons,
  score,
  onMerged,
}: {
  entity: Entity;
  candidateId: string;
  left: CustomerRecord;
  right: CustomerRecord;
  reasons: string[];
  score: number;
  onMerged: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const customFields = useCustomFields(entity);
  const rows: MergeRow[] = useMemo(
    () => mergeRows(entity, left, right, customFields.data ?? []),
    [entity, left, right, customFields.data],
  );
  const [keep, setKeep] = useState<'left' | 'right'>('left');
  const [picks, setPicks] = useState<Record<string, Pick>>(() => defaultPicks(rows, 'left'));
  const merge = useMerge(entity);
  const fmt = useFormat();
  // Duplicates often share their name: then a value that differs (the email, phone or city),
  // else the moment each was added, tells them apart.
  const detailOf = (r: CustomerRecord, o: CustomerRecord): string => {
    if (recordName(r) !== recordName(o)) return '';
    for (const f of ['email', 'phone', 'city']) {
      const mine = r.fields?.[f];
      if (typeof mine === 'string' && mine && mine !== o.fields?.[f]) {
        const builtIn = builtInFields(entity).find((b) => b.name === f);
        return valueText(mine, { builtIn }, fmt, t);
      }
    }
    return t('duplicates.added', { date: fmt.dateTime(r.created_at) });
  };
  const details = { left: detailOf(left, right), right: detailOf(right, left) };
  const names = {
    left: details.left ? `${recordName(left)} (${details.left})` : recordName(left),
    right: details.right ? `${recordName(right)} (${details.right})` : recordName(right),
  };
  const clearable = (name: string) => {
    if (name === 'owner_user_id' || name === 'team_id') return true;
    if (name.startsWith('custom.')) return !customFields.data?.find((c) => `custom.${c.key}` === name)?.required;
    return !builtInFields(entity).find((f) => f.name === name)?.required;
  };
  const directory = useDirectory();
  /** A value in words: people and teams by name, options, dates and countries as elsewhere. */
  const show = (name: string, v: FieldValue | undefined): string => {
    if (v === null || v === undefined || v === '') return EMPTY;
    if (name === 'owner_user_id' && typeof v === 'string') return directory.userName(v);
    if (name === 'team_id' && typeof v === 'string') return directory.teamName(v);
    const builtIn = builtInFields(entity).find((f) => f.name === name);
    const custom = name.startsWith('custom.') ? customFields.data?.find((c) => `custom.${c.key}` === name) : undefined;
    return valueText(v, { builtIn, custom }, fmt, t) || EMPTY;
  };

  const chooseKeep = (side: 'left' | 'right') => {
    setKeep(side);
    setPicks(defaultPicks(rows, side));
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const { survivorId, request } = mergeRequest(rows, picks, keep, { left: left.id, right: right.id }, candidateId);
    merge.mutate(
      { survivorId, request },
      {
        onSuccess: (record) => {
          onMerged();
          forgetMergedPair(qc, entity, { candidateId, recordIds: [left.id, right.id] }, record);
          void navigate(`/${ENTITIES[entity].path}/${record.id}`, { replace: true });
        },
      },
    );
  };

  return (
    <section>
      <PageHeader
        title={t('duplicates.mergeTitle')}
        description={t('duplicates.mergeDescription', { score, reasons: reasons.join(', ') })}
      />
      {merge.isError ? <ProblemAlert error={merge.error} /> : null}
      <form className="form merge-form" onSubmit={onSubmit} aria-label={t('duplicates.mergeTitle')}>
        <fieldset className="merge-keep">
          <legend>{t('duplicates.keep')}</legend>
          {(['left', 'right'] as const).map((side) => (
            <label key={side} className="radio">
              <input type="radio" name="keep" value={side} checked={keep === side} onChange={() => chooseKeep(side)} />{' '}
              {names[side]}
            </label>
          ))}
        </fieldset>
        <div className="table-wrap">
          <table className="table merge-table">
            <caption className="visually-hidden">{t('duplicates.fieldsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('duplicates.field')}</th>
                {([left, right] as const).map((r, i) => (
                  <th key={r.id} scope="col">
                    {recordName(r)}
                    {details[i === 0 ? 'left' : 'right'] ? (
                      <span className="muted small merge-detail">{details[i === 0 ? 'left' : 'right']}</span>
                    ) : null}
                  </th>
                ))}
                <th scope="col">{t('duplicates.clearColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const label = fieldLabel(entity, row.name, customFields.data ?? [], t);
                const cleared = picks[row.name] === 'clear';
                const clearCell = (
                  <td>
                    {clearable(row.name) ? (
                      <label className="radio">
                        <input
                          type="radio"
                          name={`pick-${row.name}`}
                          value="clear"
                          checked={cleared}
                          onChange={() => setPicks({ ...picks, [row.name]: 'clear' })}
                          aria-label={t('duplicates.clearField', { field: label })}
                          data-testid={`clear-${row.name}`}
                        />{' '}
                        <span className="muted">{t('duplicates.clearValue')}</span>
                      </label>
                    ) : null}
                  </td>
                );
                if (row.same) {
                  const value = show(row.name, row.left);
                  return (
                    <tr key={row.name} className={cleared ? undefined : 'row-muted'}>
                      <th scope="row">{label}</th>
                      <td colSpan={2}>
                        {clearable(row.name) ? (
                          <label className="radio">
                            <input
                              type="radio"
                              name={`pick-${row.name}`}
                              value="keep"
                              checked={!cleared}
                              onChange={() => {
                                const next = { ...picks };
                                delete next[row.name];
                                setPicks(next);
                              }}
                              aria-label={`${label}: ${value}`}
                            />{' '}
                            {value}
                          </label>
                        ) : (
                          value
                        )}
                      </td>
                      {clearCell}
                    </tr>
                  );
                }
                return (
                  <tr key={row.name}>
                    <th scope="row">{label}</th>
                    {(['left', 'right'] as const).map((side) => {
                      const value = show(row.name, side === 'left' ? row.left : row.right);
                      return (
                        <td key={side}>
                          <label className="radio">
                            <input
                              type="radio"
                              name={`pick-${row.name}`}
                              value={side}
                              checked={picks[row.name] === side}
                              onChange={() => setPicks({ ...picks, [row.name]: side })}
                              aria-label={`${label}: ${value}`}
                            />{' '}
                            {value}
                          </label>
                        </td>
                      );
                    })}
                    {clearCell}
                  </tr>
                );
              })}
              <tr>
                <th scope="row">{t('customers.tags')}</th>
                <td colSpan={3}>
                  {t('duplicates.tagsUnion', { tags: [...new Set([...left.tags, ...right.tags])].join(', ') || '—' })}
                </td>
              </tr>
            </tbody>
          </table>
        </div>
        <p className="muted">{t('duplicates.othersKept')}</p>
        <p className="muted">{t('duplicates.whatMoves')}</p>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={merge.isPending}>
            {t('duplicates.mergeButton', { name: names[keep] })}
          </button>
          <Link className="button" to="/duplicates">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </section>
  );
}
