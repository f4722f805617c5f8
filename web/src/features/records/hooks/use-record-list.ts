// A kind's list as keyset pages, fetched one after another as the user scrolls.
import { useInfiniteQuery } from '@tanstack/react-query';
import { listPage, type Shelf } from '../api/records';
import type { FilterCondition } from '../utils/list-filters';

export function useRecordList(collection: string, sort: string, q: string, shelf: Shelf = 'live', filters: FilterCondition[] = []) {
  return useInfiniteQuery({
    queryKey: ['list', collection, sort, q, shelf, filters],
    queryFn: ({ pageParam, signal }) => listPage(collection, { sort, q, after: pageParam, shelf, filters }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
  });
}
