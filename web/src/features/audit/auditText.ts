// The words of an audit entry in the reader's language: its action, what it was done to, and
// its detail (the JSON object the server records: keys, and values that are one of a known set
// such as roles, scopes and record types). Anything else (names, emails, ids) stays as written.
import type { TFunction } from 'i18next';

/** Detail keys whose values are words of a known set, translated under audit.values. */
const ENUM_KEYS = new Set(['role', 'old_role', 'new_role', 'read', 'write', 'grantee_kind', 'type']);

/** The label the server gives actions run from the command line (domain/identity/principals.cpp). */
export const OPERATOR_LABEL = 'operator (command line)';

export function actionLabel(t: TFunction, action: string): string {
  return t(`audit.actions.${action.replace(/\./g, '_')}`, { defaultValue: action });
}

export function targetLabel(t: TFunction, type: string): string {
  return t(`audit.targets.${type}`, { defaultValue: type });
}

export function actorLabel(t: TFunction, actor: string): string {
  return actor === OPERATOR_LABEL ? t('audit.operator') : actor;
}

export function detailKeyLabel(t: TFunction, key: string): string {
  return t(`audit.fields.${key}`, { defaultValue: key });
}

/** A detail value as text: known words translated, booleans as yes/no, lists joined. */
export function detailValueText(t: TFunction, key: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? t('audit.yes') : t('audit.no');
  if (typeof value === 'string') return ENUM_KEYS.has(key) ? t(`audit.values.${value}`, { defaultValue: value }) : value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map((v) => detailValueText(t, key, v)).join(', ');
  return JSON.stringify(value);
}
