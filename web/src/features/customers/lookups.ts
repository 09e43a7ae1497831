// Names for the ids a record carries: users (owner, assignee, who changed what), teams, and
// the provenance references ("user:12", "api_key:3", "connector:ERP").
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAllTeams } from '../teams/api';
import { useAllUsers } from '../identity/api';

export function useDirectory() {
  const { t } = useTranslation();
  const users = useAllUsers();
  const teams = useAllTeams();
  return useMemo(() => {
    const userById = new Map((users.data ?? []).map((u) => [u.id, u]));
    const teamById = new Map((teams.data ?? []).map((x) => [x.id, x]));
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
  }, [users.data, teams.data, users.isPending, teams.isPending, t]);
}

export type Directory = ReturnType<typeof useDirectory>;
