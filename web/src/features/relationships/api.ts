// Relationship plans (the server's relationships area: /relationship-plans/...): every
// segment's plan summary, a segment's current plan, its versions and each entry's motivation
// history, and saving a new version.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Schemas } from '../../api/types';

export type PlanSummary = Schemas['RelationshipPlanSummary'];
export type Plan = Schemas['RelationshipPlan'];
export type PlanVersion = Schemas['RelationshipPlanVersion'];
export type PlanEntry = Schemas['RelationshipPlanEntry'];
export type PlanInput = Schemas['RelationshipPlanInput'];
export type MotivationHistory = Schemas['RelationshipMotivationHistory'];
export type Vocabulary = Schemas['RelationshipPlanVocabulary'];

export const plansKey = ['relationship-plans'] as const;
const base = '/relationship-plans';
const segmentPath = (segmentId: string) => `${base}/${encodeURIComponent(segmentId)}`;

export function usePlans() {
  return useQuery({
    queryKey: [...plansKey, 'list'],
    queryFn: ({ signal }) => api.get<{ items: PlanSummary[] }>(base, { signal }),
    select: (d) => d.items,
  });
}

export function usePlan(segmentId: string) {
  return useQuery({
    queryKey: [...plansKey, 'plan', segmentId],
    queryFn: ({ signal }) => api.get<Plan>(segmentPath(segmentId), { signal }),
  });
}

export function useVersions(segmentId: string) {
  return useQuery({
    queryKey: [...plansKey, 'versions', segmentId],
    queryFn: ({ signal }) => api.get<{ items: PlanVersion[] }>(`${segmentPath(segmentId)}/versions`, { signal }),
    select: (d) => d.items,
  });
}

export function useVersion(segmentId: string, version: number) {
  return useQuery({
    queryKey: [...plansKey, 'version', segmentId, version],
    queryFn: ({ signal }) => api.get<PlanVersion>(`${segmentPath(segmentId)}/versions/${version}`, { signal }),
    enabled: Number.isInteger(version) && version >= 1,
  });
}

export function useMotivationHistory(segmentId: string) {
  return useQuery({
    queryKey: [...plansKey, 'motivations', segmentId],
    queryFn: ({ signal }) => api.get<{ items: MotivationHistory[] }>(`${segmentPath(segmentId)}/motivation-history`, { signal }),
    select: (d) => d.items,
  });
}

export function useVocabulary() {
  return useQuery({
    queryKey: [...plansKey, 'vocabulary'],
    queryFn: ({ signal }) => api.get<Vocabulary>(`${base}/vocabulary`, { signal }),
    staleTime: Infinity,
  });
}

/**
 * Saves a new version. `onSaved` runs before the plan reloads: the editor that saved starts
 * again from the new version (a new component), so a callback given to `mutate` could be lost.
 */
export function useSavePlan(segmentId: string, onSaved?: (version: PlanVersion) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: PlanInput) => api.put<PlanVersion>(segmentPath(segmentId), input),
    onSuccess: (version) => {
      onSaved?.(version);
      return qc.invalidateQueries({ queryKey: plansKey });
    },
  });
}
