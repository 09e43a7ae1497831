// The friendly filter builder: groups of conditions ("all of" / "any of", optionally negated)
// over built-in fields, custom fields, tags, owner, team and dates relative to today. It edits
// a GroupNode (model.ts); the caller turns it into the API's JSON with toFilterJson.
import { useId, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Icon } from '../../ui/icons';
import { useBuyerCompanies } from '../customers/api';
import { fieldLabel, optionLabel } from '../customers/display';
import { useDirectory } from '../customers/lookups';
import { recordName } from '../customers/schema';
import type { CustomField, Entity } from '../customers/types';
import {
  addChild,
  changeField,
  emptyGroup,
  LIST_OPS,
  MAX_DEPTH,
  newCondition,
  NO_VALUE_OPS,
  OPS,
  RELATIVE_ANCHORS,
  removeNode,
  splitList,
  updateNode,
  type ConditionNode,
  type FilterField,
  type FilterNode,
  type GroupNode,
} from './model';

interface Ctx {
  entity: Entity;
  fields: FilterField[];
  customFields: CustomField[];
  root: GroupNode;
  onChange: (root: GroupNode) => void;
  labelOf: (f: FilterField | undefined, name: string) => string;
}

export function FilterBuilder({
  entity,
  fields,
  customFields,
  value,
  onChange,
}: {
  entity: Entity;
  fields: FilterField[];
  customFields: CustomField[];
  value: GroupNode;
  onChange: (root: GroupNode) => void;
}) {
  const { t } = useTranslation();
  const labelOf = (f: FilterField | undefined, name: string) => filterFieldLabel(entity, f, name, customFields, t);
  const ctx: Ctx = { entity, fields, customFields, root: value, onChange, labelOf };
  return (
    <div className="filter-builder">
      <GroupEditor ctx={ctx} group={value} depth={1} path={[]} />
    </div>
  );
}

/** Dates and flags word their operators their own way ("is after", "has none"). */
function opPrefix(field: FilterField | undefined): string {
  if (field?.type === 'date' || field?.type === 'datetime') return 'date_';
  if (field?.type === 'flags') return 'flags_';
  return '';
}

export function filterFieldLabel(
  entity: Entity,
  f: FilterField | undefined,
  name: string,
  customFields: CustomField[],
  t: TFunction,
): string {
  if (name === 'created_at') return t('customers.createdAt');
  if (name === 'updated_at') return t('customers.updatedAt');
  if (name === 'flags') return t('filters.flagsField');
  if (f?.source === 'custom' && f.label) return f.label;
  return fieldLabel(entity, name, customFields, t);
}

function GroupEditor({ ctx, group, depth, path }: { ctx: Ctx; group: GroupNode; depth: number; path: number[] }) {
  const { t } = useTranslation();
  const id = useId();
  const isRoot = depth === 1;
  const name = isRoot ? t('filters.rootGroup') : t('filters.groupN', { n: path.map((p) => p + 1).join('.') });
  const set = (change: (g: GroupNode) => GroupNode) =>
    ctx.onChange(updateNode(ctx.root, group.id, (n) => (n.kind === 'group' ? change(n) : n)));
  const firstField = ctx.fields.find((f) => f.name === 'city') ?? ctx.fields[0];
  const mode = group.negate ? (group.join === 'or' ? 'none' : 'notAll') : group.join === 'or' ? 'any' : 'all';
  return (
    <fieldset className={`filter-group ${isRoot ? 'is-root' : ''}`} aria-labelledby={`${id}-legend`}>
      <legend id={`${id}-legend`} className="visually-hidden">
        {name}
      </legend>
      <div className="filter-group-head">
        <label className="field-label" htmlFor={`${id}-join`}>
          {isRoot ? t('filters.matchRoot') : t('filters.matchGroup')}
        </label>
        <select
          id={`${id}-join`}
          value={mode}
          aria-label={t('filters.joinOf', { group: name })}
          onChange={(e) => {
            const v = e.target.value;
            set((g) => ({ ...g, join: v === 'any' || v === 'none' ? 'or' : 'and', negate: v === 'none' || v === 'notAll' }));
          }}
        >
          <option value="all">{t('filters.join.all')}</option>
          <option value="any">{t('filters.join.any')}</option>
          <option value="none">{t('filters.join.none')}</option>
          <option value="notAll">{t('filters.join.notAll')}</option>
        </select>
        {!isRoot ? (
          <button
            type="button"
            className="icon-button small-icon-button push-right"
            onClick={() => ctx.onChange(removeNode(ctx.root, group.id))}
          >
            <Icon name="trash" size={16} />
            <span className="visually-hidden">{t('filters.removeGroup', { group: name })}</span>
          </button>
        ) : null}
      </div>
      {group.children.length === 0 ? <p className="muted small filter-empty">{t('filters.noConditions')}</p> : null}
      <ol className="filter-children">
        {group.children.map((child, i) => (
          <li key={child.id}>
            {child.kind === 'group' ? (
              <GroupEditor ctx={ctx} group={child} depth={depth + 1} path={[...path, i]} />
            ) : (
              <ConditionEditor ctx={ctx} condition={child} n={[...path, i].map((p) => p + 1).join('.')} />
            )}
          </li>
        ))}
      </ol>
      <div className="filter-group-actions">
        <button
          type="button"
          className="button button-small"
          onClick={() => ctx.onChange(addChild(ctx.root, group.id, newCondition(firstField)))}
        >
          <Icon name="plus" size={16} />
          {t('filters.addCondition')}
        </button>
        {depth < MAX_DEPTH ? (
          <button
            type="button"
            className="button button-small button-quiet"
            onClick={() => {
              const g: GroupNode = { ...emptyGroup(group.join === 'and' ? 'or' : 'and') };
              g.children = [newCondition(firstField)];
              ctx.onChange(addChild(ctx.root, group.id, g as FilterNode));
            }}
          >
            <Icon name="plus" size={16} />
            {t('filters.addGroup')}
          </button>
        ) : null}
      </div>
    </fieldset>
  );
}

function ConditionEditor({ ctx, condition, n }: { ctx: Ctx; condition: ConditionNode; n: string }) {
  const { t } = useTranslation();
  const id = useId();
  const field = ctx.fields.find((f) => f.name === condition.field);
  const set = (change: Partial<ConditionNode>) =>
    ctx.onChange(updateNode(ctx.root, condition.id, (c) => ({ ...(c as ConditionNode), ...change })));
  const groups: { key: string; fields: FilterField[] }[] = [
    { key: 'builtin', fields: ctx.fields.filter((f) => f.source === 'builtin') },
    { key: 'record', fields: ctx.fields.filter((f) => f.source === 'record') },
    { key: 'custom', fields: ctx.fields.filter((f) => f.source === 'custom') },
  ];
  const ops = field ? OPS[field.type] : [];
  const needsValue = !NO_VALUE_OPS.includes(condition.op);
  return (
    <div className="filter-condition" role="group" aria-label={t('filters.conditionN', { n })}>
      <div className="field compact">
        <label className="field-label" htmlFor={`${id}-field`}>
          {t('filters.field')}
        </label>
        <select
          id={`${id}-field`}
          value={condition.field}
          onChange={(e) => {
            const to = ctx.fields.find((f) => f.name === e.target.value);
            if (to) ctx.onChange(updateNode(ctx.root, condition.id, (c) => changeField(c as ConditionNode, field, to)));
          }}
        >
          {!field ? <option value={condition.field}>{condition.field}</option> : null}
          {groups
            .filter((g) => g.fields.length > 0)
            .map((g) => (
              <optgroup key={g.key} label={t(`filters.fieldGroups.${g.key}`)}>
                {g.fields.map((f) => (
                  <option key={f.name} value={f.name}>
                    {ctx.labelOf(f, f.name)}
                  </option>
                ))}
              </optgroup>
            ))}
        </select>
      </div>
      <div className="field compact">
        <label className="field-label" htmlFor={`${id}-op`}>
          {t('filters.op')}
        </label>
        <select id={`${id}-op`} value={condition.op} onChange={(e) => set({ op: e.target.value as ConditionNode['op'] })}>
          {ops.map((op) => (
            <option key={op} value={op}>
              {t(`filters.ops.${opPrefix(field)}${op}`)}
            </option>
          ))}
        </select>
      </div>
      {field && needsValue ? (
        <ValueEditor
          id={`${id}-value`}
          field={field}
          op={condition.op}
          value={condition.value}
          value2={condition.value2}
          onChange={(value, value2) => set({ value, value2: value2 ?? condition.value2 })}
        />
      ) : null}
      <button
        type="button"
        className="icon-button small-icon-button filter-remove"
        onClick={() => ctx.onChange(removeNode(ctx.root, condition.id))}
      >
        <Icon name="trash" size={16} />
        <span className="visually-hidden">{t('filters.removeCondition', { n })}</span>
      </button>
    </div>
  );
}

function ValueEditor({
  id,
  field,
  op,
  value,
  value2,
  onChange,
}: {
  id: string;
  field: FilterField;
  op: ConditionNode['op'];
  value: string;
  value2: string;
  onChange: (value: string, value2?: string) => void;
}) {
  const { t } = useTranslation();
  const isList = LIST_OPS.includes(op);
  if (field.type === 'date' || field.type === 'datetime') {
    if (op === 'between') {
      return (
        <>
          <DateValue id={id} label={t('filters.from')} value={value} onChange={(v) => onChange(v)} />
          <DateValue id={`${id}-2`} label={t('filters.to')} value={value2} onChange={(v) => onChange(value, v)} />
        </>
      );
    }
    return <DateValue id={id} label={t('filters.value')} value={value} onChange={(v) => onChange(v)} />;
  }
  if (field.type === 'bool') {
    return (
      <ValueSelect id={id} value={value} onChange={onChange}>
        <option value="true">{t('common.yes')}</option>
        <option value="false">{t('common.no')}</option>
      </ValueSelect>
    );
  }
  if (field.type === 'reference') return <ReferenceValue id={id} field={field} value={value} onChange={onChange} />;
  if (field.type === 'enum' && field.options) {
    const label = (o: string) => (field.optionsKey ? optionLabel(field.optionsKey, o, t) : o);
    if (isList) {
      const chosen = splitList(value);
      return (
        <fieldset className="field compact filter-options">
          <legend className="field-label">{t('filters.values')}</legend>
          {field.options.map((o) => (
            <label key={o} className="compact-check">
              <input
                type="checkbox"
                checked={chosen.includes(o)}
                onChange={(e) => onChange((e.target.checked ? [...chosen, o] : chosen.filter((c) => c !== o)).join(', '))}
              />
              {label(o)}
            </label>
          ))}
        </fieldset>
      );
    }
    return (
      <ValueSelect id={id} value={value} onChange={onChange}>
        {field.options.map((o) => (
          <option key={o} value={o}>
            {label(o)}
          </option>
        ))}
      </ValueSelect>
    );
  }
  const numeric = field.type === 'number';
  const input = (inputId: string, label: string, v: string, set: (v: string) => void) => (
    <div className="field compact filter-value">
      <label className="field-label" htmlFor={inputId}>
        {label}
      </label>
      <input
        id={inputId}
        type="text"
        inputMode={numeric && !isList ? 'decimal' : undefined}
        value={v}
        aria-describedby={isList ? `${inputId}-hint` : undefined}
        onChange={(e) => set(e.target.value)}
      />
      {isList ? (
        <p className="field-hint" id={`${inputId}-hint`}>
          {t('filters.listHint')}
        </p>
      ) : null}
    </div>
  );
  if (op === 'between') {
    return (
      <>
        {input(id, t('filters.from'), value, (v) => onChange(v))}
        {input(`${id}-2`, t('filters.to'), value2, (v) => onChange(value, v))}
      </>
    );
  }
  return input(id, isList ? t('filters.values') : t('filters.value'), value, (v) => onChange(v));
}

function ReferenceValue({
  id,
  field,
  value,
  onChange,
}: {
  id: string;
  field: FilterField;
  value: string;
  onChange: (value: string) => void;
}) {
  const directory = useDirectory();
  const buyers = useBuyerCompanies(field.refers === 'company');
  const options = useMemo(() => {
    if (field.refers === 'user') return directory.users.map((u) => ({ value: u.id, label: u.display_name }));
    if (field.refers === 'team') return directory.teams.map((x) => ({ value: x.id, label: x.name }));
    return (buyers.data ?? []).map((c) => ({ value: c.id, label: recordName(c) }));
  }, [field.refers, directory.users, directory.teams, buyers.data]);
  return (
    <ValueSelect id={id} value={value} onChange={onChange}>
      {value && !options.some((o) => o.value === value) ? <option value={value}>#{value}</option> : null}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </ValueSelect>
  );
}

/** The value as a choice: a labelled select whose first option is "Choose…". */
function ValueSelect({
  id,
  value,
  onChange,
  children,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="field compact">
      <label className="field-label" htmlFor={id}>
        {t('filters.value')}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('customers.choose')}</option>
        {children}
      </select>
    </div>
  );
}

// --- dates: a calendar date, or a date relative to today ------------------------------------

type DateMode = 'date' | 'ago' | 'ahead' | (typeof RELATIVE_ANCHORS)[number];

export function parseDateValue(v: string): { mode: DateMode; date: string; amount: string; unit: string } {
  const rel = /^rel:([+-])(\d*)([dwmy])$/.exec(v);
  if (rel) return { mode: rel[1] === '-' ? 'ago' : 'ahead', date: '', amount: rel[2], unit: rel[3] };
  if (v.startsWith('rel:') && (RELATIVE_ANCHORS as readonly string[]).includes(v.slice(4)))
    return { mode: v.slice(4) as DateMode, date: '', amount: '', unit: 'd' };
  return { mode: 'date', date: v.startsWith('rel:') ? '' : v, amount: '', unit: 'd' };
}

export function formatDateValue(mode: DateMode, date: string, amount: string, unit: string): string {
  if (mode === 'date') return date;
  if (mode === 'ago' || mode === 'ahead') return `rel:${mode === 'ago' ? '-' : '+'}${amount.trim()}${unit}`;
  return `rel:${mode}`;
}

function DateValue({ id, label, value, onChange }: { id: string; label: string; value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  const parsed = parseDateValue(value);
  const set = (p: Partial<typeof parsed>) => {
    const next = { ...parsed, ...p };
    onChange(formatDateValue(next.mode, next.date, next.amount, next.unit));
  };
  const relative = parsed.mode === 'ago' || parsed.mode === 'ahead';
  return (
    <fieldset className="field compact filter-date">
      <legend className="field-label">{label}</legend>
      <select
        id={`${id}-mode`}
        aria-label={t('filters.dateMode', { what: label })}
        value={parsed.mode}
        onChange={(e) => set({ mode: e.target.value as DateMode, amount: parsed.amount || '30' })}
      >
        <option value="date">{t('filters.dateModes.date')}</option>
        <option value="ago">{t('filters.dateModes.ago')}</option>
        <option value="ahead">{t('filters.dateModes.ahead')}</option>
        {RELATIVE_ANCHORS.map((a) => (
          <option key={a} value={a}>
            {t(`filters.dateModes.${a}`)}
          </option>
        ))}
      </select>
      {parsed.mode === 'date' ? (
        <input
          id={id}
          type="date"
          aria-label={t('filters.dateOn', { what: label })}
          value={parsed.date}
          onChange={(e) => set({ date: e.target.value })}
        />
      ) : null}
      {relative ? (
        <span className="filter-relative">
          <input
            id={id}
            type="number"
            min={0}
            inputMode="numeric"
            aria-label={t('filters.amount', { what: label })}
            value={parsed.amount}
            onChange={(e) => set({ amount: e.target.value })}
          />
          <select
            aria-label={t('filters.unit', { what: label })}
            value={parsed.unit}
            onChange={(e) => set({ unit: e.target.value })}
          >
            {(['d', 'w', 'm', 'y'] as const).map((u) => (
              <option key={u} value={u}>
                {t(`filters.units.${u}`)}
              </option>
            ))}
          </select>
        </span>
      ) : null}
    </fieldset>
  );
}
