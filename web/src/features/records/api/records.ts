// The generic record endpoints of any kind: /api/v1/<collection>[/<id>].
import { type ApiResponse, apiGet, apiRequest } from '@/lib/api-client';
import type { Page, RecordData } from '@/types/record';
import { type FilterCondition, filterParam } from '../utils/list-filters';

export const kPageSize = 50;

// shelf 'trash' lists the records in the trash instead of the live ones.
export type ListParams = { sort: string; q: string; after?: string | null; shelf?: Shelf; filters?: FilterCondition[] };
export type Shelf = 'live' | 'trash';

export function listPage(collection: string, params: ListParams, signal: AbortSignal): Promise<Page<RecordData>> {
  const query = new URLSearchParams({ limit: String(kPageSize), sort: params.sort });
  if (params.q.trim()) query.set('q', params.q.trim());
  for (const condition of params.filters ?? []) query.set(filterParam(condition), condition.value);
  if (params.after) query.set('after', params.after);
  if (params.shelf === 'trash') query.set('shelf', 'trash');
  return apiGet<Page<RecordData>>(`/api/v1/${collection}?${query}`, signal);
}

export function getRecord(collection: string, id: number, signal?: AbortSignal): Promise<ApiResponse<RecordData>> {
  return apiRequest<RecordData>(`/api/v1/${collection}/${id}`, { signal });
}

export async function createRecord(collection: string, body: Record<string, unknown>): Promise<RecordData> {
  return (await apiRequest<RecordData>(`/api/v1/${collection}`, { method: 'POST', body })).data;
}

export function updateRecord(
  collection: string,
  id: number,
  body: Record<string, unknown>,
  etag: string | null,
): Promise<ApiResponse<RecordData>> {
  return apiRequest<RecordData>(`/api/v1/${collection}/${id}`, { method: 'PATCH', body, ifMatch: etag });
}

export function restoreRecord(collection: string, id: number, etag: string | null): Promise<ApiResponse<RecordData>> {
  return apiRequest<RecordData>(`/api/v1/${collection}/${id}/restore`, { method: 'POST', ifMatch: etag });
}

export async function trashRecord(collection: string, id: number, etag: string | null): Promise<void> {
  await apiRequest<null>(`/api/v1/${collection}/${id}`, { method: 'DELETE', ifMatch: etag });
}
