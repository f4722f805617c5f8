// The signed-in user, or null when nobody is. A session cookie without the CSRF token that
// sign-in gave (another browser profile's leftovers, cleared storage) counts as signed out,
// because every write would be refused.
import { useQuery } from '@tanstack/react-query';
import { ApiError, apiGet } from '@/lib/api-client';
import { csrfToken } from '@/lib/csrf';
import type { User } from '@/types/user';

export const kMeKey = ['me'] as const;

async function fetchMe(signal: AbortSignal): Promise<User | null> {
  if (!csrfToken()) return null;
  try {
    return await apiGet<User>('/api/v1/me', signal);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: kMeKey, queryFn: ({ signal }) => fetchMe(signal), staleTime: Infinity });
}
