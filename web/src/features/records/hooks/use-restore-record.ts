// Brings a record back from the trash (If-Match); the page, the kind's lists (both shelves)
// and the record's timeline refresh.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { restoreRecord } from '../api/records';
import { recordKey } from './use-record';

export function useRestoreRecord(collection: string, id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (etag: string | null) => restoreRecord(collection, id, etag),
    onSuccess: (response) => {
      queryClient.setQueryData(recordKey(collection, id), response);
      void queryClient.invalidateQueries({ queryKey: ['list', collection] });
      void queryClient.invalidateQueries({ queryKey: ['timeline', collection, id] });
    },
  });
}
