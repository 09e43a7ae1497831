// Queries and mutations of the portfolios area (/portfolios): my portfolio, a user's, the
// manager's view, the reassignment and its log.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useCursorList } from '../../api/paging';
import type {
  PortfolioItem,
  PortfolioKind,
  PortfolioOverview,
  PortfolioReassignment,
  PortfolioReassignmentResult,
  PortfolioSort,
} from './types';

export const portfoliosKey = ['portfolios'] as const;

export interface PortfolioFilter {
  kind: PortfolioKind;
  /** Only customers without contact in so many days; 0: every customer. */
  noContactDays: number;
  sort: PortfolioSort;
}

/** The query parameters of a portfolio page for `filter`. */
export function portfolioParams(filter: PortfolioFilter): Record<string, string | number | undefined> {
  return {
    type: filter.kind === 'all' ? undefined : filter.kind,
    no_contact_days: filter.noContactDays > 0 ? filter.noContactDays : undefined,
    sort: filter.sort === 'neglected' ? undefined : filter.sort,
  };
}

/** My portfolio (`owner` absent) or a user's, page after page. */
export function usePortfolio(filter: PortfolioFilter, owner?: string) {
  const path = owner ? `/portfolios/${encodeURIComponent(owner)}` : '/portfolios/mine';
  return useCursorList<PortfolioItem>([...portfoliosKey, 'list', owner ?? 'mine'], path, portfolioParams(filter), 50);
}

export function useOverview(days: number, enabled = true) {
  return useQuery({
    queryKey: [...portfoliosKey, 'overview', days],
    queryFn: ({ signal }) => api.get<PortfolioOverview>('/portfolios', { query: { days }, signal }),
    enabled,
  });
}

export function useReassignments(enabled = true) {
  const list = useCursorList<PortfolioReassignment>([...portfoliosKey, 'reassignments'], '/portfolios/reassignments', {}, 20);
  return enabled ? list : { ...list, items: [] as PortfolioReassignment[] };
}

export interface ReassignInput {
  from_user_id: string;
  to_user_id: string;
  records?: { type: 'company' | 'person'; id: string }[];
}

export function useReassign() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ReassignInput) => api.post<PortfolioReassignmentResult>('/portfolios/reassign', input),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: portfoliosKey }),
        qc.invalidateQueries({ queryKey: ['desk'] }),
        qc.invalidateQueries({ queryKey: ['companies'] }),
        qc.invalidateQueries({ queryKey: ['people'] }),
      ]),
  });
}
