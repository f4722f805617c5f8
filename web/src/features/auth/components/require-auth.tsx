// Guards the signed-in part of the app: nobody signed in (or a session that just ended) goes to
// the sign-in page, which brings them back here afterwards.
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { PageLoader } from '@/components/page-loader';
import { onUnauthenticated } from '@/lib/api-client';
import { kMeKey, useMe } from '@/hooks/use-me';

export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  const queryClient = useQueryClient();

  useEffect(() => onUnauthenticated(() => queryClient.setQueryData(kMeKey, null)), [queryClient]);

  if (me.isLoading) {
    return <PageLoader fullScreen />;
  }
  if (me.isError) return <ErrorState error={me.error} onRetry={() => me.refetch()} />;
  if (!me.data) {
    const from = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to="/sign-in" replace state={{ from }} />;
  }
  return <>{children}</>;
}
