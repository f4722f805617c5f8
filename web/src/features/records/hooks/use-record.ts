// One record with its ETag, and the writes on it; a write refreshes the cached record and the
// kind's lists.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiResponse } from '@/lib/api-client';
import type { RecordData } from '@/types/record';
import { createRecord, getRecord, trashRecord, updateRecord } from '../api/records';

export function recordKey(collection: string, id: number) {
  return ['record', collection, id] as const;
}

export function useRecord(collection: string, id: number) {
  return useQuery({
    queryKey: recordKey(collection, id),
    queryFn: ({ signal }) => getRecord(collection, id, signal),
    staleTime: 0,
  });
}

export function useUpdateRecord(collection: string, id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, etag }: { body: Record<string, unknown>; etag: string | null }) =>
      updateRecord(collection, id, body, etag),
    onSuccess: (response: ApiResponse<RecordData>) => {
      queryClient.setQueryData(recordKey(collection, id), response);
      void queryClient.invalidateQueries({ queryKey: ['list', collection] });
      void queryClient.invalidateQueries({ queryKey: ['timeline', collection, id] });
    },
  });
}

export function useCreateRecord(collection: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => createRecord(collection, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['list', collection] }),
  });
}

export function useTrashRecord(collection: string, id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (etag: string | null) => trashRecord(collection, id, etag),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: recordKey(collection, id) });
      void queryClient.invalidateQueries({ queryKey: ['list', collection] });
    },
  });
}
