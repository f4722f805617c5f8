// Renders a screen once the route's kind is known: a loader meanwhile, "not found" for a kind
// the metadata does not list (or the user may not read).
import type { ReactNode } from 'react';
import { ErrorState } from '@/components/error-state';
import { PageLoader } from '@/components/page-loader';
import type { KindMeta } from '@/types/meta';
import NotFoundRoute from './not-found-route';
import { useRouteKind } from './use-route-kind';

export function KindGate({ children }: { children: (kind: KindMeta) => ReactNode }) {
  const { kind, isLoading, error } = useRouteKind();
  if (isLoading) return <PageLoader />;
  if (error) return <ErrorState error={error} />;
  if (!kind) return <NotFoundRoute />;
  return <>{children(kind)}</>;
}
