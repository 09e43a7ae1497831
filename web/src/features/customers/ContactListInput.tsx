// The form's editor of other emails or phones: one row per entry, each with a label (work,
// home, mobile, other, or words of one's own) and a value; rows are added and removed. The
// server checks each value as it checks the primary one, and its message for an entry
// ("/fields/other_emails/1/value") shows on that row.
import { useId } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { FieldError } from '../../ui/fields';
import { Icon } from '../../ui/icons';
import { contactRowsOut, errorKey, type ContactRow } from './formModel';
import { CONTACT_LABELS } from './schema';

const OWN = '__own__';

export function contactLabel(label: string, t: TFunction): string {
  return (CONTACT_LABELS as readonly string[]).includes(label) ? t(`customers.contactLabels.${label}`) : label;
}

export function ContactListInput({
  name,
  label,
  item,
  rows,
  error,
  onChange,
}: {
  name: string;
  label: string;
  item: 'email' | 'phone';
  rows: ContactRow[];
  /** The server's messages by error key (fieldError of the save). */
  error: (key: string) => string | undefined;
  onChange: (rows: ContactRow[]) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { sentIndex } = contactRowsOut(rows);
  const listError = error(errorKey.field(name));
  const set = (i: number, row: Partial<ContactRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...row } : r)));
  return (
    <fieldset className={`fieldset span-all contact-list ${listError ? 'field-invalid' : ''}`} data-testid={`list-${name}`}>
      <legend>{label}</legend>
      {rows.length === 0 ? <p className="muted small">{t('customers.contactList.none')}</p> : null}
      <ol className="contact-rows">
        {rows.map((row, i) => {
          const known = (CONTACT_LABELS as readonly string[]).includes(row.label);
          const valueError = sentIndex[i] >= 0 ? error(errorKey.entry(name, sentIndex[i], 'value')) : undefined;
          const labelError = sentIndex[i] >= 0 ? error(errorKey.entry(name, sentIndex[i], 'label')) : undefined;
          const rowId = `${id}-${i}`;
          return (
            <li key={i} className="contact-entry-row">
              <div className={`field ${labelError ? 'field-invalid' : ''}`}>
                <label className="field-label" htmlFor={`${rowId}-label`}>
                  {t('customers.contactList.label', { n: i + 1 })}
                </label>
                <select
                  id={`${rowId}-label`}
                  name={`${name}.${i}.label`}
                  value={known ? row.label : OWN}
                  onChange={(e) => set(i, { label: e.target.value === OWN ? '' : e.target.value })}
                >
                  {CONTACT_LABELS.map((l) => (
                    <option key={l} value={l}>
                      {t(`customers.contactLabels.${l}`)}
                    </option>
                  ))}
                  <option value={OWN}>{t('customers.contactList.ownLabel')}</option>
                </select>
                {!known ? (
                  <input
                    aria-label={t('customers.contactList.ownLabelInput', { n: i + 1 })}
                    name={`${name}.${i}.own_label`}
                    value={row.label}
                    maxLength={40}
                    onChange={(e) => set(i, { label: e.target.value })}
                  />
                ) : null}
                <FieldError id={`${rowId}-label-error`} message={labelError} />
              </div>
              <div className={`field ${valueError ? 'field-invalid' : ''}`}>
                <label className="field-label" htmlFor={`${rowId}-value`}>
                  {t(item === 'email' ? 'customers.contactList.email' : 'customers.contactList.phone', { n: i + 1 })}
                </label>
                <input
                  id={`${rowId}-value`}
                  name={`${name}.${i}.value`}
                  type={item === 'email' ? 'email' : 'tel'}
                  autoComplete="off"
                  value={row.value}
                  aria-invalid={valueError ? true : undefined}
                  aria-describedby={valueError ? `${rowId}-value-error` : undefined}
                  onChange={(e) => set(i, { value: e.target.value })}
                />
                <FieldError id={`${rowId}-value-error`} message={valueError} />
              </div>
              <button
                type="button"
                className="button button-small contact-remove"
                aria-label={t('customers.contactList.remove', { n: i + 1 })}
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
              >
                <Icon name="trash" size={16} />
              </button>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button button-small"
        data-testid={`add-${name}`}
        onClick={() => onChange([...rows, { label: item === 'phone' ? 'mobile' : 'work', value: '' }])}
      >
        <Icon name="plus" size={16} />
        {t(item === 'email' ? 'customers.contactList.addEmail' : 'customers.contactList.addPhone')}
      </button>
      <FieldError id={`${id}-error`} message={listError} />
    </fieldset>
  );
}
