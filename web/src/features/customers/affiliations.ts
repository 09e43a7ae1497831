// A person's affiliations (B2B contact of companies, each with a job title; one primary), as the
// API reads and replaces them whole (GET/PUT /people/{id}/affiliations). The changes the record
// pages make are pure functions of the current list, so the list sent back is easy to check.
import type { ResponseOf } from '../../api/types';

export type Affiliation = NonNullable<ResponseOf<'/api/v1/people/{id}/affiliations', 'get'>['items']>[number];

/** Clean a list for PUT: trimmed titles, one entry per company, exactly one primary (when any). */
export function normalise(list: Affiliation[]): Affiliation[] {
  const seen = new Set<string>();
  const out: Affiliation[] = [];
  for (const a of list) {
    if (!a.company_id || seen.has(a.company_id)) continue;
    seen.add(a.company_id);
    out.push({ company_id: a.company_id, job_title: (a.job_title ?? '').trim(), is_primary: !!a.is_primary });
  }
  const primary = out.findIndex((a) => a.is_primary);
  return out.map((a, i) => ({ ...a, is_primary: primary === -1 ? i === 0 : i === primary }));
}

/** Add a company (or update its title when the person is already its contact); the first is primary. */
export function addAffiliation(list: Affiliation[], companyId: string, jobTitle: string): Affiliation[] {
  if (list.some((a) => a.company_id === companyId)) return setJobTitle(list, companyId, jobTitle);
  return normalise([...list, { company_id: companyId, job_title: jobTitle, is_primary: false }]);
}

export function setJobTitle(list: Affiliation[], companyId: string, jobTitle: string): Affiliation[] {
  return normalise(list.map((a) => (a.company_id === companyId ? { ...a, job_title: jobTitle } : a)));
}

/** Remove a company; when it was the primary one, the first one left becomes primary. */
export function removeAffiliation(list: Affiliation[], companyId: string): Affiliation[] {
  return normalise(list.filter((a) => a.company_id !== companyId));
}

export function makePrimary(list: Affiliation[], companyId: string): Affiliation[] {
  return normalise(list.map((a) => ({ ...a, is_primary: a.company_id === companyId })));
}

/**
 * Where to go back after creating a person from a company's page (`?return=`): only a path of
 * this app (one leading slash), never another site.
 */
export function safeReturnPath(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return null;
  return value;
}
