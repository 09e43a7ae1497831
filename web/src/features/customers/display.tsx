// How stored values read on screen: countries and languages by name, dates and money through
// Intl, links for emails, phones and websites, option values translated.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useFormat } from '../../i18n/format';
import { formatPhone } from '../../i18n/phone';
import { contactLabel } from './ContactListInput';
import { contactEntries, type ContactRow } from './formModel';
import { builtInFields, type BuiltInField } from './schema';
import type { CustomField, Entity, FieldValue } from './types';

/** The label of a field named as the API names it: "vat_id", "custom.blend", "tags", "owner_user_id". */
export function fieldLabel(entity: Entity, name: string, customFields: CustomField[], t: TFunction): string {
  if (name.startsWith('custom.')) {
    const key = name.slice('custom.'.length);
    return customFields.find((d) => d.key === key)?.label ?? key;
  }
  if (name === 'tags') return t('customers.tags');
  if (name === 'owner_user_id') return t('customers.owner');
  if (name === 'team_id') return t('customers.team');
  if (builtInFields(entity).some((f) => f.name === name)) return t(`fields.${entity}.${name}`);
  return name;
}

/** An option of a built-in select in words ("1-10" -> "1–10 employees"). */
export function optionLabel(field: string, value: string, t: TFunction): string {
  return t(`options.${field}.${value}`, { defaultValue: value });
}

function isEmpty(v: FieldValue | undefined): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

export function Empty() {
  const { t } = useTranslation();
  return (
    <span className="muted">
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t('customers.empty')}</span>
    </span>
  );
}

/**
 * Where a long email or web address may wrap: after "@" and "/", and before "." — never inside
 * a word ("mario.rossi@" / "example.com" rather than "mario.ros" / "si@…").
 */
export function breakPoints(text: string): string[] {
  const parts: string[] = [];
  let part = '';
  for (const ch of text) {
    if (ch === '.' && part) {
      parts.push(part);
      part = '';
    }
    part += ch;
    if (ch === '@' || ch === '/') {
      parts.push(part);
      part = '';
    }
  }
  if (part) parts.push(part);
  return parts;
}

/** An email or address with a line-break opportunity (<wbr>) at each of its break points. */
export function Breakable({ text }: { text: string }) {
  return (
    <>
      {breakPoints(text).map((part, i) => (
        <span key={i}>
          {i > 0 ? <wbr /> : null}
          {part}
        </span>
      ))}
    </>
  );
}

function EmailLink({ email }: { email: string }) {
  return (
    <a href={`mailto:${email}`} className="breakable">
      <Breakable text={email} />
    </a>
  );
}

function UrlLink({ url }: { url: string }) {
  return (
    <a href={external(url)} target="_blank" rel="noopener noreferrer" className="breakable">
      <Breakable text={url.replace(/^https?:\/\//i, '')} />
    </a>
  );
}

/** A phone as the user's country writes it (the link keeps the stored E.164 number). */
function PhoneLink({ phone, language }: { phone: string; language: string }) {
  return (
    <a href={`tel:${phone}`} className="phone">
      {formatPhone(phone, language)}
    </a>
  );
}

function external(url: string): string {
  return /^https?:\/\//i.test(url) ? url : `https://${url}`;
}

/**
 * A built-in field's value. `buyerName` resolves buyer_company_id. `flagged`: the value was kept
 * although invalid (a flagged import), so it is shown as written and never as a link.
 */
export function BuiltInValue({
  field,
  value,
  buyerName,
  flagged = false,
}: {
  field: BuiltInField;
  value: FieldValue | undefined;
  buyerName?: (id: string) => string;
  flagged?: boolean;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (isEmpty(value)) return <Empty />;
  if (field.kind === 'contacts') return <ContactList entries={contactEntries(value)} item={field.item ?? 'email'} />;
  const s = String(value);
  if (flagged) return <span className="flagged-value">{s}</span>;
  switch (field.kind) {
    case 'email':
      return <EmailLink email={s} />;
    case 'phone':
      return <PhoneLink phone={s} language={fmt.language} />;
    case 'url':
      return <UrlLink url={s} />;
    case 'country':
      return (
        <span>
          {fmt.country(s)} <span className="muted">({s})</span>
        </span>
      );
    case 'language':
      return (
        <span>
          {fmt.languageName(s)} <span className="muted">({s})</span>
        </span>
      );
    case 'date':
      return <time dateTime={s}>{fmt.isoDate(s)}</time>;
    case 'select':
      return <span>{optionLabel(field.name, s, t)}</span>;
    case 'reference':
      return <Link to={`/companies/${encodeURIComponent(s)}`}>{buyerName ? buyerName(s) : `#${s}`}</Link>;
    case 'tax_id':
      return <code className="plain-code">{s}</code>;
    default:
      return <span className="prewrap">{s}</span>;
  }
}

/** Other emails or phones: each with its label, as a link (a phone in the user's national format). */
function ContactList({ entries, item }: { entries: ContactRow[]; item: 'email' | 'phone' }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (!entries.length) return <Empty />;
  return (
    <ul className="contact-entries">
      {entries.map((e) => (
        <li key={e.value}>
          <span className="contact-entry-label">{contactLabel(e.label, t)}</span>{' '}
          {item === 'email' ? <EmailLink email={e.value} /> : <PhoneLink phone={e.value} language={fmt.language} />}
        </li>
      ))}
    </ul>
  );
}

/** A custom field's value, by its type. */
export function CustomValue({ def, value }: { def: CustomField | undefined; value: FieldValue | undefined }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (isEmpty(value)) return <Empty />;
  if (!def) return <span>{Array.isArray(value) ? value.join(', ') : String(value)}</span>;
  switch (def.type) {
    case 'number':
      return <span>{typeof value === 'number' ? fmt.number(value) : String(value)}</span>;
    case 'money':
      return <span>{typeof value === 'number' ? fmt.money(value, def.currency ?? 'EUR') : String(value)}</span>;
    case 'date':
      return <time dateTime={String(value)}>{fmt.isoDate(String(value))}</time>;
    case 'boolean':
      return <span>{value === true ? t('common.yes') : t('common.no')}</span>;
    case 'multi_select':
      return Array.isArray(value) ? (
        <ul className="chip-list">
          {value.map(String).map((v) => (
            <li key={v} className="chip">
              {v}
            </li>
          ))}
        </ul>
      ) : (
        <span>{String(value)}</span>
      );
    case 'url':
      return <UrlLink url={String(value)} />;
    case 'email':
      return <EmailLink email={String(value)} />;
    case 'phone':
      return <PhoneLink phone={String(value)} language={fmt.language} />;
    default:
      return <span className="prewrap">{String(value)}</span>;
  }
}

/** The same, as plain text (for the list's cells and the history). */
export function valueText(
  value: FieldValue | undefined,
  kind: { builtIn?: BuiltInField; custom?: CustomField },
  fmt: ReturnType<typeof useFormat>,
  t: TFunction,
): string {
  if (isEmpty(value)) return '';
  const b = kind.builtIn;
  if (b?.kind === 'contacts') {
    return contactEntries(value)
      .map((e) => `${contactLabel(e.label, t)}: ${b.item === 'phone' ? formatPhone(e.value, fmt.language) : e.value}`)
      .join(', ');
  }
  const s = Array.isArray(value) ? value.join(', ') : String(value);
  if (b) {
    if (b.kind === 'country') return fmt.country(s);
    if (b.kind === 'language') return fmt.languageName(s);
    if (b.kind === 'date') return fmt.isoDate(s);
    if (b.kind === 'select') return optionLabel(b.name, s, t);
    if (b.kind === 'phone') return formatPhone(s, fmt.language);
    return s;
  }
  const c = kind.custom;
  if (c) {
    if (c.type === 'number' && typeof value === 'number') return fmt.number(value);
    if (c.type === 'money' && typeof value === 'number') return fmt.money(value, c.currency ?? 'EUR');
    if (c.type === 'date') return fmt.isoDate(s);
    if (c.type === 'boolean') return value === true ? t('common.yes') : t('common.no');
    if (c.type === 'phone') return formatPhone(s, fmt.language);
  }
  return s;
}
