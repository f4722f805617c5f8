// A kind's saved views and the changes to them; every change refetches the list of views.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createView, deleteView, listViews, updateView } from '../api/views';
import type { SavedView, ViewDraft } from '../types/saved-view';

export function useSavedViews(kind: string) {
  const queryClient = useQueryClient();
  const key = ['views', kind];
  const views = useQuery({ queryKey: key, queryFn: ({ signal }) => listViews(kind, signal), staleTime: 60_000 });
  const onSettled = () => queryClient.invalidateQueries({ queryKey: key });
  const create = useMutation({ mutationFn: (draft: ViewDraft) => createView(kind, draft), onSettled });
  const update = useMutation({
    mutationFn: ({ view, changes }: { view: SavedView; changes: Partial<ViewDraft> }) => updateView(view, changes),
    onSettled,
  });
  const remove = useMutation({ mutationFn: (view: SavedView) => deleteView(view), onSettled });
  return { views, create, update, remove };
}
