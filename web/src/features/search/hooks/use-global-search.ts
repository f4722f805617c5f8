// Searches every kind the caller may read and that takes q, all at once, as the user types.
import { useQueries } from '@tanstack/react-query';
import { useMeta } from '@/hooks/use-meta';
import type { KindMeta } from '@/types/meta';
import type { RecordData } from '@/types/record';
import { searchKind } from '../api/search';

export type KindResults = { kind: KindMeta; items: RecordData[]; isLoading: boolean; error: unknown };

export function useGlobalSearch(q: string): KindResults[] {
  const meta = useMeta();
  const kinds = (meta.data?.kinds ?? []).filter((k) => k.search && k.permissions.read !== null);
  const text = q.trim();
  const results = useQueries({
    queries: kinds.map((kind) => ({
      queryKey: ['search', kind.collection, text],
      queryFn: ({ signal }: { signal: AbortSignal }) => searchKind(kind.collection, text, signal),
      enabled: text.length > 0,
      staleTime: 10_000,
    })),
  });
  return kinds.map((kind, i) => ({
    kind,
    items: results[i]?.data?.items ?? [],
    isLoading: results[i]?.isLoading ?? false,
    error: results[i]?.error ?? null,
  }));
}
