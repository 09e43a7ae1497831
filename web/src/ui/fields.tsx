// Labelled form controls. Each shows its hint and the server's message for it, wired to the
// control with aria-describedby and aria-invalid, so screen readers read them with the field.
import {
  useId,
  useLayoutEffect,
  type InputHTMLAttributes,
  type RefObject,
  type Ref,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { Icon } from './icons';

interface Common {
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  /** Shown after the label; the control also gets `required`. */
  required?: boolean;
  className?: string;
}

function useFieldIds(error?: string, hint?: ReactNode) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return { id, hintId, errorId, describedBy };
}

function FieldText({ hint, hintId, error, errorId }: { hint?: ReactNode; hintId?: string; error?: string; errorId?: string }) {
  return (
    <>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId} message={error} />
    </>
  );
}

/** The server's message for a control (its id goes in the control's aria-describedby); `alert` announces it at once. */
export function FieldError({ id, message, alert = false }: { id?: string; message?: string; alert?: boolean }) {
  if (!message) return null;
  return (
    <p className="field-error" id={id} role={alert ? 'alert' : undefined}>
      <Icon name="alert" size={16} />
      <span>{message}</span>
    </p>
  );
}

function Label({ htmlFor, label, required }: { htmlFor: string; label: ReactNode; required?: boolean }) {
  return (
    <label className="field-label" htmlFor={htmlFor}>
      {label}
      {required ? (
        <span className="required-mark" aria-hidden="true">
          {' '}
          *
        </span>
      ) : null}
    </label>
  );
}

export function TextField({
  label,
  error,
  hint,
  required,
  className,
  ...input
}: Common & InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> }) {
  const ids = useFieldIds(error, hint);
  return (
    <div className={`field ${error ? 'field-invalid' : ''} ${className ?? ''}`}>
      <Label htmlFor={ids.id} label={label} required={required} />
      <input
        id={ids.id}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        {...input}
      />
      <FieldText hint={hint} hintId={ids.hintId} error={error} errorId={ids.errorId} />
    </div>
  );
}

export function TextAreaField({
  label,
  error,
  hint,
  required,
  className,
  ...input
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const ids = useFieldIds(error, hint);
  return (
    <div className={`field ${error ? 'field-invalid' : ''} ${className ?? ''}`}>
      <Label htmlFor={ids.id} label={label} required={required} />
      <textarea
        id={ids.id}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        {...input}
      />
      <FieldText hint={hint} hintId={ids.hintId} error={error} errorId={ids.errorId} />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
  disabled?: boolean;
}

export function SelectField({
  label,
  error,
  hint,
  required,
  className,
  options,
  ...select
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { options: Option[] }) {
  const ids = useFieldIds(error, hint);
  return (
    <div className={`field ${error ? 'field-invalid' : ''} ${className ?? ''}`}>
      <Label htmlFor={ids.id} label={label} required={required} />
      <select
        id={ids.id}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldText hint={hint} hintId={ids.hintId} error={error} errorId={ids.errorId} />
    </div>
  );
}

export function CheckboxField({
  label,
  error,
  hint,
  className,
  ...input
}: Omit<Common, 'required'> & InputHTMLAttributes<HTMLInputElement>) {
  const ids = useFieldIds(error, hint);
  return (
    <div className={`field field-checkbox ${error ? 'field-invalid' : ''} ${className ?? ''}`}>
      <input id={ids.id} type="checkbox" aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} {...input} />
      <label htmlFor={ids.id}>{label}</label>
      <FieldText hint={hint} hintId={ids.hintId} error={error} errorId={ids.errorId} />
    </div>
  );
}

/** After a failed save, move focus to the first field the server complained about. */
export function focusFirstInvalid(form: HTMLElement | null): void {
  const el = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  el?.focus();
}

/**
 * Moves focus to the first invalid field each time a save fails, once the server's messages are
 * in the page. (Calling focusFirstInvalid from the mutation's onError in a requestAnimationFrame
 * raced with the render: TanStack Query re-renders on a setTimeout(0), and a frame could come
 * first, finding no aria-invalid field yet.) A layout effect runs in the same commit that adds
 * aria-invalid, so focus has moved before anything else can look.
 */
export function useFocusFirstInvalid(formRef: RefObject<HTMLElement | null>, error: unknown): void {
  useLayoutEffect(() => {
    if (error) focusFirstInvalid(formRef.current);
  }, [error, formRef]);
}
