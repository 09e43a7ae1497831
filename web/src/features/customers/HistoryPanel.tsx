// "History": who changed which field from what to what, newest first, read on demand and
// page by page.
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { PagedTable } from '../../ui/PagedTable';
import { useHistory } from './api';
import { fieldLabel, optionLabel, valueText } from './display';
import type { Directory } from './lookups';
import { builtInFields } from './schema';
import type { CustomField, Entity, FieldHistory } from './types';

export function HistoryPanel({
  entity,
  id,
  customFields,
  directory,
  buyerName,
}: {
  entity: Entity;
  id: string;
  customFields: CustomField[];
  directory: Directory;
  buyerName: (id: string) => string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const history = useHistory(entity, id, true);

  const value = (h: FieldHistory, v: string | null) => {
    if (v === null || v === '') return <span className="muted">{t('customers.emptyValue')}</span>;
    if (h.field === 'owner_user_id') return directory.userName(v);
    if (h.field === 'team_id') return directory.teamName(v);
    const field = builtInFields(entity).find((f) => f.name === h.field);
    if (field?.kind === 'reference') return buyerName(v);
    if (field?.kind === 'select') return optionLabel(field.name, v, t);
    if (field?.kind === 'contacts') {
      try {
        return valueText(JSON.parse(v), { builtIn: field }, fmt, t);
      } catch {
        return v;
      }
    }
    if (field?.kind === 'country') return `${fmt.country(v)} (${v})`;
    if (field?.kind === 'language') return `${fmt.languageName(v)} (${v})`;
    if (field?.kind === 'date') return fmt.isoDate(v);
    if (h.field.startsWith('custom.')) {
      const def = customFields.find((d) => `custom.${d.key}` === h.field);
      if (def?.type === 'boolean') return v === 'true' ? t('common.yes') : v === 'false' ? t('common.no') : v;
      if (def?.type === 'date') return fmt.isoDate(v);
    }
    return <span className="prewrap">{v}</span>;
  };

  return (
    <div className="history-panel">
      <PagedTable
        list={history}
        caption={t('customers.history.title')}
        className="history-table"
        columns={[
          t('customers.history.when'),
          t('customers.history.field'),
          t('customers.history.before'),
          t('customers.history.after'),
          t('customers.history.who'),
          t('customers.history.source'),
        ]}
        empty={<p>{t('customers.history.empty')}</p>}
        moreLabel={t('customers.history.older')}
      >
        {history.items.map((h) => (
          <tr key={h.id}>
            <td data-label={t('customers.history.when')} className="nowrap">
              <time dateTime={new Date(h.changed_at).toISOString()} title={fmt.relative(h.changed_at)}>
                {fmt.dateTime(h.changed_at)}
              </time>
            </td>
            <th scope="row" data-label={t('customers.history.field')}>
              {fieldLabel(entity, h.field, customFields, t)}
            </th>
            <td data-label={t('customers.history.before')}>{value(h, h.old_value)}</td>
            <td data-label={t('customers.history.after')}>{value(h, h.new_value)}</td>
            <td data-label={t('customers.history.who')}>{h.actor_user_id ? directory.userName(h.actor_user_id) : h.actor}</td>
            <td data-label={t('customers.history.source')}>
              {t(`provenance.sources.${h.source}`, { defaultValue: h.source })}
              {h.source_ref && !h.source_ref.startsWith('user:') ? (
                <span className="cell-note">{directory.refLabel(h.source_ref)}</span>
              ) : null}
            </td>
          </tr>
        ))}
      </PagedTable>
    </div>
  );
}
