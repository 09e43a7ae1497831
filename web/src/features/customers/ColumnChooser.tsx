// "Columns": which columns the list shows and in which order, saved in this browser.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/icons';
import { moveColumn, toggleColumn } from './views';
import { useFormat } from '../../i18n/format';

export function ColumnChooser({
  available,
  columns,
  labelOf,
  onChange,
  onReset,
}: {
  available: string[];
  columns: string[];
  labelOf: (id: string) => string;
  onChange: (columns: string[]) => void;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [open, setOpen] = useState(false);
  const id = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    const onPointer = (e: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  // Shown columns first (in their order), then the others.
  const ordered = [...columns, ...available.filter((c) => !columns.includes(c))];

  return (
    <div className="column-chooser" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={() => setOpen((o) => !o)}
      >
        <Icon name="columns" size={18} />
        {t('customers.columns.button', { n: fmt.number(columns.length) })}
      </button>
      <div id={`${id}-panel`} className="column-panel" hidden={!open}>
        <fieldset className="column-fieldset">
          <legend>{t('customers.columns.legend')}</legend>
          <p className="field-hint">{t('customers.columns.hint')}</p>
          <ul className="column-list">
            {ordered.map((c) => {
              const shown = columns.includes(c);
              const i = columns.indexOf(c);
              const label = labelOf(c);
              return (
                <li key={c} className={shown ? 'is-shown' : ''}>
                  <input
                    id={`${id}-${c}`}
                    type="checkbox"
                    checked={shown}
                    onChange={(e) => onChange(toggleColumn(columns, c, e.target.checked))}
                  />
                  <label htmlFor={`${id}-${c}`}>{label}</label>
                  {shown ? (
                    <span className="column-move">
                      <button
                        type="button"
                        className="icon-button small-icon-button"
                        disabled={i === 0}
                        onClick={() => onChange(moveColumn(columns, c, -1))}
                      >
                        <Icon name="up" size={16} />
                        <span className="visually-hidden">{t('customers.columns.moveEarlier', { column: label })}</span>
                      </button>
                      <button
                        type="button"
                        className="icon-button small-icon-button"
                        disabled={i === columns.length - 1}
                        onClick={() => onChange(moveColumn(columns, c, 1))}
                      >
                        <Icon name="down" size={16} />
                        <span className="visually-hidden">{t('customers.columns.moveLater', { column: label })}</span>
                      </button>
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </fieldset>
        <div className="column-panel-actions">
          <button type="button" className="button button-small" onClick={onReset}>
            {t('customers.columns.reset')}
          </button>
          <button
            type="button"
            className="button button-small button-primary"
            onClick={() => {
              setOpen(false);
              buttonRef.current?.focus();
            }}
          >
            {t('customers.columns.done')}
          </button>
        </div>
      </div>
    </div>
  );
}
