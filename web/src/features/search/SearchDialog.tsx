// The global search box (Ctrl+K / Cmd+K, or the button in the top bar): a modal <dialog>
// holding a combobox; results come grouped (companies, people, notes and other interactions),
// the arrow keys move through them and Enter opens the record.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../ui/errors';
import { Icon } from '../../ui/icons';
import { useModalDialog } from '../../ui/useModalDialog';
import { useDebounced } from '../filters/api';
import { hitPath, SEARCH_GROUPS, useSearch, type SearchGroup, type SearchHit } from './api';
import { useFormat } from '../../i18n/format';

export function SearchDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const query = useDebounced(q, 200);
  // Everything (a mixed page, best first), or one group alone with up to 100 of it: a common
  // name fills the mixed page with people and hides the companies of that name.
  const [scope, setScope] = useState<SearchGroup | 'all'>('all');
  const search = useSearch(query, scope === 'all' ? MIXED_LIMIT : SCOPED_LIMIT, scope === 'all' ? undefined : scope);

  const ref = useModalDialog(open, () => {
    setScope('all');
    inputRef.current?.focus();
    inputRef.current?.select();
  });

  const groups = useMemo(() => {
    const data = q.trim() ? search.data : undefined;
    return SEARCH_GROUPS.map((g) => ({ key: g, hits: (data?.groups[g] ?? []).filter((h) => hitPath(h)) })).filter(
      (g) => g.hits.length > 0,
    );
  }, [search.data, q]);
  // The mixed page was full: each group may hold more than it shows.
  const pageFull = scope === 'all' && (search.data?.items.length ?? 0) >= MIXED_LIMIT;
  const flat = useMemo(() => groups.flatMap((g) => g.hits), [groups]);
  useEffect(() => setActive(0), [search.data]);
  const optionId = (i: number) => `${id}-option-${i}`;

  const openHit = (hit: SearchHit | undefined) => {
    const path = hit && hitPath(hit);
    if (!path) return;
    onClose();
    navigate(path);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => (flat.length ? (a + 1) % flat.length : 0));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => (flat.length ? (a - 1 + flat.length) % flat.length : 0));
    } else if (e.key === 'Home' && e.ctrlKey) {
      setActive(0);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      openHit(flat[active]);
    }
  };

  useEffect(() => {
    document.getElementById(optionId(active))?.scrollIntoView?.({ block: 'nearest' });
  });

  const settled = query === q && !search.isFetching;
  let status = '';
  if (!q.trim()) status = t('search.hint');
  else if (search.isError) status = describeError(search.error, t);
  else if (settled && search.isSuccess)
    status = flat.length ? t('search.count', { n: fmt.number(flat.length) }) : t('search.nothing');
  else status = t('search.searching');

  let index = -1;
  return (
    <dialog
      ref={ref}
      className="dialog search-dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        if (e.target === ref.current) onClose(); // a click on the backdrop
      }}
    >
      <h2 id={`${id}-title`} className="visually-hidden">
        {t('search.title')}
      </h2>
      <div className="search-box">
        <Icon name="search" />
        <label htmlFor={`${id}-input`} className="visually-hidden">
          {t('search.label')}
        </label>
        <input
          ref={inputRef}
          id={`${id}-input`}
          type="search"
          role="combobox"
          aria-expanded={flat.length > 0}
          aria-controls={`${id}-results`}
          aria-autocomplete="list"
          aria-activedescendant={flat.length ? optionId(active) : undefined}
          aria-describedby={`${id}-status`}
          autoComplete="off"
          spellCheck={false}
          placeholder={t('search.placeholder')}
          value={q}
          maxLength={200}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="icon-button small-icon-button" onClick={onClose}>
          <Icon name="close" size={18} />
          <span className="visually-hidden">{t('search.close')}</span>
        </button>
      </div>
      <div className="search-scopes" role="radiogroup" aria-label={t('search.scope')}>
        {(['all', ...SEARCH_GROUPS] as const).map((s) => (
          <button
            key={s}
            type="button"
            role="radio"
            aria-checked={scope === s}
            className={`chip ${scope === s ? 'is-active' : ''}`}
            onClick={() => {
              setScope(s);
              inputRef.current?.focus();
            }}
          >
            {s === 'all' ? t('search.all') : t(`search.groups.${s}`)}
          </button>
        ))}
      </div>
      <p id={`${id}-status`} className="muted small search-status" role="status" aria-live="polite">
        {status}
      </p>
      <div id={`${id}-results`} role="listbox" aria-label={t('search.results')} className="search-results">
        {groups.map((g) => (
          <div key={g.key} role="group" aria-labelledby={`${id}-group-${g.key}`} className="search-group">
            <div id={`${id}-group-${g.key}`} className="search-group-title" role="presentation">
              {t(`search.groups.${g.key}`)}
            </div>
            {g.hits.map((hit) => {
              index += 1;
              const i = index;
              return (
                <div
                  key={`${hit.type}-${hit.id}`}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === active}
                  className={`search-option ${i === active ? 'is-active' : ''}`}
                  onMouseMove={() => setActive(i)}
                  onClick={() => openHit(hit)}
                >
                  <Icon name={hit.type === 'company' ? 'building' : hit.type === 'person' ? 'person' : 'note'} size={18} />
                  <span className="search-option-text">
                    <span className="search-option-title">{hit.title || `#${hit.id}`}</span>
                    {hit.detail ? <span className="muted small">{hit.detail}</span> : null}
                  </span>
                </div>
              );
            })}
            {pageFull ? (
              <button type="button" className="button button-small button-quiet search-show-all" onClick={() => setScope(g.key)}>
                {t('search.showAll', { group: t(`search.groups.${g.key}`) })}
              </button>
            ) : null}
          </div>
        ))}
        {pageFull && SEARCH_GROUPS.some((g) => !groups.some((x) => x.key === g)) ? (
          <p className="muted small search-more">{t('search.moreInGroups')}</p>
        ) : null}
      </div>
      <p className="muted small search-keys" aria-hidden="true">
        {t('search.keys')}
      </p>
    </dialog>
  );
}

const MIXED_LIMIT = 30;
const SCOPED_LIMIT = 100;

export default SearchDialog;
