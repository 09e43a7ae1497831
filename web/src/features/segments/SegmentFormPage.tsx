// Create or edit a segment: name, description, kind (B2B, B2C, mixed), what it holds
// (companies or people, fixed once created), dynamic or static, and for a dynamic segment the
// filter, built with the filter builder while the live count says how many records match.
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Loading, ProblemAlert } from '../../ui/Alert';
import { SelectField, TextAreaField, TextField, useFocusFirstInvalid } from '../../ui/fields';
import { fieldError } from '../../ui/errors';
import { PageHeader } from '../../ui/Page';
import { LoadSegment } from './LoadSegment';
import { useCustomFields } from '../customers/api';
import type { Entity } from '../customers/types';
import { FilterEditor, useFilterLookup } from '../filters/FilterPanel';
import { emptyGroup, fromFilterJson, toFilterJson, type GroupNode } from '../filters/model';
import {
  SEGMENT_KINDS,
  SEGMENT_TYPES,
  useSaveSegment,
  type Segment,
  type SegmentKind,
  type SegmentType,
  type SegmentWrite,
} from './api';

export function SegmentCreatePage() {
  return <SegmentForm />;
}

export function SegmentEditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  return (
    <LoadSegment id={id} title={t('segments.editTitle')}>
      {(segment) => <SegmentForm key={segment.id} segment={segment} />}
    </LoadSegment>
  );
}

function SegmentForm({ segment }: { segment?: Segment }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const save = useSaveSegment(segment?.id);
  useFocusFirstInvalid(formRef, save.error);
  const [form, setForm] = useState({
    name: segment?.name ?? '',
    description: segment?.description ?? '',
    kind: (segment?.kind ?? 'b2c') as SegmentKind,
    entity: (segment?.entity_type ?? 'person') as Entity,
    type: (segment?.type ?? 'dynamic') as SegmentType,
  });
  const customFields = useCustomFields(form.entity);
  const defs = useMemo(() => customFields.data ?? [], [customFields.data]);
  const lookup = useFilterLookup(form.entity, defs);
  // A saved filter is read into the builder once the custom fields are known.
  const [builder, setBuilder] = useState<GroupNode | null>(segment ? null : emptyGroup());
  const [touched, setTouched] = useState(false);
  const parsed = useMemo(
    () => (segment && !customFields.isPending ? fromFilterJson(segment.filter, lookup) : null),
    [segment, customFields.isPending, lookup],
  );
  const unreadable = !!segment && segment.type === 'dynamic' && !customFields.isPending && parsed === null;
  const root = builder ?? parsed ?? emptyGroup();
  const err = save.error;
  const isDynamic = form.type === 'dynamic';

  const setRoot = (next: GroupNode) => {
    setBuilder(next);
    setTouched(true);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body: SegmentWrite = { name: form.name.trim(), description: form.description, kind: form.kind };
    if (!segment) {
      body.entity_type = form.entity;
      body.type = form.type;
    }
    if (isDynamic && (!segment || touched || !unreadable)) body.filter = toFilterJson(root, lookup) ?? {};
    save.mutate(body, {
      onSuccess: (saved) =>
        navigate(`/segments/${encodeURIComponent(saved.id)}`, {
          state: { flash: t(segment ? 'segments.savedFlash' : 'segments.createdFlash', { name: saved.name }) },
        }),
    });
  };

  const title = segment ? t('segments.editTitle') : t('segments.newTitle');
  const shown = ['name', 'description', 'kind', 'entity_type', 'type'];
  return (
    <section>
      <PageHeader title={title} description={segment ? segment.name : t('segments.newDescription')} />
      <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
        <div aria-live="polite">{err ? <ProblemAlert error={err} fields={shown} /> : null}</div>
        <div className="form-grid">
          <TextField
            label={t('segments.name')}
            name="name"
            required
            maxLength={200}
            value={form.name}
            error={fieldError(err, 'name')}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
          />
          <SelectField
            label={t('segments.kind')}
            name="kind"
            required
            value={form.kind}
            hint={t(`segments.kindHints.${form.kind}`)}
            error={fieldError(err, 'kind')}
            onChange={(e) => setForm({ ...form, kind: e.target.value as SegmentKind })}
            options={SEGMENT_KINDS.map((k) => ({ value: k, label: t(`segments.kinds.${k}`) }))}
          />
          <SelectField
            label={t('segments.entity')}
            name="entity_type"
            required
            value={form.entity}
            disabled={!!segment}
            hint={segment ? t('segments.fixedHint') : undefined}
            error={fieldError(err, 'entity_type')}
            onChange={(e) => {
              setForm({ ...form, entity: e.target.value as Entity });
              setBuilder(emptyGroup()); // the fields differ
            }}
            options={(['person', 'company'] as const).map((x) => ({ value: x, label: t(`segments.entities.${x}`) }))}
          />
          <SelectField
            label={t('segments.type')}
            name="type"
            required
            value={form.type}
            disabled={!!segment}
            hint={t(`segments.typeHints.${form.type}`)}
            error={fieldError(err, 'type')}
            onChange={(e) => setForm({ ...form, type: e.target.value as SegmentType })}
            options={SEGMENT_TYPES.map((x) => ({ value: x, label: t(`segments.types.${x}`) }))}
          />
        </div>
        <TextAreaField
          label={t('segments.descriptionLabel')}
          name="description"
          rows={2}
          maxLength={2000}
          value={form.description}
          error={fieldError(err, 'description')}
          onChange={(e) => setForm({ ...form, description: e.target.value })}
        />
        {isDynamic ? (
          <section className="fieldset" aria-labelledby="segment-filter-title">
            <h2 id="segment-filter-title" className="section-title">
              {t('segments.filterTitle')}
            </h2>
            <p className="field-hint">{t('segments.filterHint')}</p>
            {unreadable && !touched ? <Alert tone="warning">{t('filters.unreadable')}</Alert> : null}
            {customFields.isPending ? (
              <Loading />
            ) : (
              <FilterEditor entity={form.entity} customFields={defs} value={root} onChange={setRoot} />
            )}
          </section>
        ) : (
          <p className="field-hint">{t('segments.staticHint')}</p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {save.isPending ? t('common.saving') : segment ? t('common.save') : t('segments.create')}
          </button>
          <Link to={segment ? `/segments/${encodeURIComponent(segment.id)}` : '/segments'} className="button">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </section>
  );
}
