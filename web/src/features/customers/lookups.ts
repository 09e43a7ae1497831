// Names for the ids a record carries: users (owner, assignee, who changed what), teams, and
// the provenance references ("user:12", "api_key:3", "connector:ERP").
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAllTeams } from '../teams/api';
import { useAllUsers } from '../identity/api';
import { useVisibleNames } from '../partitions/api';
import { useOptionalSession } from '../../auth/session';
import { isPartner } from '../../auth/permissions';

export function useDirectory() {
  const { t } = useTranslation();
  const users = useAllUsers();
  const teams = useAllTeams();
  // A partner user may not list the staff: the server names who their records mention (GET /names).
  const names = useVisibleNames(isPartner(useOptionalSession()));
  return useMemo(() => {
    const userById = new Map<string, { display_name: string }>((names.data?.users ?? []).map((u) => [u.id, u]));
    for (const u of users.data ?? []) userById.set(u.id, u);
    const teamById = new Map<string, { name: string }>((names.data?.teams ?? []).map((x) => [x.id, x]));
    for (const x of teams.data ?? []) teamById.set(x.id, x);
    const userName = (id: string | null | undefined) =>
      !id ? '' : (userById.get(id)?.display_name ?? t('customers.unknownUser', { id }));
    const teamName = (id: string | null | undefined) =>
      !id ? '' : (teamById.get(id)?.name ?? t('customers.unknownTeam', { id }));
    /** A provenance or history reference in words. */
    const refLabel = (ref: string | null | undefined): string => {
      if (!ref) return '';
      const [kind, ...rest] = ref.split(':');
      const value = rest.join(':');
      if (kind === 'user' && value) return userName(value);
      if (kind === 'api_key' && value) return t('provenance.refApiKey', { id: value });
      if (kind === 'connector' && value) return value;
      return ref;
    };
    return {
      users: users.data ?? [],
      teams: teams.data ?? [],
      loading: users.isPending || teams.isPending,
      userName,
      teamName,
      refLabel,
    };
  }, [users.data, teams.data, names.data, users.isPending, teams.isPending, t]);
}

export type Directory = ReturnType<typeof useDirectory>;
