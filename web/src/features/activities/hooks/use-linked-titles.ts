// Titles of the contacts or companies that activities link to, fetched in one list request per
// kind (filter[id][in]) rather than one request per record.
import { useQuery } from '@tanstack/react-query';
import { useKind } from '@/hooks/use-meta';
import { apiGet } from '@/lib/api-client';
import { recordTitle } from '@/lib/records';
import type { Page, RecordData } from '@/types/record';

export function useLinkedTitles(kindName: string, ids: number[]): Map<number, string> {
  const { kind } = useKind(kindName);
  const unique = [...new Set(ids)].sort((a, b) => a - b);
  const query = useQuery({
    queryKey: ['linked-titles', kindName, unique],
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ limit: String(unique.length), 'filter[id][in]': unique.join(',') });
      return apiGet<Page<RecordData>>(`/api/v1/${kind!.collection}?${params}`, signal);
    },
    enabled: kind !== undefined && unique.length > 0,
    staleTime: 60_000,
  });
  const titles = new Map<number, string>();
  if (kind) for (const record of query.data?.items ?? []) titles.set(record.id, recordTitle(kind, record));
  return titles;
}
