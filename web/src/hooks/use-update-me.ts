// Saves the signed-in user's own preferences (PATCH /api/v1/me under If-Match) and applies them
// at once: the language to the UI and <html lang>, the time zone to every date shown.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiRequest } from '@/lib/api-client';
import { setDisplayTimeZone } from '@/lib/format';
import { changeLanguage } from '@/lib/i18n';
import type { User } from '@/types/user';
import { kMeKey } from './use-me';

export type MePreferences = { language?: string | null; time_zone?: string | null };

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (changes: MePreferences) => {
      if (changes.language) void changeLanguage(changes.language);
      const me = queryClient.getQueryData<User | null>(kMeKey);
      const send = (etag: string) => apiRequest<User>('/api/v1/me', { method: 'PATCH', body: changes, ifMatch: etag });
      try {
        return (await send(`"${me?.version ?? 0}"`)).data;
      } catch (error) {
        // Another tab changed a preference since: these fields are set whole, so send them
        // again on top of the current version.
        if (!(error instanceof ApiError) || error.status !== 412) throw error;
        const fresh = await apiRequest<User>('/api/v1/me');
        return (await send(fresh.etag ?? `"${fresh.data.version}"`)).data;
      }
    },
    onSuccess: (user) => {
      setDisplayTimeZone(user.time_zone);
      queryClient.setQueryData(kMeKey, user);
    },
  });
}
