// The saved views endpoints: /api/v1/views (the caller's own and their team's shared views of a
// kind) and /api/v1/views/{id} under If-Match.
import { apiGet, apiRequest } from '@/lib/api-client';
import type { SavedView, ViewDraft } from '../types/saved-view';

export async function listViews(kind: string, signal: AbortSignal): Promise<SavedView[]> {
  return (await apiGet<{ items: SavedView[] }>(`/api/v1/views?kind=${encodeURIComponent(kind)}`, signal)).items;
}

export async function createView(kind: string, draft: ViewDraft): Promise<SavedView> {
  return (await apiRequest<SavedView>('/api/v1/views', { method: 'POST', body: { kind, ...draft } })).data;
}

export async function updateView(view: SavedView, changes: Partial<ViewDraft>): Promise<SavedView> {
  return (await apiRequest<SavedView>(`/api/v1/views/${view.id}`, { method: 'PATCH', body: changes, ifMatch: `"${view.version}"` })).data;
}

export async function deleteView(view: SavedView): Promise<void> {
  await apiRequest<null>(`/api/v1/views/${view.id}`, { method: 'DELETE', ifMatch: `"${view.version}"` });
}
