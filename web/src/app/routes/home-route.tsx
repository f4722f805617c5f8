// The start page: the first kind's list (contacts), until a dashboard exists.
import { Navigate } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { PageLoader } from '@/components/page-loader';
import { useMeta } from '@/hooks/use-meta';

export function HomeRoute() {
  const meta = useMeta();
  if (meta.isPending) return <PageLoader />;
  if (meta.isError) return <ErrorState error={meta.error} onRetry={() => meta.refetch()} />;
  const first = meta.data.kinds[0];
  return first ? <Navigate to={`/r/${first.kind}`} replace /> : null;
}
