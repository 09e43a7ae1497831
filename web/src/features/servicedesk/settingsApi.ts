// Queries and mutations of the service desk's workspace settings that are not mailboxes or
// canned replies: the public contact form (admins) and each team's assignment mode (managers).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { deskKey } from './api';
import type { AssignmentMode, TeamAssignment } from './assignment';
import type { ContactFormInput, ContactFormSettings } from './contactForm';

export const contactFormKey = [...deskKey, 'contact-form'] as const;
export const assignmentKey = (teamId: string) => [...deskKey, 'assignment', teamId] as const;

const assignmentPath = (teamId: string) => `/service-desk/assignment/${encodeURIComponent(teamId)}`;

export function useContactForm() {
  return useQuery({
    queryKey: contactFormKey,
    queryFn: ({ signal }) => api.get<ContactFormSettings>('/contact-form', { signal }),
  });
}

export function useSaveContactForm() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ContactFormInput) => api.put<ContactFormSettings>('/contact-form', input),
    onSuccess: (saved) => qc.setQueryData(contactFormKey, saved),
  });
}

export function useTeamAssignment(teamId: string, enabled = true) {
  return useQuery({
    queryKey: assignmentKey(teamId),
    queryFn: ({ signal }) => api.get<TeamAssignment>(assignmentPath(teamId), { signal }),
    enabled,
  });
}

export function useSaveTeamAssignment(teamId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (mode: AssignmentMode) => api.put<TeamAssignment>(assignmentPath(teamId), { mode }),
    onSuccess: (saved) => qc.setQueryData(assignmentKey(teamId), saved),
  });
}
