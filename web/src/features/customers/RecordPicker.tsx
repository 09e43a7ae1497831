// Pick a company or a person by typing part of its name (the global search, as you type): a
// combobox whose options are the matching records; arrows move, Enter picks, Escape closes.
// Once picked, the choice shows with a "Change" button.
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError } from '../../ui/fields';
import { useRecordSearch } from './api';
import type { Entity } from './types';

export interface PickedRecord {
  id: string;
  name: string;
}

export function RecordPicker({
  entity,
  label,
  value,
  onChange,
  exclude = [],
  hint,
  error,
}: {
  entity: Entity;
  label: string;
  value: PickedRecord | null;
  onChange: (value: PickedRecord | null) => void;
  /** Ids not offered (already linked). */
  exclude?: string[];
  hint?: string;
  error?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text), 200);
    return () => clearTimeout(timer);
  }, [text]);
  const search = useRecordSearch(entity, query);
  const hits = (search.data ?? []).filter((h) => !exclude.includes(h.id));
  const shown = open && text.trim().length > 0;
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  if (value)
    return (
      <div className="field">
        <span className="field-label">{label}</span>
        <div className="picker-row">
          <strong className="picker-choice">{value.name}</strong>
          <button
            type="button"
            className="button button-small"
            aria-label={t('affiliations.changePick', { name: value.name })}
            onClick={() => {
              onChange(null);
              setText('');
              setOpen(false);
            }}
          >
            {t('affiliations.change')}
          </button>
        </div>
        <FieldError id={errorId} message={error} />
      </div>
    );

  const pick = (i: number) => {
    const hit = hits[i];
    if (!hit) return;
    onChange({ id: hit.id, name: hit.title });
    // The picked record shows instead of the input; once the form clears it, the input is empty.
    setText('');
    setOpen(false);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, Math.max(hits.length - 1, 0)));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      if (shown && hits.length) {
        e.preventDefault();
        pick(active);
      }
    } else if (e.key === 'Escape' && shown) {
      e.preventDefault();
      setOpen(false);
    }
  };

  const status = !shown
    ? ''
    : search.isFetching && !search.data
      ? t('affiliations.searching')
      : search.isError
        ? t('affiliations.searchFailed')
        : hits.length === 0 && !search.isFetching
          ? t('affiliations.noMatch')
          : '';

  return (
    <div className={`field ${error ? 'field-invalid' : ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={shown && hits.length > 0}
        aria-controls={listId}
        aria-activedescendant={shown && hits[active] ? `${id}-opt-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined}
        placeholder={t(entity === 'company' ? 'affiliations.searchCompanies' : 'affiliations.searchPeople')}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <ul
        id={listId}
        role="listbox"
        aria-label={label}
        className="search-results plain-list"
        hidden={!shown || hits.length === 0}
      >
        {shown
          ? hits.map((hit, i) => (
              <li
                key={hit.id}
                id={`${id}-opt-${i}`}
                role="option"
                aria-selected={i === active}
                className={`search-option ${i === active ? 'is-active' : ''}`}
                // mousedown, not click: the input's blur would close the list first.
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(i);
                }}
              >
                <span className="search-option-text">
                  <span className="search-option-title">{hit.title}</span>
                  {hit.detail ? <span className="muted small">{hit.detail}</span> : null}
                </span>
              </li>
            ))
          : null}
      </ul>
      <p className="muted small" aria-live="polite">
        {status}
      </p>
      <FieldError id={errorId} message={error} />
    </div>
  );
}
