// A kind's list as keyset pages, fetched one after another as the user scrolls.
import { useInfiniteQuery } from '@tanstack/react-query';
import { listPage } from '../api/records';

export function useRecordList(collection: string, sort: string, q: string) {
  return useInfiniteQuery({
    queryKey: ['list', collection, sort, q],
    queryFn: ({ pageParam, signal }) => listPage(collection, { sort, q, after: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
  });
}
