// Names of users and teams by id, for showing owners and teams; both lists are small (people
// of one organisation), so they are read whole and cached.
import { useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';
import type { Page } from '@/types/record';
import type { Team, User } from '@/types/user';

async function allUsers(signal: AbortSignal): Promise<User[]> {
  const users: User[] = [];
  let after: string | null = null;
  do {
    const query: string = after ? `&after=${encodeURIComponent(after)}` : '';
    const page: Page<User> = await apiGet<Page<User>>(`/api/v1/users?limit=500${query}`, signal);
    users.push(...page.items);
    after = page.next;
  } while (after);
  return users;
}

export function useUsers() {
  return useQuery({ queryKey: ['users'], queryFn: ({ signal }) => allUsers(signal), staleTime: 5 * 60_000 });
}

export function useTeams() {
  return useQuery({
    queryKey: ['teams'],
    queryFn: async ({ signal }) => (await apiGet<Page<Team>>('/api/v1/teams', signal)).items,
    staleTime: 5 * 60_000,
  });
}
