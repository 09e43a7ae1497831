// A buyer's B2B2C partition: the consumer count, whether you may see the consumers, the grants
// (users and teams who may) and the partner users (the buyer's own people, who see nothing else).
// Every change answers with the partition as it now is. The consumers themselves
// (/companies/{id}/consumers, a customers route) are read with customers' useConsumers.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Schemas } from '../../api/types';
import { consumersKey } from '../customers/api';

/** `grants` and `partners`: admins and owners only. */
export type Partition = Schemas['Partition'];
export type PartitionGrant = NonNullable<Partition['grants']>[number];
export type PartitionPartner = NonNullable<Partition['partners']>[number];
export type GranteeKind = PartitionGrant['grantee_kind'];

export const partitionKey = (companyId: string) => ['partition', companyId] as const;

const base = (companyId: string) => `/companies/${encodeURIComponent(companyId)}/partition`;

export function usePartition(companyId: string) {
  return useQuery({
    queryKey: partitionKey(companyId),
    queryFn: ({ signal }) => api.get<Partition>(base(companyId), { signal }),
  });
}

/** The path of one grant or one partner user (ids are encoded). */
export function grantPath(companyId: string, kind: GranteeKind, granteeId: string): string {
  return `${base(companyId)}/grants/${kind}/${encodeURIComponent(granteeId)}`;
}
export function partnerPath(companyId: string, userId: string): string {
  return `${base(companyId)}/partners/${encodeURIComponent(userId)}`;
}

/** "team:12" <-> { kind: 'team', id: '12' } (the grant picker's option values). */
export function parseGrantee(value: string): { kind: GranteeKind; id: string } | null {
  const m = /^(user|team):(.+)$/.exec(value);
  return m ? { kind: m[1] as GranteeKind, id: m[2] } : null;
}

type Change = { op: 'grant' | 'revoke'; kind: GranteeKind; id: string } | { op: 'addPartner' | 'removePartner'; id: string };

function send(companyId: string, change: Change): Promise<Partition> {
  switch (change.op) {
    case 'grant':
      return api.put<Partition>(grantPath(companyId, change.kind, change.id), {});
    case 'revoke':
      return api.del<Partition>(grantPath(companyId, change.kind, change.id));
    case 'addPartner':
      return api.put<Partition>(partnerPath(companyId, change.id), {});
    case 'removePartner':
      return api.del<Partition>(partnerPath(companyId, change.id));
  }
}

/** One mutation per kind of change, so that each picker shows its own error. */
export function usePartitionChange(companyId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (change: Change) => send(companyId, change),
    onSuccess: (partition) => {
      qc.setQueryData(partitionKey(companyId), partition);
      // Who sees which consumers changed: lists and counts may differ now.
      void qc.invalidateQueries({ queryKey: consumersKey(companyId) });
      void qc.invalidateQueries({ queryKey: ['records', 'person'] });
    },
  });
}

export type VisibleNames = Schemas['VisibleNames'];

/**
 * GET /names: the names of the users and teams the signed-in user may read. For a buyer's
 * partner user, who may not list the staff, it names who owns their records, their teams, and
 * who wrote or is assigned their timeline entries.
 */
export function useVisibleNames(enabled: boolean) {
  return useQuery({
    queryKey: ['names'],
    queryFn: ({ signal }) => api.get<VisibleNames>('/names', { signal }),
    enabled,
    staleTime: 60_000,
  });
}
