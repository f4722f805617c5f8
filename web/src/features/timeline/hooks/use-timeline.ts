// The timeline of a record, newest first, in pages; adding a note refreshes it.
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { addNote, timelinePage } from '../api/timeline';

// The record feature invalidates this key after a save, so its changes appear here too.
function timelineKey(collection: string, id: number) {
  return ['timeline', collection, id] as const;
}

export function useTimeline(collection: string, id: number) {
  return useInfiniteQuery({
    queryKey: timelineKey(collection, id),
    queryFn: ({ pageParam, signal }) => timelinePage(collection, id, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
  });
}

export function useAddNote(collection: string, id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => addNote(collection, id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: timelineKey(collection, id) }),
  });
}
