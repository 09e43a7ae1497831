// Tags as removable chips and a text box that adds one on Enter, on a comma or when left.
import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError } from '../../ui/fields';
import { Icon } from '../../ui/icons';

export function TagsInput({
  tags,
  onChange,
  error,
  tagError,
  disabled,
}: {
  tags: string[];
  onChange: (tags: string[]) => void;
  /** A message about the tags as a whole ("at most 100 tags"). */
  error?: string;
  /** The message for the tag at this position ("/tags/3"). */
  tagError: (index: number) => string | undefined;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState('');

  const commit = () => {
    const parts = draft
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    setDraft('');
    if (!parts.length) return;
    const next = [...tags];
    for (const p of parts) if (!next.includes(p)) next.push(p);
    onChange(next);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      commit();
    } else if (e.key === 'Backspace' && !draft && tags.length) {
      onChange(tags.slice(0, -1));
    }
  };

  const errors = tags.map((_, i) => tagError(i));
  const anyTagError = errors.some(Boolean);
  const describedBy = [`${id}-hint`, error ? `${id}-error` : '', anyTagError ? `${id}-tag-errors` : ''].filter(Boolean).join(' ');

  return (
    <div className={`field tags-field ${error || anyTagError ? 'field-invalid' : ''}`}>
      <label className="field-label" htmlFor={`${id}-input`}>
        {t('customers.tags')}
      </label>
      {tags.length ? (
        <ul className="chip-list chip-list-edit" aria-label={t('customers.tagsChosen')}>
          {tags.map((tag, i) => (
            <li key={`${tag}-${i}`} className={`chip ${errors[i] ? 'chip-invalid' : ''}`}>
              <span>{tag}</span>
              {!disabled ? (
                <button type="button" className="chip-remove" onClick={() => onChange(tags.filter((_, j) => j !== i))}>
                  <Icon name="close" size={14} />
                  <span className="visually-hidden">{t('customers.removeTag', { tag })}</span>
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="tags-entry">
        <input
          id={`${id}-input`}
          name="tags"
          type="text"
          value={draft}
          disabled={disabled}
          autoComplete="off"
          aria-invalid={error || anyTagError ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => {
            const v = e.target.value;
            if (v.includes(',')) {
              setDraft(v);
              // Commit what is before the comma on the next tick of state.
              const parts = v.split(',');
              const rest = parts.pop() ?? '';
              const add = parts.map((s) => s.trim()).filter(Boolean);
              const next = [...tags];
              for (const p of add) if (!next.includes(p)) next.push(p);
              if (add.length) onChange(next);
              setDraft(rest);
            } else setDraft(v);
          }}
          onKeyDown={onKeyDown}
          onBlur={commit}
        />
        <button type="button" className="button" onClick={commit} disabled={disabled || !draft.trim()}>
          {t('customers.addTag')}
        </button>
      </div>
      <p className="field-hint" id={`${id}-hint`}>
        {t('customers.tagsHint')}
      </p>
      <FieldError id={`${id}-error`} message={error} />
      {anyTagError ? (
        <ul className="field-error tag-errors" id={`${id}-tag-errors`}>
          {tags.map((tag, i) =>
            errors[i] ? (
              <li key={`${tag}-${i}`}>
                “{tag}”: {errors[i]}
              </li>
            ) : null,
          )}
        </ul>
      ) : null}
    </div>
  );
}
