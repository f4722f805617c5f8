// Signs in and out, keeping the CSRF token and the cached "me" in step with the session cookie.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { setCsrfToken } from '@/lib/csrf';
import { kMeKey } from '@/hooks/use-me';
import { signIn, signOut } from '../api/session';

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ email, password }: { email: string; password: string }) => signIn(email, password),
    onSuccess: (session) => {
      setCsrfToken(session.csrf_token);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      queryClient.setQueryData(kMeKey, session.user);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    // Signing out locally must not depend on the server answering: the cookie may have ended.
    mutationFn: () => signOut().catch(() => undefined),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(kMeKey, null);
    },
  });
}
