// A filter (the API's JSON filter language) said in words, for the line above a list:
// "Country is Italy · Tags has the tag vip". The words come from the caller (translated
// labels of fields, operators and values), so this stays a pure function.

export interface SummaryWords {
  /** A field's label ("Country"). */
  field: (name: string) => string;
  /** An operator's words for that field ("is", "is after"). */
  op: (op: string, field: string) => string;
  /** A value as the field shows it ("Italy" for IT). */
  value: (field: string, value: unknown) => string;
  /** Joins the conditions of a nested group: "and", "or". */
  and: string;
  or: string;
  /** "not (…)". */
  not: (inner: string) => string;
}

type Node = Record<string, unknown>;

const isNode = (v: unknown): v is Node => !!v && typeof v === 'object' && !Array.isArray(v);

/** How many conditions a filter holds. */
export function countConditions(filter: unknown): number {
  if (Array.isArray(filter)) return filter.reduce((n: number, f) => n + countConditions(f), 0);
  if (!isNode(filter)) return 0;
  if ('field' in filter) return 1;
  return countConditions(filter.and) + countConditions(filter.or) + countConditions(filter.not);
}

function condition(c: Node, w: SummaryWords): string {
  const field = String(c.field);
  const op = String(c.op ?? 'eq');
  const head = `${w.field(field)} ${w.op(op, field)}`;
  if (op === 'is_empty' || op === 'is_not_empty') return head;
  const v = c.value;
  if (op === 'between' && Array.isArray(v) && v.length === 2) {
    return `${head} ${w.value(field, v[0])} – ${w.value(field, v[1])}`;
  }
  if (Array.isArray(v)) return `${head} ${v.map((x) => w.value(field, x)).join(', ')}`;
  return `${head} ${w.value(field, v)}`;
}

function said(node: unknown, w: SummaryWords, nested: boolean): string {
  if (!isNode(node)) return '';
  if ('field' in node) return condition(node, w);
  if (Array.isArray(node.and) || Array.isArray(node.or)) {
    const or = Array.isArray(node.or);
    const parts = ((or ? node.or : node.and) as unknown[]).map((n) => said(n, w, true)).filter(Boolean);
    if (parts.length === 1) return parts[0];
    const text = parts.join(` ${or ? w.or : w.and} `);
    return nested ? `(${text})` : text;
  }
  if ('not' in node) return w.not(said(node.not, w, true));
  return '';
}

/**
 * The filter's conditions in words, one part per condition of the top-level "and" (a nested
 * group or an "or" is one part): join them with " · " to show them.
 */
export function summaryParts(filter: unknown, w: SummaryWords): string[] {
  if (!isNode(filter)) return [];
  if (Array.isArray(filter.and)) return (filter.and as unknown[]).map((n) => said(n, w, false)).filter(Boolean);
  const one = said(filter, w, false);
  return one ? [one] : [];
}
