// Queries and writes of the admin settings. A change also refreshes the app-wide directory of
// users and teams (keys "users" and "teams"), which shows names elsewhere.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { User } from '@/types/user';
import {
  createCustomField,
  createTeam,
  createUser,
  deleteCustomField,
  deleteTeam,
  listAudit,
  listCustomFields,
  listTeams,
  listUsers,
  renameTeam,
  unlockUser,
  updateCustomField,
  updateUser,
} from '../api/settings';
import type { AuditFilter, CustomField, CustomFieldCreate, CustomFieldUpdate, Entity, TeamRow, UserCreate, UserUpdate } from '../types/settings';

export function useUserPages() {
  return useInfiniteQuery({
    queryKey: ['settings', 'users'],
    queryFn: ({ pageParam, signal }) => listUsers(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next,
  });
}

function useRefresh(...keys: string[][]) {
  const queryClient = useQueryClient();
  return () => Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

export function useCreateUser() {
  const refresh = useRefresh(['settings', 'users'], ['users']);
  return useMutation({ mutationFn: (body: UserCreate) => createUser(body), onSuccess: refresh });
}

export function useUpdateUser() {
  const refresh = useRefresh(['settings', 'users'], ['users']);
  return useMutation({ mutationFn: ({ user, body }: { user: User; body: UserUpdate }) => updateUser(user, body), onSuccess: refresh });
}

export function useUnlockUser() {
  const refresh = useRefresh(['settings', 'users'], ['users']);
  return useMutation({ mutationFn: (id: number) => unlockUser(id), onSuccess: refresh });
}

export function useTeamRows() {
  return useQuery({ queryKey: ['settings', 'teams'], queryFn: ({ signal }) => listTeams(signal) });
}

export function useCreateTeam() {
  const refresh = useRefresh(['settings', 'teams'], ['teams']);
  return useMutation({ mutationFn: (name: string) => createTeam(name), onSuccess: refresh });
}

export function useRenameTeam() {
  const refresh = useRefresh(['settings', 'teams'], ['teams']);
  return useMutation({ mutationFn: ({ team, name }: { team: TeamRow; name: string }) => renameTeam(team, name), onSuccess: refresh });
}

export function useDeleteTeam() {
  const refresh = useRefresh(['settings', 'teams'], ['teams']);
  return useMutation({ mutationFn: (team: TeamRow) => deleteTeam(team), onSuccess: refresh });
}

export function useCustomFields(entity: Entity) {
  return useQuery({ queryKey: ['settings', 'custom-fields', entity], queryFn: ({ signal }) => listCustomFields(entity, signal) });
}

// The metadata ("meta") describes custom fields to the record screens, so it is refreshed too.
export function useCreateCustomField() {
  const refresh = useRefresh(['settings', 'custom-fields'], ['meta']);
  return useMutation({ mutationFn: (body: CustomFieldCreate) => createCustomField(body), onSuccess: refresh });
}

export function useUpdateCustomField() {
  const refresh = useRefresh(['settings', 'custom-fields'], ['meta']);
  return useMutation({
    mutationFn: ({ field, body }: { field: CustomField; body: CustomFieldUpdate }) => updateCustomField(field, body),
    onSuccess: refresh,
  });
}

export function useDeleteCustomField() {
  const refresh = useRefresh(['settings', 'custom-fields'], ['meta']);
  return useMutation({ mutationFn: (field: CustomField) => deleteCustomField(field), onSuccess: refresh });
}

export function useAuditPages(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: ['settings', 'audit', filter],
    queryFn: ({ pageParam, signal }) => listAudit(filter, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next,
  });
}
