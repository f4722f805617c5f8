// A record's timeline pages and the notes added to it.
import { apiGet, apiRequest } from '@/lib/api-client';
import type { Page } from '@/types/record';
import type { Note, TimelineItem } from '../types/timeline';

export function timelinePage(collection: string, id: number, after: string | null, signal: AbortSignal) {
  const query = new URLSearchParams({ limit: '30' });
  if (after) query.set('after', after);
  return apiGet<Page<TimelineItem>>(`/api/v1/${collection}/${id}/timeline?${query}`, signal);
}

export async function addNote(collection: string, id: number, body: string): Promise<Note> {
  return (await apiRequest<Note>(`/api/v1/${collection}/${id}/notes`, { method: 'POST', body: { body } })).data;
}
