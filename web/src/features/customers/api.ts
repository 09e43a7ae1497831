// Queries and mutations of companies, people, custom fields, field history and a buyer's consumers.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { fetchAll, useCursorPages } from '../../api/paging';
import type { ResponseOf } from '../../api/types';
import { addAffiliation, normalise, type Affiliation } from './affiliations';
import { ENTITIES } from './schema';
import type { CompanyContact, CustomField, CustomFieldInput, CustomerRecord, Entity, FieldHistory, RecordWrite } from './types';

export const recordsKey = (entity: Entity) => ['records', entity] as const;
export const consumersKey = (companyId: string) => ['consumers', companyId] as const;
export const affiliationsKey = (personId: string) => ['affiliations', personId] as const;
export const contactsKey = (companyId: string) => ['contacts', companyId] as const;
export const customFieldsKey = (entity: Entity) => ['custom-fields', entity] as const;

const base = (entity: Entity) => `/${ENTITIES[entity].path}`;
const one = (entity: Entity, id: string) => `${base(entity)}/${encodeURIComponent(id)}`;

/**
 * Cursor pages of companies or people, for the virtualised list (infinite scroll); `filter` is
 * a filter in the API's JSON filter language (null: every record).
 */
export function useRecordPages(entity: Entity, limit = 100, filter: unknown = null) {
  const filterText = filter === null || filter === undefined ? undefined : JSON.stringify(filter);
  return useCursorPages<CustomerRecord>([...recordsKey(entity), 'list', limit, filterText ?? ''], base(entity), {
    params: { filter: filterText },
    limit,
  });
}

export function useRecord(entity: Entity, id: string | undefined) {
  return useQuery({
    queryKey: [...recordsKey(entity), 'one', id],
    queryFn: ({ signal }) => api.get<CustomerRecord>(one(entity, id ?? ''), { signal }),
    enabled: !!id,
  });
}

export function useSaveRecord(entity: Entity, id?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordWrite) =>
      id ? api.patch<CustomerRecord>(one(entity, id), body) : api.post<CustomerRecord>(base(entity), body),
    onSuccess: (record) => {
      qc.setQueryData([...recordsKey(entity), 'one', record.id], record);
      void qc.invalidateQueries({ queryKey: [...recordsKey(entity), 'list'] });
      void qc.invalidateQueries({ queryKey: [...recordsKey(entity), 'history', record.id] });
      if (entity === 'company') void qc.invalidateQueries({ queryKey: ['buyers'] });
    },
  });
}

export function useDeleteRecord(entity: Entity, id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.del(one(entity, id)),
    onSuccess: () => {
      qc.removeQueries({ queryKey: [...recordsKey(entity), 'one', id] });
      void qc.invalidateQueries({ queryKey: [...recordsKey(entity), 'list'] });
      if (entity === 'company') void qc.invalidateQueries({ queryKey: ['buyers'] });
    },
  });
}

export function useHistory(entity: Entity, id: string, enabled: boolean, limit = 25) {
  return useCursorPages<FieldHistory>([...recordsKey(entity), 'history', id, limit], `${one(entity, id)}/history`, {
    limit,
    enabled,
    staleTime: 0,
  });
}

/**
 * Companies marked as buyers (reseller, distributor, retailer), for the person form's picker
 * and the people list. The API has no filter yet, so this reads the companies page by page.
 */
export function useBuyerCompanies(enabled = true) {
  return useQuery({
    queryKey: ['buyers'],
    queryFn: async ({ signal }) =>
      (await fetchAll<CustomerRecord>('/companies', 5000, signal)).filter((c) => !!c.fields?.buyer_kind),
    staleTime: 5 * 60_000,
    enabled,
  });
}

/**
 * A buyer's consumers that you may read (its B2B2C partition decides; see features/partitions),
 * a page at a time ("Load more").
 */
export function useConsumers(companyId: string, enabled: boolean, limit = 25) {
  return useCursorPages<CustomerRecord>(
    [...consumersKey(companyId), limit],
    `/companies/${encodeURIComponent(companyId)}/consumers`,
    { limit, enabled },
  );
}

// --- affiliations (people <-> companies) -------------------------------------------------------

/** The companies a person is a contact of, with job titles (one primary). */
export function useAffiliations(personId: string | undefined) {
  return useQuery({
    queryKey: affiliationsKey(personId ?? ''),
    queryFn: ({ signal }) =>
      api.get<ResponseOf<'/api/v1/people/{id}/affiliations', 'get'>>(
        `/people/${encodeURIComponent(personId ?? '')}/affiliations`,
        {
          signal,
        },
      ),
    select: (d) => d.items ?? [],
    enabled: !!personId,
  });
}

/** PUT the whole list; `personId` in the variables so one hook serves any person (the company page's picker). */
export function useSaveAffiliations() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ personId, items }: { personId: string; items: Affiliation[] }) =>
      api.put<ResponseOf<'/api/v1/people/{id}/affiliations', 'put'>>(`/people/${encodeURIComponent(personId)}/affiliations`, {
        items: normalise(items),
      }),
    onSuccess: (saved, { personId }) => {
      qc.setQueryData(affiliationsKey(personId), saved);
      void qc.invalidateQueries({ queryKey: ['contacts'] });
      void qc.invalidateQueries({ queryKey: [...recordsKey('person'), 'history', personId] });
    },
  });
}

/** A person's current list, read fresh (the company page adds a contact without showing it). */
export async function readAffiliations(personId: string): Promise<Affiliation[]> {
  const d = await api.get<ResponseOf<'/api/v1/people/{id}/affiliations', 'get'>>(
    `/people/${encodeURIComponent(personId)}/affiliations`,
  );
  return d.items ?? [];
}

/** The company page's "Add contact": the person's current list, read fresh, plus this company. */
export function useAddContact(companyId: string) {
  const save = useSaveAffiliations();
  return useMutation({
    mutationFn: async ({ personId, jobTitle }: { personId: string; jobTitle: string }) =>
      save.mutateAsync({ personId, items: addAffiliation(await readAffiliations(personId), companyId, jobTitle) }),
  });
}

/** A company's contacts that you may read, a page at a time, each with its job title there. */
export function useContacts(companyId: string, limit = 25) {
  return useCursorPages<CompanyContact>(
    [...contactsKey(companyId), limit],
    `/companies/${encodeURIComponent(companyId)}/contacts`,
    {
      limit,
    },
  );
}

export type SearchHit = ResponseOf<'/api/v1/search', 'get'>['items'][number];

/** Search-as-you-type for the pickers: the global search within companies or within people. */
export function useRecordSearch(entity: Entity, q: string, limit = 8) {
  const text = q.trim();
  return useQuery({
    queryKey: ['record-search', entity, text, limit],
    queryFn: ({ signal }) =>
      api.get<ResponseOf<'/api/v1/search', 'get'>>('/search', { query: { q: text, limit, type: entity }, signal }),
    select: (d) => (entity === 'company' ? d.groups.companies : d.groups.people),
    enabled: text.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

// --- custom fields --------------------------------------------------------------------------

export function useCustomFields(entity: Entity) {
  return useQuery({
    queryKey: customFieldsKey(entity),
    queryFn: ({ signal }) => api.get<ResponseOf<'/api/v1/custom-fields/{entity}', 'get'>>(`/custom-fields/${entity}`, { signal }),
    select: (d) => d.items,
    staleTime: 60_000,
  });
}

export function useCreateCustomField(entity: Entity) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CustomFieldInput) => api.post<CustomField>(`/custom-fields/${entity}`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: customFieldsKey(entity) }),
  });
}

export function useDeleteCustomField(entity: Entity) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (key: string) => api.del(`/custom-fields/${entity}/${encodeURIComponent(key)}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: customFieldsKey(entity) }),
  });
}
