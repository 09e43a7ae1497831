// How many records a filter matches (GET /companies/count or /people/count), asked again a
// moment after the filter stops changing.
import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ResponseOf } from '../../api/types';
import { ENTITIES } from '../customers/schema';
import type { Entity } from '../customers/types';

/** `value`, once it has not changed for `ms`. */
export function useDebounced<T>(value: T, ms = 400): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** The filter as the `?filter=` parameter (JSON text), or undefined for "every record". */
export function filterParam(filter: unknown): string | undefined {
  return filter === null || filter === undefined ? undefined : JSON.stringify(filter);
}

export function useFilterCount(entity: Entity, filter: unknown, enabled = true, ms = 400) {
  const param = useDebounced(filterParam(filter), ms);
  return useQuery({
    queryKey: ['records', entity, 'count', param ?? ''],
    queryFn: ({ signal }) =>
      api.get<ResponseOf<'/api/v1/companies/count', 'get'>>(`/${ENTITIES[entity].path}/count`, {
        query: { filter: param },
        signal,
      }),
    select: (d) => d.count,
    placeholderData: keepPreviousData,
    staleTime: 5_000,
    enabled,
  });
}
