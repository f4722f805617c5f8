// The record kinds from GET /api/v1/meta, which the navigation, lists and forms are built from.
import { useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';
import type { KindMeta, Meta } from '@/types/meta';

export function useMeta() {
  return useQuery({
    queryKey: ['meta'],
    queryFn: ({ signal }) => apiGet<Meta>('/api/v1/meta', signal),
    staleTime: 5 * 60_000,
  });
}

export function useKind(kind: string | undefined): { kind: KindMeta | undefined; isLoading: boolean; error: unknown } {
  const meta = useMeta();
  return {
    kind: meta.data?.kinds.find((k) => k.kind === kind),
    isLoading: meta.isLoading,
    error: meta.error,
  };
}
