// Guards the signed-in part of the app: nobody signed in (or a session that just ended) goes to
// the sign-in page, which brings them back here afterwards; the user's own language and time
// zone, when they chose them, apply before anything is shown.
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { PageLoader } from '@/components/page-loader';
import { onUnauthenticated } from '@/lib/api-client';
import { setDisplayTimeZone } from '@/lib/format';
import { changeLanguage } from '@/lib/i18n';
import { kMeKey, useMe } from '@/hooks/use-me';

export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  const queryClient = useQueryClient();

  const { i18n } = useTranslation();
  const language = me.data?.language ?? null;

  useEffect(() => onUnauthenticated(() => queryClient.setQueryData(kMeKey, null)), [queryClient]);
  // The language stored on the user wins over this browser's choice; it is applied when it
  // arrives (sign-in, a reload), not on every render, so a choice being saved is not undone.
  useEffect(() => {
    if (language && language !== i18n.language) void changeLanguage(language);
  }, [language, me.data?.id]);
  // Set while rendering so that the first dates painted are already in the user's zone.
  setDisplayTimeZone(me.data?.time_zone);

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
