// The plan editor's logic, kept apart from the page so it can be tested: a plan's entries as
// an editable draft (numbers kept as the text typed), and the draft back as the request body.
import type { PlanEntry, PlanInput } from './api';

export const RELATIONSHIP_TYPES = [
  'personal_assistance',
  'dedicated_assistance',
  'self_service',
  'automated',
  'community',
  'co_creation',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];
export const MOTIVATIONS = ['acquisition', 'retention', 'upselling'] as const;
export type Motivation = (typeof MOTIVATIONS)[number];
export const METRICS = [
  'first_response_business_hours',
  'resolution_business_hours',
  'csat_average',
  'nps',
  'owner_coverage_share',
  'contact_interval_days',
  'retention_rate',
  'interactions_per_customer',
  'sla_compliance_share',
] as const;
export type Metric = (typeof METRICS)[number];
export const CHANNELS = ['email', 'phone', 'chat', 'in_person', 'web', 'social', 'letter', 'web_form', 'whatsapp'] as const;
export const MEASURES = ['interactions_per_100_customers', 'customers_touched_percent'] as const;
export type Measure = (typeof MEASURES)[number];
export type Comparator = 'at_most' | 'at_least';

/** Times and intervals are good when low; scores, shares and rates when high. */
export function defaultComparator(metric: Metric): Comparator {
  return metric === 'first_response_business_hours' ||
    metric === 'resolution_business_hours' ||
    metric === 'contact_interval_days'
    ? 'at_most'
    : 'at_least';
}

export interface TargetDraft {
  metric: Metric;
  comparator: Comparator;
  value: string;
}

export interface EntryDraft {
  relationship_type: RelationshipType;
  motivation: Motivation;
  team_id: string;
  channels: string[];
  note: string;
  targets: TargetDraft[];
  measure: Measure;
  threshold: string;
}

export function toDraft(entries: PlanEntry[]): EntryDraft[] {
  return entries.map((e) => ({
    relationship_type: e.relationship_type,
    motivation: e.motivation,
    team_id: e.team_id ?? '',
    channels: [...e.channels],
    note: e.note,
    targets: e.targets.map((t) => ({ metric: t.metric, comparator: t.comparator, value: String(t.value) })),
    measure: e.threshold.measure,
    threshold: String(e.threshold.value),
  }));
}

/** The types not yet in the draft, in their canonical order. */
export function availableTypes(draft: EntryDraft[]): RelationshipType[] {
  return RELATIONSHIP_TYPES.filter((t) => !draft.some((e) => e.relationship_type === t));
}

export function newEntry(type: RelationshipType): EntryDraft {
  return {
    relationship_type: type,
    motivation: 'acquisition',
    team_id: '',
    channels: [],
    note: '',
    targets: [],
    measure: 'interactions_per_100_customers',
    threshold: '10',
  };
}

export function addEntry(draft: EntryDraft[], type: RelationshipType): EntryDraft[] {
  if (draft.some((e) => e.relationship_type === type)) return draft;
  return [...draft, newEntry(type)];
}

export function removeEntry(draft: EntryDraft[], index: number): EntryDraft[] {
  return draft.filter((_, i) => i !== index);
}

export function updateEntry(draft: EntryDraft[], index: number, change: Partial<EntryDraft>): EntryDraft[] {
  return draft.map((e, i) => (i === index ? { ...e, ...change } : e));
}

export function toggleChannel(entry: EntryDraft, channel: string): EntryDraft {
  const channels = entry.channels.includes(channel)
    ? entry.channels.filter((c) => c !== channel)
    : CHANNELS.filter((c) => c === channel || entry.channels.includes(c));
  return { ...entry, channels };
}

export function addTarget(entry: EntryDraft, metric: Metric): EntryDraft {
  return { ...entry, targets: [...entry.targets, { metric, comparator: defaultComparator(metric), value: '' }] };
}

export function updateTarget(entry: EntryDraft, index: number, change: Partial<TargetDraft>): EntryDraft {
  const targets = entry.targets.map((t, i) => {
    if (i !== index) return t;
    const next = { ...t, ...change };
    // A new metric brings its usual comparison unless one was given with it.
    if (change.metric && !change.comparator) next.comparator = defaultComparator(change.metric);
    return next;
  });
  return { ...entry, targets };
}

export function removeTarget(entry: EntryDraft, index: number): EntryDraft {
  return { ...entry, targets: entry.targets.filter((_, i) => i !== index) };
}

/**
 * A number typed in a field: the number, or the text itself when it is not one, so the server
 * names what is wrong with it (at its pointer) rather than the form guessing.
 */
function numberOrText(text: string): number {
  const trimmed = text.trim().replace(',', '.');
  const n = trimmed === '' ? NaN : Number(trimmed);
  return Number.isFinite(n) ? n : (text as unknown as number);
}

export function toInput(draft: EntryDraft[], expectedVersion: number, comment: string): PlanInput {
  return {
    expected_version: expectedVersion,
    comment: comment.trim(),
    entries: draft.map((e) => ({
      relationship_type: e.relationship_type,
      motivation: e.motivation,
      team_id: e.team_id || null,
      channels: e.channels as PlanInput['entries'][number]['channels'],
      note: e.note.trim(),
      targets: e.targets.map((t) => ({ metric: t.metric, comparator: t.comparator, value: numberOrText(t.value) })),
      threshold: { measure: e.measure, value: numberOrText(e.threshold) },
    })),
  };
}

/** Whether the draft differs from the saved entries (what a save would change). */
export function isDirty(draft: EntryDraft[], saved: PlanEntry[]): boolean {
  return JSON.stringify(toInput(draft, 0, '').entries) !== JSON.stringify(toInput(toDraft(saved), 0, '').entries);
}

/** The relationship types whose motivation differs between two versions' entries (for a version's view). */
export function motivationChanges(
  before: PlanEntry[],
  after: PlanEntry[],
): { type: string; from: string | null; to: string | null }[] {
  const out: { type: string; from: string | null; to: string | null }[] = [];
  for (const type of RELATIONSHIP_TYPES) {
    const from = before.find((e) => e.relationship_type === type)?.motivation ?? null;
    const to = after.find((e) => e.relationship_type === type)?.motivation ?? null;
    if (from !== to) out.push({ type, from, to });
  }
  return out;
}
