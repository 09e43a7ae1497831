import type { ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { describeError, otherFieldErrors } from './errors';
import { Icon } from './icons';

type Tone = 'error' | 'success' | 'info' | 'warning';

/** Errors are announced at once (role=alert); other notes politely (role=status). */
export function Alert({ tone = 'info', children, id }: { tone?: Tone; children: ReactNode; id?: string }) {
  return (
    <div id={id} className={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {tone === 'error' || tone === 'warning' ? <Icon name="alert" size={18} /> : null}
      {tone === 'success' ? <Icon name="check" size={18} /> : null}
      <div className="alert-body">{children}</div>
    </div>
  );
}

/** The note a page left for the next one: navigate(to, { state: { flash: 'Saved' } }). */
export function FlashAlert() {
  const location = useLocation();
  const flash = (location.state as { flash?: string } | null)?.flash;
  return flash ? <Alert tone="success">{flash}</Alert> : null;
}

/**
 * A failed request in plain words. `fields` lists the form fields that show their own
 * message, so that only the others are repeated here.
 */
export function ProblemAlert({ error, fields = [] }: { error: unknown; fields?: string[] }) {
  const { t } = useTranslation();
  if (!error) return null;
  const others = otherFieldErrors(error, fields);
  return (
    <Alert tone="error">
      <p>{describeError(error, t)}</p>
      {others.length > 0 && (
        <ul>
          {others.map((o) => (
            <li key={o.field}>
              <code>{o.field}</code>: {o.message}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

/** A live region that is always in the page, so that its changes are announced. */
export function LiveStatus({ children }: { children: ReactNode }) {
  return (
    <div className="live-status" role="status" aria-live="polite">
      {children}
    </div>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
}
